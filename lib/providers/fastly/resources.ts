import type { CdnResources } from "@/lib/providers/types";

/** What Fastly apply creates and reports (ResourceRef.kind), as people read it. */
export const RESOURCE = {
  fastlyService: "Fastly service",
  fastlyTlsSubscription: "Fastly TLS subscription",
} as const;

export const fastlyResources = {
  kinds: RESOURCE,
  // The TLS subscription before the service that serves its domain (docs/providers/fastly.md#deactivate).
  undoOrder: [RESOURCE.fastlyTlsSubscription, RESOURCE.fastlyService],
  maxPerHost: 2,
} as const satisfies CdnResources;
