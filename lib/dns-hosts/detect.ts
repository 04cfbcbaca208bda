import "server-only";
import { zoneCandidates } from "@/lib/hostnames";
import { dnsErrorKind, dnsErrorText, type DnsQuestioner } from "@/lib/verify/dns";
import { MANUAL_DNS_HOSTS } from "./manual-hosts";
import { DNS_HOST_FACTS, DNS_HOST_IDS, type DnsHostId } from "./registry";

/**
 * Which DNS host serves each link host's zone (docs/dns-hosts/README.md#detection): walk up from the host to the
 * zone cut, then match the zone's name servers. Only DNS questions, only to the verifier's resolver.
 */
export interface DetectedDnsHost {
  host: string;
  /** The zone that contains the host (its zone cut), when found. */
  zone: string | null;
  nameServers: string[];
  /** A DNS host the wizard can switch at. */
  dnsHost: DnsHostId | null;
  /** Otherwise, the DNS host's name when its name servers are recognised, for the manual record. */
  knownAs: string | null;
  /** Why nothing was recognised, in plain words, when that is worth saying. */
  note: string | null;
}

const lower = (n: string) => n.toLowerCase().replace(/\.$/, "");

type Answer = string[] | { error: string };

/** The DNS hosts (automatic or known) whose name servers these are: one when they agree. */
function match(nameServers: string[]): { dnsHost: DnsHostId | null; knownAs: string | null; note: string | null } {
  const named = nameServers.map((ns) => DNS_HOST_IDS.find((id) => DNS_HOST_FACTS[id].nameServers.test(ns)) ?? MANUAL_DNS_HOSTS.find((m) => m.nameServers.test(ns))?.name ?? null);
  const distinct = [...new Set(named)];
  const only = distinct.length === 1 ? distinct[0] : undefined;
  if (only) return (DNS_HOST_IDS as readonly string[]).includes(only) ? { dnsHost: only as DnsHostId, knownAs: null, note: null } : { dnsHost: null, knownAs: only, note: null };
  if (distinct.length > 1 && distinct.some((d) => d !== null)) {
    const names = distinct.map((d) => (d === null ? "an unrecognised host" : (DNS_HOST_FACTS[d as DnsHostId]?.info.name ?? d)));
    return { dnsHost: null, knownAs: null, note: `The zone's name servers belong to more than one DNS host (${names.join(", ")}): change the record at each of them by hand.` };
  }
  return { dnsHost: null, knownAs: null, note: null };
}

export async function detectDnsHosts(hosts: readonly string[], resolver: DnsQuestioner): Promise<DetectedDnsHost[]> {
  const asked = new Map<string, Promise<Answer>>();
  const ask = (kind: "cname" | "ns", name: string) => {
    const key = `${kind} ${name}`;
    let answer = asked.get(key);
    if (!answer) {
      answer = (kind === "cname" ? resolver.resolveCname(name) : resolver.resolveNs(name)).then(
        (values) => values.map(lower),
        (error: unknown) => (dnsErrorKind(error) === "error" ? { error: `${name}: ${dnsErrorText(error)}` } : []),
      );
      asked.set(key, answer);
    }
    return answer;
  };

  return Promise.all(
    hosts.map(async (host): Promise<DetectedDnsHost> => {
      const none = (note: string | null): DetectedDnsHost => ({ host, zone: null, nameServers: [], dnsHost: null, knownAs: null, note });
      for (const candidate of [host, ...zoneCandidates(host)]) {
        // A name that is a CNAME is not a zone apex, and a resolver would answer its NS question for the CNAME's target.
        const cname = await ask("cname", candidate);
        if ("error" in cname) return none(`The DNS could not be asked about ${host} (${cname.error}).`);
        if (cname.length > 0) continue;
        const ns = await ask("ns", candidate);
        if ("error" in ns) return none(`The DNS could not be asked about ${host} (${ns.error}).`);
        if (ns.length > 0) return { host, zone: candidate, nameServers: [...ns].sort(), ...match(ns) };
      }
      return none(`No zone was found for ${host} in the DNS.`);
    }),
  );
}
