import "server-only";
import type { TestRecord } from "@/lib/verify/testing/dns-server";
import { values, type RRSet } from "./records";

/** Per DNS server's table and zone, the names this fake put there: only those may be taken away again. */
const served = new WeakMap<Map<string, TestRecord>, Map<string, Set<string>>>();

/**
 * The Route 53 fake's "authoritative servers" for tests and the end-to-end run: once a change is INSYNC, the zone's
 * CNAMEs are served by the loopback DNS server the verifier asks (lib/verify/testing/dns-server.ts), so the verifier
 * sees the new answer exactly when Route 53 would say every name server has it. Names the DNS server holds for other
 * tests under the same domain are left alone: only a CNAME this fake served before and no longer holds is removed.
 */
export function serveZoneCnames(records: Map<string, TestRecord>, zone: string, rrsets: readonly RRSet[]): void {
  const cnames = new Map(rrsets.filter((r) => r.Type === "CNAME").map((r) => [r.Name.replace(/\.$/, ""), values(r)[0]!.replace(/\.$/, "")]));
  const byZone = served.get(records) ?? new Map<string, Set<string>>();
  served.set(records, byZone);
  const before = byZone.get(zone) ?? new Set<string>();
  for (const name of before) if (!cnames.has(name) && records.get(name)?.cname) records.delete(name);
  for (const [name, target] of cnames) records.set(name, { ...records.get(name), cname: target });
  byZone.set(zone, new Set(cnames.keys()));
}
