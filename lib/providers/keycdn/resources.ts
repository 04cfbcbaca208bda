import type { CdnResources } from "@/lib/providers/types";

/** What KeyCDN apply creates and reports (ResourceRef.kind), as people read it. */
export const RESOURCE = {
  keycdnZone: "KeyCDN pull zone",
  keycdnAlias: "KeyCDN zone alias",
} as const;

export const keycdnResources = {
  kinds: RESOURCE,
  // The Zonealias before the zone it belongs to (docs/providers/keycdn.md#order-of-work).
  undoOrder: [RESOURCE.keycdnAlias, RESOURCE.keycdnZone],
  maxPerHost: 2,
} as const satisfies CdnResources;
