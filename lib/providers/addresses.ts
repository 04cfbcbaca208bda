import type { CdnId } from "@/lib/plan/types";
import type { CdnAddress } from "@/lib/providers/types";
import { cloudflareAddress } from "./cloudflare/address";
import { cloudfrontAddress } from "./cloudfront/address";
import { fastlyAddress } from "./fastly/address";
import { keycdnAddress } from "./keycdn/address";

/** Each CDN's address for a link host: its shape, where to find it, and whether the CDN proxies in place. */
export const CDN_ADDRESSES: Record<CdnId, CdnAddress> = {
  cloudfront: cloudfrontAddress,
  cloudflare: cloudflareAddress,
  fastly: fastlyAddress,
  keycdn: keycdnAddress,
};
