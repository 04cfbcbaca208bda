import type { CdnProvider } from "@/lib/providers/types";
import { cloudfrontInfo } from "./info";
import { plan } from "./plan";

export const cloudfront: CdnProvider = { ...cloudfrontInfo, plan };
