import { cloudflareInfo } from "@/lib/providers/cloudflare/info";
import { PERMISSION, TTL_AUTO } from "@/lib/providers/cloudflare/settings";
import type { DnsHostInfo } from "@/lib/dns-hosts/types";

/** Cloudflare as the DNS host of a link host whose CDN is another one (docs/dns-hosts/cloudflare.md). */
export const CLOUDFLARE_DNS_PERMISSION = { zoneRead: PERMISSION.zoneRead, dnsEdit: PERMISSION.dnsEdit } as const;

export const cloudflareDnsInfo: DnsHostInfo = {
  id: "cloudflare",
  name: "Cloudflare DNS",
  // The same API token field as the CDN's (docs/contract.md: "Cloudflare API token").
  credentialFields: cloudflareInfo.credentialFields,
  permissions: [CLOUDFLARE_DNS_PERMISSION.zoneRead, CLOUDFLARE_DNS_PERMISSION.dnsEdit],
  console: "the Cloudflare dashboard › the zone › DNS › Records",
  // Auto is 300 s for a DNS-only record (docs/dns-hosts/cloudflare.md#ttl).
  automaticTtl: { value: TTL_AUTO, words: "TTL Auto", seconds: 300 },
};
