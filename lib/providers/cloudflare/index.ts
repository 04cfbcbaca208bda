import type { CdnProvider } from "@/lib/providers/types";
import { terraformExport } from "./export";
import { cloudflareFacts } from "./facts";
import { plan } from "./plan";

export const cloudflare: CdnProvider = {
  ...cloudflareFacts.info,
  address: cloudflareFacts.address,
  verification: cloudflareFacts.verification,
  plan,
  exports: { terraform: terraformExport },
};
