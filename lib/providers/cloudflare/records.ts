import type { CNAMERecord, RecordEditParams, RecordResponse, TTLParam } from "cloudflare/resources/dns/records";
import { RECORD_TYPE } from "./settings";

/**
 * DNS records as apply reads them, and the bodies it writes back. Cloudflare's published contract needs
 * `name`, `ttl` and `type` in every update (docs/providers/cloudflare.md#dns-record-edits), so an edit is
 * built from the record as read: only what must change differs, and the SDK's own parameter type checks
 * the body.
 */

export interface CfRecord {
  id: string;
  name: string;
  type: string;
  content: string;
  proxied: boolean;
  ttl: number;
  comment: string | null;
  tags: string[];
  /** A CNAME's own settings (flattening, IPv4/IPv6 only), as read. */
  settings?: CNAMERecord.Settings;
}

export function toRecord(r: RecordResponse): CfRecord {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    content: String(r.content ?? ""),
    proxied: r.proxied === true,
    ttl: Number(r.ttl),
    comment: r.comment ?? null,
    tags: r.tags ?? [],
    ...(r.type === RECORD_TYPE && r.settings ? { settings: r.settings } : {}),
  };
}

/** What an edit changes; everything else is sent as read. */
export interface CnameChange {
  content?: string;
  proxied?: boolean;
  ttl?: TTLParam;
}

/**
 * The complete body of `PATCH /zones/{zone_id}/dns_records/{id}` for a CNAME apply has read: name, type,
 * TTL, target and proxy status always (the first three are required), the comment, tags and settings as
 * they are, so nothing is lost even if an update were applied as an overwrite.
 */
export function cnameEdit(zoneId: string, record: CfRecord, change: CnameChange): RecordEditParams.CNAMERecord {
  if (record.type !== RECORD_TYPE) throw new Error(`Only ${RECORD_TYPE} records are edited; ${record.name} is ${record.type}.`);
  return {
    zone_id: zoneId,
    type: RECORD_TYPE,
    name: record.name,
    ttl: change.ttl ?? record.ttl,
    content: change.content ?? record.content,
    proxied: change.proxied ?? record.proxied,
    ...(record.comment !== null ? { comment: record.comment } : {}),
    ...(record.tags.length > 0 ? { tags: record.tags } : {}),
    ...(record.settings ? { settings: record.settings } : {}),
  };
}
