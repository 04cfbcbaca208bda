import type { DnsChange, LinkRecord } from "@/lib/dns-hosts/types";

/**
 * How Route 53 changes the link record, pure (docs/dns-hosts/route53.md#compare-and-swap): the record set is read
 * raw, then one change batch DELETEs exactly what was read and CREATEs the new record. A batch is all or
 * nothing, and a DELETE whose values do not match the record now fails it, so a record someone else changed in
 * between is never overwritten.
 */

/** The record the switch writes: same name, type and TTL (never change the TTL and the target in one step); the CDN's address. */
export function switchedRecord(current: LinkRecord, target: string): LinkRecord {
  return { name: current.name, type: current.type, ttl: current.ttl, value: target };
}

/** A validation CNAME as Route 53 holds it: five minutes, so a mistake is short-lived. */
export function validationRecord(name: string, value: string): LinkRecord {
  return { name, type: "CNAME", ttl: 300, value };
}

export function casSteps(expected: LinkRecord, next: LinkRecord): DnsChange[] {
  return [
    { action: "read", record: expected, words: `ListResourceRecordSets for ${expected.name}: the record set exactly as Route 53 holds it.` },
    { action: "delete", record: expected, words: "DELETE that exact record set, in one change batch with the CREATE below: if it changed since it was read, Route 53 refuses the whole batch and nothing changes." },
    { action: "create", record: next, words: "CREATE the new record set in the same batch, then wait until GetChange says INSYNC (every Route 53 name server has it)." },
  ];
}
