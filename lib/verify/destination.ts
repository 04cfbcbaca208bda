import "server-only";
import type { EspChoice } from "@/lib/domain/esp";
import { fitsChoice, trackingNameOwner, type TrackingNameOf } from "@/lib/esps/tracking-names";
import type { CdnId } from "@/lib/domain/plan";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";

/**
 * Where a link host's CNAME chain leads. Only two places are right: the chosen email provider's tracking name for the
 * chosen region (its origin, or the name its tracking record may point at: each ESP module's `readTrackingName`),
 * until the switch, and the CDN after it. A chain that passes through other names on the way to either is fine; one
 * that reaches another region's or another ESP's tracking name, or neither, fails the DNS check.
 */
export type Destination =
  /** The CDN address given for the host. */
  | { kind: "target"; name: string }
  /** The chosen ESP's tracking name for the chosen region or tenant. */
  | { kind: "origin"; name: string }
  /** A tracking name of another region or tenant of the chosen ESP, or of another ESP: the plan's choice does not fit. */
  | { kind: "wrong-origin"; name: string; owner: TrackingNameOf }
  /** No target was given, and the chain reaches a name of the shape this CDN gives the host (its provider module says). */
  | { kind: "cdn"; name: string }
  /** No CNAME at all: the name answers with addresses (proxied in place, a flattened or alias record, or an A record). */
  | { kind: "addresses" }
  /** A CNAME whose chain reaches neither: `name` is what the record says, `chain` every name after the host. */
  | { kind: "elsewhere"; name: string; chain: string[] };

/**
 * `names`: the chain after the host (lower case, no trailing dots, as `resolveChain` gives them); `target`: the
 * normalised CDN address or null. The target wins over the ESP, as in `decidePhase`; the first ESP name in the chain
 * decides whether it fits the choice.
 */
export function destinationOf(names: string[], host: string, target: string | null, cdn: CdnId, esp: EspChoice): Destination {
  if (target && names.includes(target)) return { kind: "target", name: target };
  for (const name of names) {
    const owner = trackingNameOwner(name);
    if (owner) return fitsChoice(owner, esp) ? { kind: "origin", name } : { kind: "wrong-origin", name, owner };
  }
  if (!target) {
    const own = names.find((n) => CDN_ADDRESSES[cdn].isAddressFor(n, host));
    if (own) return { kind: "cdn", name: own };
  }
  if (names.length === 0) return { kind: "addresses" };
  return { kind: "elsewhere", name: names[0]!, chain: names };
}

/** "x.example.net", or "x.example.net (→ y.example.net)" when the chain goes on: what the record says first. */
export function elsewhereWords(d: Extract<Destination, { kind: "elsewhere" }>): string {
  return d.chain.length > 1 ? `${d.name} (→ ${d.chain.slice(1).join(" → ")})` : d.name;
}
