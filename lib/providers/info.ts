import type { CdnId } from "@/lib/plan/types";
import type { ProviderInfo } from "@/lib/providers/types";
import { cloudfrontInfo } from "./cloudfront/info";
import { cloudflareInfo } from "./cloudflare/info";
import { fastlyInfo } from "./fastly/info";
import { keycdnInfo } from "./keycdn/info";

/** Client-safe facts about every CDN, in the order the wizard offers them. */
export const PROVIDER_INFO: Record<CdnId, ProviderInfo> = {
  cloudfront: cloudfrontInfo,
  cloudflare: cloudflareInfo,
  fastly: fastlyInfo,
  keycdn: keycdnInfo,
};
