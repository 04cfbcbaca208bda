import { cloudflareFacts } from "./cloudflare/facts";
import { cloudfrontFacts } from "./cloudfront/facts";
import { fastlyFacts } from "./fastly/facts";
import { CDN_IDS, type CdnId } from "./ids";
import { keycdnFacts } from "./keycdn/facts";
import type { CdnFacts } from "./types";

export { CDN_IDS, type CdnId };

/**
 * Each CDN's client-safe facts (lib/providers/<cdn>/facts.ts: info, credentials, address, verification,
 * endpoints, resources), one line per CDN. Every client-safe per-CDN table is derived from here (PROVIDER_INFO,
 * CDN_ADDRESSES, VERIFICATIONS, ENDPOINT_SPECS, CREDENTIAL_SCHEMAS, RESOURCE_KIND). The modules with their plans
 * and the server-only adapters are in server.ts, which index.ts derives the modules from: a client bundle that
 * needs a CDN's facts must not carry every plan (and tldts) or any server code, so this list and server.ts's are
 * the two a new CDN adds a line to.
 */
export const CDN_FACTS = {
  cloudfront: cloudfrontFacts,
  cloudflare: cloudflareFacts,
  fastly: fastlyFacts,
  keycdn: keycdnFacts,
} satisfies Record<CdnId, CdnFacts>;

/** The example of a CDN address the wizard gives in messages, whichever CDN is chosen: the first CDN's that has one. */
export const EXAMPLE_CDN_ADDRESS = CDN_IDS.map((cdn): string | undefined => CDN_FACTS[cdn].address.example).find((e) => e !== undefined)!;

/** One value per CDN, in CDN_IDS order. */
export function perCdn<T>(pick: (facts: (typeof CDN_FACTS)[CdnId], cdn: CdnId) => T): Record<CdnId, T> {
  return Object.fromEntries(CDN_IDS.map((cdn) => [cdn, pick(CDN_FACTS[cdn], cdn)])) as Record<CdnId, T>;
}
