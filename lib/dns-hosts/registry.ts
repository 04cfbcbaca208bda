import { cloudflareDnsFacts } from "./cloudflare/facts";
import { route53Facts } from "./route53/facts";
import type { DnsHostFacts } from "./types";

/**
 * The DNS hosts whose API the wizard can switch the link record at: the one list of their ids, and each one's
 * client-safe facts (lib/dns-hosts/<id>/facts.ts). Their server-only adapters are in server.ts under the same ids;
 * nothing outside a host's folder names it. Adding a DNS host: one line in each list.
 */
export const DNS_HOST_IDS = ["route53", "cloudflare"] as const;
export type DnsHostId = (typeof DNS_HOST_IDS)[number];

export const DNS_HOST_FACTS = {
  route53: route53Facts,
  cloudflare: cloudflareDnsFacts,
} satisfies Record<DnsHostId, DnsHostFacts>;

export function isDnsHostId(id: string): id is DnsHostId {
  return (DNS_HOST_IDS as readonly string[]).includes(id);
}
