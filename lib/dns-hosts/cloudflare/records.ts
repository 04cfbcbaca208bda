import type { RecordResponse, RecordUpdateParams } from "cloudflare/resources/dns/records";
import { REFUSAL } from "@/lib/dns-hosts/refusals";
import type { LinkRecord } from "@/lib/dns-hosts/types";
import type { ProviderError } from "@/lib/providers/types";
import { cloudflareDnsInfo } from "./info";

/**
 * Cloudflare DNS records as the wizard reads and writes them, pure (cloudflare-typescript v7 `RecordResponse`,
 * `RecordUpdateParams.CNAMERecord`; docs/dns-hosts/cloudflare.md#records).
 */

/** Everything the record carries that a rollback must restore, and its modified_on to compare before writing. */
export function toLinkRecord(r: RecordResponse): LinkRecord {
  const settings = r.type === "CNAME" && r.settings ? Object.fromEntries(Object.entries(r.settings).filter((e): e is [string, boolean] => typeof e[1] === "boolean")) : {};
  return {
    name: r.name.toLowerCase().replace(/\.$/, ""),
    type: "CNAME",
    ttl: Number(r.ttl),
    value: String(r.content ?? ""),
    id: r.id,
    proxied: r.proxied === true,
    comment: r.comment ?? null,
    tags: r.tags ?? [],
    settings,
    modifiedOn: r.modified_on,
  };
}

/**
 * The complete body of `PUT /zones/{zone_id}/dns_records/{id}` (an overwrite): name, type and TTL are required,
 * and everything else is sent too, so nothing falls back to a default.
 */
export function putBody(zoneId: string, r: LinkRecord): RecordUpdateParams.CNAMERecord {
  return {
    zone_id: zoneId,
    type: "CNAME",
    name: r.name,
    ttl: r.ttl as RecordUpdateParams.CNAMERecord["ttl"],
    content: r.value,
    proxied: r.proxied ?? false,
    ...(r.comment ? { comment: r.comment } : {}),
    tags: r.tags ?? [],
    settings: r.settings ?? {},
  };
}

/** The link record among the records at `host`: exactly one CNAME, or a refusal saying why not. */
export function linkRecordOf(host: string, zone: string, records: readonly RecordResponse[]): { ok: true; record: LinkRecord } | { ok: false; error: ProviderError } {
  const at = records.filter((r) => r.name.toLowerCase().replace(/\.$/, "") === host);
  if (at.length === 0) return { ok: false, error: REFUSAL.noRecord(host, zone, cloudflareDnsInfo) };
  const types = at.map((r) => r.type);
  if (types.some((t) => t !== "CNAME") || at.length > 1) return { ok: false, error: REFUSAL.otherRecords(host, [...new Set(types)], cloudflareDnsInfo) };
  return { ok: true, record: toLinkRecord(at[0]!) };
}
