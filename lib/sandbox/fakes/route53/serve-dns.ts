import "server-only";
import type { TestRecord } from "@/lib/verify/testing/dns-server";
import { values, type RRSet } from "./records";

/**
 * The Route 53 fake's "authoritative servers" for tests and the end-to-end run: once a change is INSYNC, the zone's
 * CNAMEs are served by the loopback DNS server the verifier asks (lib/verify/testing/dns-server.ts), so the verifier
 * sees the new answer exactly when Route 53 would say every name server has it.
 */
export function serveZoneCnames(records: Map<string, TestRecord>, zone: string, rrsets: readonly RRSet[]): void {
  const cnames = new Map(rrsets.filter((r) => r.Type === "CNAME").map((r) => [r.Name.replace(/\.$/, ""), values(r)[0]!.replace(/\.$/, "")]));
  for (const [name, record] of records) {
    if ((name === zone || name.endsWith(`.${zone}`)) && record.cname && !cnames.has(name)) records.delete(name);
  }
  for (const [name, target] of cnames) records.set(name, { ...records.get(name), cname: target });
}
