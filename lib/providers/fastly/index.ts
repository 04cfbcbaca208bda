import type { CdnProvider } from "@/lib/providers/types";
import { terraformExport } from "./export";
import { fastlyFacts } from "./facts";
import { plan } from "./plan";

export const fastly: CdnProvider = {
  ...fastlyFacts.info,
  address: fastlyFacts.address,
  verification: fastlyFacts.verification,
  plan,
  exports: { terraform: terraformExport },
};
