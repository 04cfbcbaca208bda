import type { CdnAddress } from "@/lib/providers/types";
import { perCdn, type CdnId } from "./registry";

/** Each CDN's address for a link host: its shape, where to find it, and whether the CDN proxies in place. */
export const CDN_ADDRESSES: Record<CdnId, CdnAddress> = perCdn((facts) => facts.address);
