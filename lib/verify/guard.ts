import "server-only";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { dnsErrorKind, dnsErrorText, type DnsQuestioner } from "./resolver";
import type { VerifySettings } from "./settings";

/**
 * The SSRF guard: the one way the verifier reaches the network (OWASP "SSRF Prevention Cheat Sheet";
 * docs/verification.md#ssrf-guard). Names are resolved first (A and AAAA), the whole answer is refused when ANY address is
 * not public unicast, and connections go to the checked IP only, so a second lookup (DNS rebinding) never
 * happens. Redirects are never followed here: probes report them. Time, size and concurrency are capped by
 * the probes and the connection semaphore below.
 */

export interface GuardSettings {
  allowLoopback: boolean;
}

export type AddressDecision =
  | { allowed: true; ip: string; range: string }
  | { allowed: false; ip: string; range: string; reason: string };

/** ipaddr.js range names → words. */
const RANGE_WORDS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address (169.254.0.0/16 holds cloud metadata services)",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  private: "a private address",
  reserved: "a reserved or documentation address",
  as112: "an AS112 address",
  amt: "an AMT relay address",
  uniqueLocal: "an IPv6 unique-local address (fc00::/7)",
  ipv4Mapped: "an IPv4-mapped IPv6 address",
  deprecatedSiteLocal: "an IPv6 site-local address",
  discard: "an IPv6 discard address",
  rfc6145: "an IPv4-translated IPv6 address",
  rfc6052: "a NAT64 address (64:ff9b::/96)",
  "6to4": "a 6to4 address (2002::/16) that wraps an IPv4 address",
  teredo: "a Teredo address (2001::/32) that wraps an IPv4 address",
  benchmarking: "a benchmarking address",
  deprecatedOrchid: "an ORCHID address",
  orchid2: "an ORCHIDv2 address",
  droneRemoteIdProtocolEntityTags: "a drone remote ID address",
  segmentRouting: "a segment-routing address",
  ipv4Compatible: "an IPv4-compatible IPv6 address (::/96)",
  notGlobalUnicast: "an IPv6 address outside global unicast 2000::/3",
  invalid: "not an IP address",
};

/** 169.254.169.254 (and fd00:ec2::254) serve cloud credentials: name them plainly. */
const METADATA = new Set(["169.254.169.254", "fd00:ec2::254", "169.254.170.2"]);

/**
 * The decision, pure: `ipaddr.process(a).range() === "unicast"` is the allow rule (it unwraps
 * `::ffff:a.b.c.d` first). IPv6 must also be global unicast (2000::/3): ipaddr.js calls the deprecated
 * IPv4-compatible `::a.b.c.d` and other unassigned space "unicast". With `allowLoopback`, exactly
 * 127.0.0.0/8 and `::1` are let through, not their mapped or wrapped forms.
 */
export function checkAddress(ip: string, settings: GuardSettings): AddressDecision {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  let processed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(ip);
    processed = ipaddr.process(ip);
  } catch {
    return { allowed: false, ip, range: "invalid", reason: `${ip} is ${RANGE_WORDS.invalid}` };
  }
  const shown = processed.toString();
  const range = processed.range();
  if (settings.allowLoopback && range === "loopback") {
    const literal = parsed.kind() === "ipv4" || parsed.toNormalizedString() === "0:0:0:0:0:0:0:1";
    if (literal) return { allowed: true, ip: shown, range };
  }
  let effective: string = range;
  if (range === "unicast" && processed.kind() === "ipv6") {
    const v6 = processed as ipaddr.IPv6;
    if (v6.match(ipaddr.IPv6.parse("::"), 96)) effective = "ipv4Compatible";
    else if (!v6.match(ipaddr.IPv6.parse("2000::"), 3)) effective = "notGlobalUnicast";
  }
  if (effective === "unicast") return { allowed: true, ip: shown, range };
  const words = METADATA.has(shown) ? "a cloud metadata address" : (RANGE_WORDS[effective] ?? `a ${effective} address`);
  const wrapped = parsed.kind() === "ipv6" && processed.kind() === "ipv4" ? ` (written as ${ip})` : "";
  return { allowed: false, ip: shown, range: effective, reason: `${shown}${wrapped} is ${words}, which the verifier never connects to` };
}

export function isAllowedAddress(ip: string, settings: GuardSettings): boolean {
  return checkAddress(ip, settings).allowed;
}

declare const checkedBrand: unique symbol;

/** An address the guard has checked. Only this module makes them; connectors accept nothing else. */
export interface CheckedAddress {
  readonly ip: string;
  readonly family: 4 | 6;
  /** The name it was resolved from (or the literal). */
  readonly name: string;
  readonly [checkedBrand]: true;
}

function checked(ip: string, name: string): CheckedAddress {
  return { ip, family: net.isIPv6(ip) ? 6 : 4, name } as CheckedAddress;
}

export type Resolution =
  | { ok: true; name: string; address: CheckedAddress; addresses: string[] }
  | { ok: false; name: string; kind: "refused"; addresses: string[]; refused: AddressDecision[]; message: string }
  | { ok: false; name: string; kind: "nxdomain" | "nodata" | "error"; addresses: []; message: string };

/** Opens TCP connections to checked addresses. Tests inject one that records attempts. */
export interface Connector {
  connect(address: CheckedAddress, port: number): Promise<net.Socket>;
}

type Dial = (options: { host: string; port: number }) => net.Socket;

/**
 * The real connector. It checks the address again (belt and braces: a forged CheckedAddress still cannot
 * reach a refused range) and dials the IP literal, so Node does no lookup of its own.
 */
export function netConnector(settings: GuardSettings, dial: Dial = (o) => net.connect(o)): Connector {
  return {
    async connect(address, port) {
      const decision = checkAddress(address.ip, settings);
      if (!decision.allowed) throw Object.assign(new Error(decision.reason), { code: "EGUARDREFUSED" });
      if (!net.isIP(decision.ip)) throw Object.assign(new Error(`${address.ip} is not an IP literal`), { code: "EGUARDREFUSED" });
      return dial({ host: decision.ip, port });
    },
  };
}

/** A counting semaphore for connections. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }

  get inUse(): number {
    return this.active;
  }
}

/** One per process: the connection bound holds across concurrent verifications. */
const sharedSemaphores = new Map<number, Semaphore>();
function sharedSemaphore(limit: number): Semaphore {
  let s = sharedSemaphores.get(limit);
  if (!s) {
    s = new Semaphore(limit);
    sharedSemaphores.set(limit, s);
  }
  return s;
}

export interface GuardOptions {
  settings: Pick<VerifySettings, "allowLoopback" | "maxConnections">;
  resolver: DnsQuestioner;
  connector?: Connector;
  semaphore?: Semaphore;
}

/**
 * Resolution and connection for one verification run. Resolutions are cached per name for the run, so
 * every probe of a host connects to the same checked address.
 */
export class Guard {
  private readonly resolutions = new Map<string, Promise<Resolution>>();
  private readonly settings: GuardOptions["settings"];
  private readonly resolver: DnsQuestioner;
  readonly connector: Connector;
  private readonly semaphore: Semaphore;

  constructor(opts: GuardOptions) {
    this.settings = opts.settings;
    this.resolver = opts.resolver;
    this.connector = opts.connector ?? netConnector(opts.settings);
    this.semaphore = opts.semaphore ?? sharedSemaphore(opts.settings.maxConnections);
  }

  resolve(name: string): Promise<Resolution> {
    const key = name.toLowerCase().replace(/\.$/, "");
    let found = this.resolutions.get(key);
    if (!found) {
      found = this.lookup(key);
      this.resolutions.set(key, found);
    }
    return found;
  }

  private async lookup(name: string): Promise<Resolution> {
    // IP literals, including forms the WHATWG URL parser and inet_aton accept (0x7f.1, 2130706433).
    const literal = name.replace(/^\[(.*)\]$/, "$1");
    if (ipaddr.isValid(literal)) return this.decide(name, [literal]);

    const [v4, v6] = await Promise.allSettled([this.resolver.resolve4(name), this.resolver.resolve6(name)]);
    const addresses = [...(v4.status === "fulfilled" ? v4.value : []), ...(v6.status === "fulfilled" ? v6.value : [])];
    if (addresses.length === 0) {
      const reasons = [v4, v6].flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      const hard = reasons.find((e) => dnsErrorKind(e) === "error");
      const kind = hard ? "error" : reasons.some((e) => dnsErrorKind(e) === "nxdomain") ? "nxdomain" : "nodata";
      const message = hard ? dnsErrorText(hard) : kind === "nxdomain" ? "NXDOMAIN (the name does not exist)" : "no A or AAAA record";
      return { ok: false, name, kind, addresses: [], message: `${name}: ${message}` };
    }
    return this.decide(name, addresses);
  }

  private decide(name: string, addresses: string[]): Resolution {
    const decisions = addresses.map((a) => checkAddress(a, this.settings));
    const refused = decisions.filter((d) => !d.allowed);
    if (refused.length > 0) {
      const message = `${name} resolves to ${refused.map((d) => d.reason).join("; ")}`;
      return { ok: false, name, kind: "refused", addresses, refused, message };
    }
    // Prefer IPv4: it is what most probes in the wild reach first, and every address passed anyway.
    const pick = decisions.find((d) => net.isIPv4(d.ip)) ?? decisions[0]!;
    return { ok: true, name, address: checked(pick.ip, name), addresses };
  }

  /** Connect to a checked address, within the process-wide connection bound. The slot frees on close. */
  async open(address: CheckedAddress, port: number): Promise<net.Socket> {
    const release = await this.semaphore.acquire();
    try {
      const socket = await this.connector.connect(address, port);
      socket.once("close", release);
      if (socket.destroyed) release();
      return socket;
    } catch (error) {
      release();
      throw error;
    }
  }
}
