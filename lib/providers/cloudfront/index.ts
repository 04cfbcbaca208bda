import type { CdnProvider } from "@/lib/providers/types";
import { awsCliExport, terraformExport } from "./export";
import { cloudfrontFacts } from "./facts";
import { plan } from "./plan";

export const cloudfront: CdnProvider = {
  ...cloudfrontFacts.info,
  address: cloudfrontFacts.address,
  verification: cloudfrontFacts.verification,
  plan,
  exports: { terraform: terraformExport, awsCli: awsCliExport },
};
