import { cloudflareFacts } from "./cloudflare/facts";
import { cloudfrontFacts } from "./cloudfront/facts";
import { fastlyFacts } from "./fastly/facts";
import { keycdnFacts } from "./keycdn/facts";
import type { CdnFacts } from "./types";

/**
 * The CDNs, in the order the wizard offers them: the one list of their ids, and each one's client-safe facts
 * (lib/providers/<cdn>/facts.ts: info, address, verification). Every per-CDN table outside the CDN folders is
 * derived from here (PROVIDER_INFO, CDN_ADDRESSES, VERIFICATIONS); the full modules with their plans are in
 * index.ts, their apply in server.ts, both typed by these ids. Adding a CDN: its id in lib/domain/ids.ts, one line in each list below.
 */
export { CDN_IDS, type CdnId } from "@/lib/domain/ids";
import { CDN_IDS, type CdnId } from "@/lib/domain/ids";

export const CDN_FACTS = {
  cloudfront: cloudfrontFacts,
  cloudflare: cloudflareFacts,
  fastly: fastlyFacts,
  keycdn: keycdnFacts,
} satisfies Record<CdnId, CdnFacts>;

/** The example of a CDN address the wizard gives in messages, whichever CDN is chosen. */
export const EXAMPLE_CDN_ADDRESS = cloudfrontFacts.address.example;

/** One value per CDN, in CDN_IDS order. */
export function perCdn<T>(pick: (facts: (typeof CDN_FACTS)[CdnId], cdn: CdnId) => T): Record<CdnId, T> {
  return Object.fromEntries(CDN_IDS.map((cdn) => [cdn, pick(CDN_FACTS[cdn], cdn)])) as Record<CdnId, T>;
}
