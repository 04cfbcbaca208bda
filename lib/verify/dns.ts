import "server-only";
import { zoneCandidates } from "@/lib/hostnames";
import type { Guard } from "./guard";
import type { VerifySettings } from "./settings";

/**
 * DNS questions the verifier asks (docs/verification.md#dns): a `dns.promises.Resolver` (never the system's
 * getaddrinfo, so /etc/hosts plays no part), CNAME chains followed one hop at a time with a depth limit,
 * and the zone's authoritative servers compared with the public resolver to spot propagation.
 * NXDOMAIN is `ENOTFOUND`, "no record of that type" is `ENODATA`.
 */

export { createResolver, dnsErrorKind, dnsErrorText, type DnsErrorKind, type DnsQuestioner } from "./resolver";
import { createResolver, dnsErrorKind, dnsErrorText, type DnsQuestioner } from "./resolver";

const lower = (name: string) => name.toLowerCase().replace(/\.$/, "");

export type ChainOutcome =
  | "ok" // the last name has addresses
  | "nxdomain" // the first name does not exist
  | "dangling" // a CNAME points at a name that does not exist
  | "nodata" // the last name exists but has no A/AAAA
  | "loop"
  | "too-deep"
  | "error";

export interface ChainResult {
  name: string;
  /** [name, first CNAME target, …, last name]. */
  chain: string[];
  addresses: string[];
  outcome: ChainOutcome;
  /** Plain-words error, when outcome is not ok. */
  error: string | null;
}

/** Follow CNAMEs from `name` one hop at a time, then ask for the last name's A and AAAA records. */
export async function resolveChain(name: string, resolver: DnsQuestioner, maxDepth: number): Promise<ChainResult> {
  const chain = [lower(name)];
  const done = (outcome: ChainOutcome, error: string | null, addresses: string[] = []): ChainResult => ({ name: chain[0]!, chain, addresses, outcome, error });
  for (;;) {
    const current = chain[chain.length - 1]!;
    let next: string | undefined;
    try {
      next = (await resolver.resolveCname(current))[0];
    } catch (error) {
      const kind = dnsErrorKind(error);
      if (kind === "nxdomain") return done(chain.length === 1 ? "nxdomain" : "dangling", `${current}: ${dnsErrorText(error)}`);
      if (kind === "error") return done("error", `${current}: ${dnsErrorText(error)}`);
      // nodata: `current` is not a CNAME; it is the end of the chain.
    }
    if (next === undefined) break;
    const target = lower(next);
    if (chain.includes(target)) {
      chain.push(target);
      return done("loop", `the CNAME chain loops back to ${target}`);
    }
    chain.push(target);
    if (chain.length - 1 > maxDepth) return done("too-deep", `more than ${maxDepth} CNAME hops`);
  }
  const last = chain[chain.length - 1]!;
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(last), resolver.resolve6(last)]);
  const addresses = [...(v4.status === "fulfilled" ? v4.value : []), ...(v6.status === "fulfilled" ? v6.value : [])];
  if (addresses.length > 0) return done("ok", null, addresses);
  const failure = [v4, v6].find((r): r is PromiseRejectedResult => r.status === "rejected" && dnsErrorKind(r.reason) === "error");
  if (failure) return done("error", `${last}: ${dnsErrorText(failure.reason)}`);
  const missing = [v4, v6].find((r): r is PromiseRejectedResult => r.status === "rejected" && dnsErrorKind(r.reason) === "nxdomain");
  if (missing) return done(chain.length === 1 ? "nxdomain" : "dangling", `${last}: ${dnsErrorText(missing.reason)}`);
  return done("nodata", `${last} has no A or AAAA record`);
}

/** What the zone's own servers say the host is: the first hop only, since they answer for their zone alone. */
export type FirstHop =
  | { kind: "cname"; target: string }
  | { kind: "address"; addresses: string[] }
  | { kind: "nxdomain" }
  | { kind: "nodata" }
  | { kind: "error"; error: string };

export async function firstHop(name: string, resolver: DnsQuestioner): Promise<FirstHop> {
  try {
    const [target] = await resolver.resolveCname(name);
    if (target) return { kind: "cname", target: lower(target) };
  } catch (error) {
    const kind = dnsErrorKind(error);
    if (kind === "nxdomain") return { kind: "nxdomain" };
    if (kind === "error") return { kind: "error", error: dnsErrorText(error) };
  }
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  const addresses = [...(v4.status === "fulfilled" ? v4.value : []), ...(v6.status === "fulfilled" ? v6.value : [])];
  return addresses.length > 0 ? { kind: "address", addresses } : { kind: "nodata" };
}

export function describeHop(hop: FirstHop): string {
  switch (hop.kind) {
    case "cname":
      return `CNAME ${hop.target}`;
    case "address":
      return `addresses ${hop.addresses.join(", ")}`;
    case "nxdomain":
      return "NXDOMAIN";
    case "nodata":
      return "no record";
    case "error":
      return hop.error;
    default: {
      const never: never = hop;
      return never;
    }
  }
}

export type Authoritative = { ok: true; zone: string; servers: string[]; resolver: DnsQuestioner } | { ok: false; error: string };

/** The public resolver, and the zone's own servers for a host. */
export interface DnsClient {
  public: DnsQuestioner;
  authoritative(host: string): Promise<Authoritative>;
}


/**
 * With VERIFY_DNS_SERVERS set every question, the "authoritative" ones included, goes to those servers
 * (docs/contract.md#verification). Otherwise: find the zone cut with NS look-ups walking up from the host, resolve the
 * name servers through the SSRF guard (a user-named zone could list private addresses as its servers),
 * and ask them directly on port 53.
 */
export function createDnsClient(
  settings: VerifySettings,
  guard: Pick<Guard, "resolve">,
  publicResolver: DnsQuestioner = createResolver(settings.dnsServers, settings.dnsTimeoutMs),
): DnsClient {
  /** NS answers per name and resolvers per zone, shared by every host of one verification. */
  const nsAnswers = new Map<string, Promise<string[] | { error: string }>>();
  const zoneServers = new Map<string, Promise<Authoritative>>();

  const nsOf = (name: string) => {
    let answer = nsAnswers.get(name);
    if (!answer) {
      answer = publicResolver.resolveNs(name).then(
        (ns) => ns,
        (error: unknown) => (dnsErrorKind(error) === "error" ? { error: `${name}: ${dnsErrorText(error)}` } : []),
      );
      nsAnswers.set(name, answer);
    }
    return answer;
  };

  const serversOf = (zone: string, ns: string[]) => {
    let found = zoneServers.get(zone);
    if (!found) {
      found = (async (): Promise<Authoritative> => {
        const checked = await Promise.all(ns.slice(0, 3).map((n) => guard.resolve(n)));
        const servers = checked.flatMap((c) => (c.ok ? [c.address.family === 6 ? `[${c.address.ip}]:53` : `${c.address.ip}:53`] : []));
        if (servers.length === 0) return { ok: false, error: `the name servers of ${zone} (${ns.join(", ")}) could not be used` };
        return { ok: true, zone, servers: ns, resolver: createResolver(servers, settings.dnsTimeoutMs) };
      })();
      zoneServers.set(zone, found);
    }
    return found;
  };

  return {
    public: publicResolver,
    async authoritative(host) {
      const candidates = zoneCandidates(host);
      if (settings.dnsServers.length > 0) {
        return { ok: true, zone: candidates.at(-1) ?? host, servers: settings.dnsServers, resolver: publicResolver };
      }
      for (const zone of candidates) {
        const ns = await nsOf(zone);
        if (!Array.isArray(ns)) return { ok: false, error: ns.error };
        if (ns.length > 0) return serversOf(zone, ns);
      }
      return { ok: false, error: `no zone found for ${host}` };
    },
  };
}
