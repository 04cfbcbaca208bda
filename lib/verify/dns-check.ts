import "server-only";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import { check } from "./check-result";
import { describe, whoAnswered, type DiagnoseContext } from "./diagnose";
import { cdnName } from "./diagnosis";
import { destinationOf, elsewhereWords, type Destination } from "./destination";
import type { EspChoice } from "@/lib/domain/esp";
import { ownerWords } from "@/lib/esps/tracking-names";
import { describeHop, firstHop, resolveChain, type ChainResult, type DnsClient, type FirstHop } from "./dns";
import type { VerifySettings } from "./settings";
import type { CheckResult } from "./types";

/**
 * The DNS check of one host. Before the switch: the public resolver's chain must reach the email provider's origin
 * for the chosen region (or already the CDN); another region's or another ESP's origin fails. After it: the chain must reach the CDN address, and the zone's own servers are asked too, so a change still
 * on its way is "pending" rather than failing, unless the zone's new record points at a third name.
 */

export interface DnsCheckContext {
  host: string;
  target: string | null;
  cdn: DiagnoseContext["cdn"];
  esp: EspChoice;
  settings: VerifySettings;
  dns: DnsClient;
}

/** A response the host gave by name, to see who answered (a record proxied in place). */
export interface HttpAnswer {
  headers: Record<string, string>;
  body: string;
}

function chainWords(chain: ChainResult): string {
  const path = chain.chain.join(" → ");
  const addresses = chain.addresses.length > 0 ? ` → ${chain.addresses.slice(0, 4).join(", ")}${chain.addresses.length > 4 ? ", …" : ""}` : "";
  return chain.outcome === "ok" ? `${path}${addresses}` : `${path}: ${chain.error ?? chain.outcome}`;
}

/** What the zone's own servers say the host is, and, when that differs from the public resolver, where it leads. */
interface ZoneAnswer {
  seen: string;
  hop: FirstHop | null;
  disagree: boolean;
  /** The zone's answer followed to the end of its chain through the public resolver; null when it agrees or is no CNAME. */
  destination: Destination | null;
  /** "the zone's own servers say …, the public resolver still says …", for a change on its way. */
  propagating: string;
}

function hopsDisagree(publicChain: ChainResult, auth: FirstHop): boolean {
  const publicFirst = publicChain.chain[1];
  if (auth.kind === "cname") return publicFirst !== auth.target;
  if (auth.kind === "address") return publicFirst !== undefined;
  if (auth.kind === "nxdomain") return publicChain.outcome !== "nxdomain";
  return false;
}

async function askZone(ctx: DnsCheckContext, chain: ChainResult): Promise<ZoneAnswer> {
  const publicSays = chain.chain[1] ?? chain.outcome;
  const auth = await ctx.dns.authoritative(ctx.host);
  if (!auth.ok) return { seen: `authoritative servers not asked: ${auth.error}`, hop: null, disagree: false, destination: null, propagating: "" };
  const hop = await firstHop(ctx.host, auth.resolver);
  const disagree = hopsDisagree(chain, hop);
  let destination: Destination | null = null;
  if (disagree && hop.kind === "cname") {
    const followed = await resolveChain(hop.target, ctx.dns.public, ctx.settings.maxCnameDepth);
    destination = destinationOf(followed.chain, ctx.host, ctx.target, ctx.cdn, ctx.esp);
  }
  return {
    seen: `authoritative (${auth.servers.slice(0, 2).join(", ")}): ${describeHop(hop)}`,
    hop,
    disagree,
    destination,
    propagating: `the zone's own servers say ${describeHop(hop)}, the public resolver still says ${publicSays}`,
  };
}

/** The zone's new record points at a third name: named with both answers, so nobody waits for it to spread. */
function zoneWords(zone: ZoneAnswer & { destination: Extract<Destination, { kind: "elsewhere" }> }, chain: ChainResult): string {
  return `${elsewhereWords(zone.destination)} (so say the zone's own servers; the public resolver still says ${chain.chain[1] ?? chain.outcome})`;
}

const isElsewhere = (zone: ZoneAnswer): zone is ZoneAnswer & { destination: Extract<Destination, { kind: "elsewhere" }> } => zone.destination?.kind === "elsewhere";
/** The zone's own servers already point the host where it may point in this phase: the change is on its way. */
const zoneHeadsFor = (zone: ZoneAnswer, kinds: Destination["kind"][]) => zone.destination !== null && kinds.includes(zone.destination.kind);

/** A chain (or the zone's new record) that reaches another region's or another ESP's tracking name: named at once. */
function wrongOrigin(d: Extract<Destination, { kind: "wrong-origin" }>, dctx: DiagnoseContext, seen: string[], ms: number, zoneSays = ""): CheckResult {
  return check.fail("dns", describe("esp-wrong-origin", { ...dctx, detail: `${d.name}, ${ownerWords(d.owner)}${zoneSays}` }), seen, ms);
}

/**
 * Before the switch the chain must reach the ESP's origin (or, when asked to check "before" anyway, the CDN). A chain that
 * reaches neither fails, unless the zone's own servers already point at one of them (then it is propagating).
 */
export async function beforeDnsCheck(ctx: DnsCheckContext, chain: ChainResult, dctx: DiagnoseContext, ms: number): Promise<CheckResult> {
  const seen = [chainWords(chain)];
  switch (chain.outcome) {
    case "nxdomain":
      return check.fail("dns", describe("nxdomain", { ...dctx, phase: "before" }), seen, ms);
    case "error":
    case "loop":
    case "too-deep":
      return check.fail("dns", describe("dns-error", { ...dctx, detail: chain.error ?? chain.outcome }), seen, ms);
    case "dangling":
    case "nodata":
      return check.fail("dns", describe("cname-wrong-target", { ...dctx, target: dctx.origin, detail: `${chain.chain.at(-1)}, which has no address` }), seen, ms);
    case "ok":
      break;
    default: {
      const never: never = chain.outcome;
      return never;
    }
  }
  const destination = destinationOf(chain.chain.slice(1), ctx.host, ctx.target, ctx.cdn, ctx.esp);
  switch (destination.kind) {
    case "origin":
      seen.push(`points at ${dctx.esp.name}, as it should until the switch`);
      return check.pass("dns", seen, ms);
    case "wrong-origin":
      return wrongOrigin(destination, dctx, seen, ms);
    case "target":
    case "cdn":
      seen.push("already points at the CDN");
      return check.pass("dns", seen, ms);
    case "addresses":
      seen.push(CDN_ADDRESSES[ctx.cdn].proxiesInPlace ? `answers with addresses, no CNAME: proxied on ${cdnName(ctx.cdn)} already` : "answers with addresses, no CNAME");
      return check.pass("dns", seen, ms);
    case "elsewhere":
      break;
    default: {
      const never: never = destination;
      return never;
    }
  }
  const started = performance.now();
  const zone = await askZone(ctx, chain);
  seen.push(zone.seen);
  const elapsed = ms + Math.round(performance.now() - started);
  if (zoneHeadsFor(zone, ["origin", "target", "cdn"])) return check.pending("dns", describe("dns-propagation", { ...dctx, detail: zone.propagating }), seen, elapsed);
  if (zone.destination?.kind === "wrong-origin") return wrongOrigin(zone.destination, dctx, seen, elapsed, " (so say the zone's own servers)");
  const words = isElsewhere(zone) ? zoneWords(zone, chain) : elsewhereWords(destination);
  return check.fail("dns", describe("cname-wrong-target", { ...dctx, phase: "before", detail: words }), seen, elapsed);
}

/**
 * After the switch the chain must reach the CDN address (or, with none given, a name of the CDN's shape); a CDN that
 * proxies in place shows addresses and no CNAME. The zone's own servers are asked too: a change on its way to the
 * CDN is pending, one on its way to a third name fails at once.
 */
export async function afterDnsCheck(ctx: DnsCheckContext, chain: ChainResult, dctx: DiagnoseContext, answer: HttpAnswer | null, ms: number): Promise<CheckResult> {
  const seen = [`public resolver: ${chainWords(chain)}`];
  const started = performance.now();
  const zone = await askZone(ctx, chain);
  seen.push(zone.seen);
  const elapsed = ms + Math.round(performance.now() - started);
  const propagation = () => check.pending("dns", describe("dns-propagation", { ...dctx, detail: zone.propagating }), seen, elapsed);
  const pointsElsewhere = (words: string) => check.fail("dns", describe("cname-wrong-target", { ...dctx, phase: "after", detail: words }), seen, elapsed);
  const destination = destinationOf(chain.chain.slice(1), ctx.host, ctx.target, ctx.cdn, ctx.esp);

  if (isElsewhere(zone)) return pointsElsewhere(zoneWords(zone, chain));

  const inPlace = CDN_ADDRESSES[ctx.cdn].proxiesInPlace ? VERIFICATIONS[ctx.cdn].inPlace : undefined;
  if (inPlace) {
    if (destination.kind === "origin") return check.fail("dns", describe(inPlace.dnsOnly, { ...dctx, detail: `a visible CNAME to ${destination.name}` }), seen, elapsed);
    if (destination.kind === "wrong-origin") return wrongOrigin(destination, dctx, seen, elapsed);
    if (chain.outcome === "nxdomain") return check.fail("dns", describe("nxdomain", { ...dctx, phase: "after" }), seen, elapsed);
    if (chain.outcome !== "ok") return check.fail("dns", describe("dns-error", { ...dctx, detail: chain.error ?? chain.outcome }), seen, elapsed);
    if (destination.kind === "elsewhere") return pointsElsewhere(elsewhereWords(destination));
    if (destination.kind !== "addresses") return check.pass("dns", [...seen, `points at ${destination.name}`], elapsed);
    if (answer && whoAnswered(answer.headers, answer.body) === ctx.cdn) seen.push(inPlace.answersSeen);
    else seen.push("answers with addresses and no CNAME, as a proxied record does");
    return check.pass("dns", seen, elapsed);
  }

  if (chain.outcome === "nxdomain") return zone.disagree ? propagation() : check.fail("dns", describe("nxdomain", { ...dctx, phase: "after" }), seen, elapsed);
  if (chain.outcome === "error") return check.fail("dns", describe("dns-error", { ...dctx, detail: chain.error ?? "" }), seen, elapsed);
  if (destination.kind === "target" || destination.kind === "cdn") {
    if (chain.outcome !== "ok") return check.fail("dns", describe("target-nxdomain", { ...dctx, target: destination.name, detail: chain.error ?? chain.outcome }), seen, elapsed);
    return zone.disagree ? propagation() : check.pass("dns", [...seen, `points at ${destination.name}`], elapsed);
  }
  if (zoneHeadsFor(zone, ["target", "cdn"])) return propagation();
  switch (destination.kind) {
    case "origin":
      return check.fail("dns", describe("dns-not-switched", { ...dctx, detail: destination.name }), seen, elapsed);
    case "wrong-origin":
      // After the switch the host belongs on the CDN, whichever ESP name it still points at.
      return check.fail("dns", describe("dns-not-switched", { ...dctx, detail: destination.name }), seen, elapsed);
    case "elsewhere":
      return pointsElsewhere(elsewhereWords(destination));
    case "addresses":
      if (!ctx.target) return check.pass("dns", [...seen, "answers with addresses and no CNAME; no CDN address given to compare with"], elapsed);
      return check.fail("dns", describe("cname-wrong-target", { ...dctx, detail: `addresses ${chain.addresses.join(", ")}` }), seen, elapsed);
    default: {
      const never: never = destination;
      return never;
    }
  }
}
