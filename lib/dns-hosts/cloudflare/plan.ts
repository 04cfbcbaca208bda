import type { DnsChange, LinkRecord } from "@/lib/dns-hosts/types";
import { TTL_AUTO } from "@/lib/providers/cloudflare/settings";

/**
 * How Cloudflare DNS changes the link record, pure (docs/dns-hosts/cloudflare.md#compare-and-swap). Cloudflare has
 * no conditional write, so the record is read again by id right before writing, and the write is refused unless it
 * is exactly what was read (modified_on included); then one complete PUT, so nothing the record carries is lost.
 */

/** Comment on a validation record this wizard creates (comments have no effect on DNS). */
export const VALIDATION_COMMENT = "SSL click tracking: certificate validation, created by the setup wizard";

/**
 * The record the switch writes: the CDN's address, DNS only (a proxied record would put Cloudflare in front of the
 * other CDN), CNAME flattening off (a flattened answer hides the CNAME the CDN checks), everything else as read.
 * A proxied record's TTL is always Auto, and stays so.
 */
export function switchedRecord(current: LinkRecord, target: string): LinkRecord {
  return {
    name: current.name,
    type: current.type,
    ttl: current.ttl,
    value: target,
    ...(current.id !== undefined ? { id: current.id } : {}),
    proxied: false,
    comment: current.comment ?? null,
    tags: current.tags ?? [],
    settings: { ...current.settings, flatten_cname: false },
  };
}

export function switchNotes(current: LinkRecord): string[] {
  return current.settings?.flatten_cname ? ["CNAME flattening is on for this record: the switch turns it off, so the CNAME to the CDN stays visible."] : [];
}

export function validationRecord(name: string, value: string): LinkRecord {
  return { name, type: "CNAME", ttl: TTL_AUTO, value, proxied: false, comment: VALIDATION_COMMENT, tags: [] };
}

export function casSteps(expected: LinkRecord, next: LinkRecord): DnsChange[] {
  return [
    { action: "read", record: expected, words: `GET the record of ${expected.name} by name: its id, target, TTL, proxy status, comment, tags and settings.` },
    { action: "read", record: expected, words: "GET it again by id right before writing: if anything changed since it was shown (modified_on included), nothing is written." },
    { action: "replace", record: next, words: "PUT the complete record (overwrite) with the new values, then GET it once more to confirm Cloudflare holds them." },
  ];
}
