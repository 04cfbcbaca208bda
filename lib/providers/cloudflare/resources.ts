import type { CdnResources } from "@/lib/providers/types";

/** What Cloudflare apply creates, adopts and reports (ResourceRef.kind), as people read it. */
export const RESOURCE = {
  dnsRecord: "DNS record",
  advancedCertificate: "Advanced certificate",
  universalCertificate: "Universal SSL certificate",
  configurationRule: "Configuration Rule",
} as const;

export const cloudflareResources = {
  kinds: RESOURCE,
  // Records first, then the rule, then the certificate the proxied record was served with; a Universal SSL
  // certificate is Cloudflare's own and never removed.
  undoOrder: [RESOURCE.dnsRecord, RESOURCE.configurationRule, RESOURCE.advancedCertificate],
  // The link record, the owner record, the certificate and the rule.
  maxPerHost: 4,
} as const satisfies CdnResources;
