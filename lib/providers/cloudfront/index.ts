import type { CdnProvider } from "@/lib/providers/types";
import { awsCliExport, terraformExport } from "./export";
import { cloudfrontInfo } from "./info";
import { plan } from "./plan";

export const cloudfront: CdnProvider = { ...cloudfrontInfo, plan, exports: { terraform: terraformExport, awsCli: awsCliExport } };
