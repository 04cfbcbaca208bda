import type { CdnId } from "./ids";
import { CDN_FACTS, CDN_IDS, perCdn } from "./registry";

/**
 * The kinds of resource apply reports (ResourceRef.kind), from each CDN's facts (lib/providers/<cdn>/resources.ts).
 * Safe for client bundles: the undo confirmation lists them and the undo action accepts only these.
 */
type Kinds = (typeof CDN_FACTS)[CdnId]["resources"]["kinds"];
type Merged<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** Every CDN's kinds by name (each CDN's names are its own: a test checks they never collide). */
export const RESOURCE_KIND = Object.assign({}, ...CDN_IDS.map((cdn) => CDN_FACTS[cdn].resources.kinds)) as Merged<Kinds>;

export type ResourceKind = { [K in CdnId]: (typeof CDN_FACTS)[K]["resources"]["kinds"][keyof (typeof CDN_FACTS)[K]["resources"]["kinds"]] }[CdnId];

export const RESOURCE_KINDS = Object.values(RESOURCE_KIND) as [ResourceKind, ...ResourceKind[]];

/** What undo can remove for each CDN, in the order it removes them: what uses a resource goes before the resource. */
export const UNDO_ORDER: Record<CdnId, readonly ResourceKind[]> = perCdn((facts) => facts.resources.undoOrder);

/** At most this many resources per host, over every CDN. */
export const MAX_RESOURCES_PER_HOST = Math.max(...CDN_IDS.map((cdn) => CDN_FACTS[cdn].resources.maxPerHost));

export function isUndoable(cdn: CdnId, kind: string): kind is ResourceKind {
  return (UNDO_ORDER[cdn] as readonly string[]).includes(kind);
}
