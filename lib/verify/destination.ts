import "server-only";
import type { CdnId } from "@/lib/plan/types";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { SENDGRID_AUTO_SSL_TARGET, SENDGRID_ORIGIN } from "@/lib/sendgrid";

/**
 * Where a link host's CNAME chain leads. Only two places are right: SendGrid (link branding as SendGrid shows it,
 * until the switch) and the CDN (after it). A chain that passes through other names on the way to either is fine;
 * one that reaches neither points at a third name (a stale distribution, another CDN, a typo) and fails the DNS check.
 */
export type Destination =
  /** The CDN address given for the host. */
  | { kind: "target"; name: string }
  /** SendGrid's link-branding origin (either region) or its Auto SSL name. */
  | { kind: "origin"; name: string }
  /** No target was given, and the chain reaches a name of the shape this CDN gives the host (its provider module says). */
  | { kind: "cdn"; name: string }
  /** No CNAME at all: the name answers with addresses (proxied in place, a flattened or alias record, or an A record). */
  | { kind: "addresses" }
  /** A CNAME whose chain reaches neither: `name` is what the record says, `chain` every name after the host. */
  | { kind: "elsewhere"; name: string; chain: string[] };

const SENDGRID_NAMES = new Set<string>([...Object.values(SENDGRID_ORIGIN), SENDGRID_AUTO_SSL_TARGET]);

const isSendGridName = (name: string) => SENDGRID_NAMES.has(name);

/**
 * `names`: the chain after the host (lower case, no trailing dots, as `resolveChain` gives them); `target`: the
 * normalised CDN address or null. The target wins over SendGrid, as in `decidePhase`.
 */
export function destinationOf(names: string[], host: string, target: string | null, cdn: CdnId): Destination {
  if (target && names.includes(target)) return { kind: "target", name: target };
  const sendgrid = names.find(isSendGridName);
  if (sendgrid) return { kind: "origin", name: sendgrid };
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
