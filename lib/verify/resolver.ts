import "server-only";
import { promises as dnsPromises } from "node:dns";

/**
 * The resolver the verifier asks (docs/verification.md#dns): a `dns.promises.Resolver`, never the system's
 * getaddrinfo, and how its errors read. Apart from dns.ts so that the guard, which dns.ts uses, can use it too.
 */

/** The part of dns.promises.Resolver the verifier uses; tests may pass their own. */
export interface DnsQuestioner {
  resolveCname(name: string): Promise<string[]>;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveNs(name: string): Promise<string[]>;
}

export type DnsErrorKind = "nxdomain" | "nodata" | "error";

export function dnsErrorKind(error: unknown): DnsErrorKind {
  const code = (error as { code?: string } | null)?.code;
  if (code === "ENOTFOUND") return "nxdomain";
  if (code === "ENODATA") return "nodata";
  return "error";
}

export function dnsErrorText(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "ENOTFOUND":
      return "NXDOMAIN (the name does not exist)";
    case "ENODATA":
      return "no record of that type";
    case "ETIMEOUT":
      return "the DNS server did not answer in time";
    case "ESERVFAIL":
      return "the DNS server failed to answer (SERVFAIL)";
    case "EREFUSED":
      return "the DNS server refused the question";
    case "ECONNREFUSED":
      return "the DNS server could not be reached";
    default:
      return code ? `DNS error ${code}` : "DNS error";
  }
}

export function createResolver(servers: string[], timeoutMs: number): DnsQuestioner {
  const resolver = new dnsPromises.Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers.length > 0) resolver.setServers(servers);
  return resolver;
}

