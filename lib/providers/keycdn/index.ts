import type { CdnProvider } from "@/lib/providers/types";
import { keycdnFacts } from "./facts";
import { plan } from "./plan";

export const keycdn: CdnProvider = {
  ...keycdnFacts.info,
  address: keycdnFacts.address,
  verification: keycdnFacts.verification,
  plan,
  // Unverified whether an official provider exists: the export route says "no official Terraform resources".
  exports: { none: "No Terraform export: this project knows no official Terraform resources for a KeyCDN pull zone; Markdown and JSON carry every value." },
};
