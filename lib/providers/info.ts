import type { ProviderInfo } from "@/lib/providers/types";
import { perCdn, type CdnId } from "./registry";

/** Client-safe facts about every CDN, in the order the wizard offers them. */
export const PROVIDER_INFO: Record<CdnId, ProviderInfo> = perCdn((facts) => facts.info);
