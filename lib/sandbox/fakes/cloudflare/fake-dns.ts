import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { fail, hex32, isObject, lower, now, ok, paginate, parseBody, WIRE_ERROR, type CfError } from "./fake-wire";

/**
 * DNS records in the Cloudflare fake: `GET|POST /zones/{id}/dns_records`, `GET|PATCH|PUT|DELETE
 * /zones/{id}/dns_records/{record_id}` (docs/providers/cloudflare.md#dns-records).
 */

export interface FakeDnsRecord {
  id: string;
  name: string;
  type: string;
  content: string;
  proxiable: boolean;
  proxied: boolean;
  ttl: number;
  comment: string | null;
  tags: string[];
  settings: Record<string, unknown>;
  meta: Record<string, unknown>;
  created_on: string;
  modified_on: string;
}

/** What the DNS routes need of a zone. */
export interface DnsZone {
  zone: { name: string };
  records: FakeDnsRecord[];
}

const ADDRESS_TYPES = new Set(["A", "AAAA", "CNAME"]);
/** Record comment length on the Free plan (**unverified**: paid plans allow more). */
const COMMENT_MAX = 100;
const RECORD_TYPES = new Set(["A", "AAAA", "CNAME", "TXT", "MX", "NS", "CAA", "SRV"]);

const DNS_ERROR = {
  validation: (message: string) => fail(400, { code: 1004, message: `DNS Validation Error: ${message}` }), // unverified code for the details
  notFound: () => fail(404, { code: 81044, message: "Record does not exist." }),
  identical: () => fail(400, { code: 81057, message: "Record already exists." }),
  nameTaken: () => fail(400, { code: 81053, message: "An A, AAAA, or CNAME record with that host already exists." }),
  cnameTaken: () => fail(400, { code: 81054, message: "A CNAME record with that host already exists." }),
};

/**
 * Field errors, each answered as its own entry in `errors` (since October 2024 Cloudflare no longer wraps
 * them in a 1004 "DNS Validation Error" chain: cloudflare/cloudflare-docs#15317). 9021 is the code users
 * report for a body without `ttl` (qdm12/ddns-updater#28, LINKIWI/cloudflare-ddns-client#30; the wording of
 * the limits has changed over time); 9000 is reported for an invalid name (cisagov/manage.get.gov#5244);
 * 9020 for a missing type is **unverified**. docs/providers/cloudflare.md#dns-record-edits
 */
const FIELD_ERROR = {
  name: { code: 9000, message: "DNS name is invalid." },
  ttl: { code: 9021, message: "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic." },
  type: { code: 9020, message: "Invalid DNS record type." },
} as const satisfies Record<string, CfError>;

/**
 * `name`, `ttl` and `type` are required in every create (POST), overwrite (PUT) and update (PATCH) body,
 * for all 21 record types: `RecordCreateParams`, `RecordUpdateParams` and `RecordEditParams` in the
 * cloudflare SDK v7.3.0 (resources/dns/records.d.ts), and the API reference of "Update DNS Record" (PATCH
 * /zones/{zone_id}/dns_records/{dns_record_id}: "CNAMERecord { name, ttl, type, … }"). The live PATCH is
 * reported to accept partial bodies (cloudflare/cloudflare-typescript#2795, open); the fake holds the client
 * to the published contract. docs/providers/cloudflare.md#dns-record-edits
 */
function missingRequired(body: Record<string, unknown>): FakeResponse | null {
  const missing = (["name", "ttl", "type"] as const).filter((field) => body[field] === undefined || body[field] === null);
  return missing.length > 0 ? fail(400, ...missing.map((field) => FIELD_ERROR[field])) : null;
}

/** Names are stored as the lower-case FQDN; a relative name is expanded by the zone ("@" is the apex). */
export function fqdn(zoneName: string, raw: string): string {
  const name = lower(raw);
  if (name === "@" || name === "") return zoneName;
  return name === zoneName || name.endsWith(`.${zoneName}`) ? name : `${name}.${zoneName}`;
}

export function newRecord(zoneName: string, rawName: string, type: string, content: string, proxied: boolean, ttl: number, comment: string | null = null): FakeDnsRecord {
  const t = now();
  return {
    id: hex32(),
    name: fqdn(zoneName, rawName),
    type,
    content: type === "CNAME" ? lower(content) : content,
    proxiable: ADDRESS_TYPES.has(type),
    proxied,
    // Proxied records are always TTL Auto.
    ttl: proxied ? 1 : ttl,
    comment,
    tags: [],
    settings: type === "CNAME" ? { flatten_cname: false } : {},
    meta: {},
    created_on: t,
    modified_on: t,
  };
}

export function listRecords(s: DnsZone, req: FakeRequest): FakeResponse {
  const q = req.query;
  const filters: ((r: FakeDnsRecord) => boolean)[] = [];
  const type = q.get("type");
  if (type) filters.push((r) => r.type === type);
  const exact = q.get("name.exact") ?? q.get("name");
  if (exact) filters.push((r) => r.name === lower(exact));
  const contains = q.get("name.contains");
  if (contains) filters.push((r) => r.name.includes(lower(contains)));
  const starts = q.get("name.startswith");
  if (starts) filters.push((r) => r.name.startsWith(lower(starts)));
  const ends = q.get("name.endswith");
  if (ends) filters.push((r) => r.name.endsWith(lower(ends)));
  const content = q.get("content.exact") ?? q.get("content");
  if (content) filters.push((r) => r.content.toLowerCase() === lower(content));
  const proxied = q.get("proxied");
  if (proxied === "true" || proxied === "false") filters.push((r) => r.proxied === (proxied === "true"));
  const any = q.get("match") === "any";
  const items = s.records.filter((r) => filters.length === 0 || (any ? filters.some((f) => f(r)) : filters.every((f) => f(r))));
  // per_page: default 100 (the 5,000,000 maximum of the docs is clamped lower here; unverified).
  const { result, result_info } = paginate(items, q, 100, 5000);
  return ok(result, { result_info });
}

export function getRecord(s: DnsZone, id: string): FakeResponse {
  const rec = s.records.find((r) => r.id === id);
  return rec ? ok(rec) : DNS_ERROR.notFound();
}

/** Cloudflare's rules for names that are taken (docs/providers/cloudflare.md#dns-records: 81057, 81053, 81054). */
function conflict(s: DnsZone, candidate: { id?: string; name: string; type: string; content: string }): FakeResponse | null {
  const others = s.records.filter((r) => r.id !== candidate.id && r.name === candidate.name);
  if (others.some((r) => r.type === candidate.type && r.content.toLowerCase() === candidate.content.toLowerCase())) return DNS_ERROR.identical();
  if (candidate.type === "CNAME" && others.some((r) => ADDRESS_TYPES.has(r.type) || r.type === "CNAME")) return DNS_ERROR.nameTaken();
  if (candidate.type !== "CNAME" && others.some((r) => r.type === "CNAME")) return DNS_ERROR.cnameTaken();
  return null;
}

function validateRecord(s: DnsZone, body: Record<string, unknown>): FakeResponse | null {
  if (typeof body.type !== "string" || !RECORD_TYPES.has(body.type)) return DNS_ERROR.validation("type is required and must be a supported record type.");
  if (typeof body.name !== "string" || body.name.trim() === "") return DNS_ERROR.validation("name is required.");
  if (typeof body.content !== "string" || body.content.trim() === "") return DNS_ERROR.validation("content is required.");
  const name = lower(body.name);
  if (name.endsWith(".") || /\s/.test(name)) return DNS_ERROR.validation("name is invalid.");
  const fq = fqdn(s.zone.name, name);
  if (!(fq === s.zone.name || fq.endsWith(`.${s.zone.name}`))) return DNS_ERROR.validation("name is not in the zone.");
  // TTL: 1 (automatic) or 60–86400 seconds (cloudflare `TTLParam`).
  if (typeof body.ttl !== "number" || !(body.ttl === 1 || (body.ttl >= 60 && body.ttl <= 86400))) return fail(400, FIELD_ERROR.ttl);
  if (body.proxied !== undefined && typeof body.proxied !== "boolean") return DNS_ERROR.validation("proxied must be a boolean.");
  if (body.proxied === true && !ADDRESS_TYPES.has(body.type)) return DNS_ERROR.validation(`${body.type} records cannot be proxied.`);
  // Comments: no newlines (cloudflare-docs record-attributes); the length limit depends on the plan, the Free plan's is modelled.
  if (body.comment !== undefined && body.comment !== null && (typeof body.comment !== "string" || /[\r\n]/.test(body.comment) || body.comment.length > COMMENT_MAX)) {
    return DNS_ERROR.validation("comment is invalid or too long.");
  }
  // Tags are "name:value" strings and settings an object (cloudflare `RecordTagsParam`, `CNAMERecord.Settings`).
  if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === "string"))) return DNS_ERROR.validation("tags must be a list of strings.");
  if (body.settings !== undefined && !isObject(body.settings)) return DNS_ERROR.validation("settings must be an object.");
  return null;
}

export function createRecord(s: DnsZone, req: FakeRequest): FakeResponse {
  const parsed = parseBody(req);
  if (!parsed.ok) return WIRE_ERROR.malformed();
  const body = parsed.value;
  const invalid = missingRequired(body) ?? validateRecord(s, body);
  if (invalid) return invalid;
  const rec = newRecord(s.zone.name, String(body.name), String(body.type), String(body.content), body.proxied === true, Number(body.ttl), typeof body.comment === "string" ? body.comment : null);
  const clash = conflict(s, rec);
  if (clash) return clash;
  Object.assign(rec, extras(body, rec));
  s.records.push(rec);
  return ok(rec);
}

/** Tags and settings as sent, else as `base` has them. */
function extras(body: Record<string, unknown>, base: Pick<FakeDnsRecord, "tags" | "settings">): Pick<FakeDnsRecord, "tags" | "settings"> {
  const tags = Array.isArray(body.tags) ? body.tags.map(String) : base.tags;
  const settings = isObject(body.settings) ? { ...base.settings, ...body.settings } : base.settings;
  return { tags, settings };
}

/**
 * PUT (`replace`) overwrites the record: what the body leaves out goes back to its default (not proxied, no
 * comment, no tags). PATCH changes what the body sends and keeps the rest. Both need name, ttl and type.
 */
export function changeRecord(s: DnsZone, id: string, req: FakeRequest, replace: boolean): FakeResponse {
  const rec = s.records.find((r) => r.id === id);
  if (!rec) return DNS_ERROR.notFound();
  const parsed = parseBody(req);
  if (!parsed.ok) return WIRE_ERROR.malformed();
  const required = missingRequired(parsed.value);
  if (required) return required;
  const merged: Record<string, unknown> = replace
    ? { proxied: false, comment: null, ...parsed.value }
    : { content: rec.content, proxied: rec.proxied, comment: rec.comment, ...parsed.value };
  const invalid = validateRecord(s, merged);
  if (invalid) return invalid;
  const next = newRecord(s.zone.name, String(merged.name), String(merged.type), String(merged.content), merged.proxied === true, Number(merged.ttl));
  const clash = conflict(s, { ...next, id });
  if (clash) return clash;
  const comment = typeof merged.comment === "string" ? merged.comment : null;
  const kept = replace || next.type !== rec.type ? { tags: next.tags, settings: next.settings } : rec;
  Object.assign(rec, { name: next.name, type: next.type, content: next.content, proxiable: next.proxiable, proxied: next.proxied, ttl: next.ttl, comment, ...extras(merged, kept), modified_on: now() });
  return ok(rec);
}

export function deleteRecord(s: DnsZone, id: string): FakeResponse {
  const i = s.records.findIndex((r) => r.id === id);
  if (i < 0) return DNS_ERROR.notFound();
  s.records.splice(i, 1);
  return ok({ id });
}
