import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { fail, hex32, lower, now, ok, paginate, parseBody, WIRE_ERROR } from "./fake-wire";

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
  badTtl: () => fail(400, { code: 9021, message: "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic." }), // unverified code
};

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
  if (body.ttl !== undefined && (typeof body.ttl !== "number" || !(body.ttl === 1 || (body.ttl >= 60 && body.ttl <= 86400)))) return DNS_ERROR.badTtl();
  if (body.proxied !== undefined && typeof body.proxied !== "boolean") return DNS_ERROR.validation("proxied must be a boolean.");
  if (body.proxied === true && !ADDRESS_TYPES.has(body.type)) return DNS_ERROR.validation(`${body.type} records cannot be proxied.`);
  // Comments: no newlines (cloudflare-docs record-attributes); the length limit depends on the plan, the Free plan's is modelled.
  if (body.comment !== undefined && body.comment !== null && (typeof body.comment !== "string" || /[\r\n]/.test(body.comment) || body.comment.length > COMMENT_MAX)) {
    return DNS_ERROR.validation("comment is invalid or too long.");
  }
  return null;
}

export function createRecord(s: DnsZone, req: FakeRequest): FakeResponse {
  const parsed = parseBody(req);
  if (!parsed.ok) return WIRE_ERROR.malformed();
  const body = parsed.value;
  const invalid = validateRecord(s, body);
  if (invalid) return invalid;
  const rec = newRecord(s.zone.name, String(body.name), String(body.type), String(body.content), body.proxied === true, typeof body.ttl === "number" ? body.ttl : 1, typeof body.comment === "string" ? body.comment : null);
  const clash = conflict(s, rec);
  if (clash) return clash;
  s.records.push(rec);
  return ok(rec);
}

export function changeRecord(s: DnsZone, id: string, req: FakeRequest, replace: boolean): FakeResponse {
  const rec = s.records.find((r) => r.id === id);
  if (!rec) return DNS_ERROR.notFound();
  const parsed = parseBody(req);
  if (!parsed.ok) return WIRE_ERROR.malformed();
  const merged: Record<string, unknown> = replace
    ? { proxied: false, ttl: 1, ...parsed.value }
    : { name: rec.name, type: rec.type, content: rec.content, proxied: rec.proxied, ttl: rec.ttl, comment: rec.comment, ...parsed.value };
  const invalid = validateRecord(s, merged);
  if (invalid) return invalid;
  const next = newRecord(s.zone.name, String(merged.name), String(merged.type), String(merged.content), merged.proxied === true, Number(merged.ttl));
  const clash = conflict(s, { ...next, id });
  if (clash) return clash;
  const comment = typeof merged.comment === "string" ? merged.comment : null;
  Object.assign(rec, { name: next.name, type: next.type, content: next.content, proxiable: next.proxiable, proxied: next.proxied, ttl: next.ttl, comment, settings: next.settings, modified_on: now() });
  return ok(rec);
}

export function deleteRecord(s: DnsZone, id: string): FakeResponse {
  const i = s.records.findIndex((r) => r.id === id);
  if (i < 0) return DNS_ERROR.notFound();
  s.records.splice(i, 1);
  return ok({ id });
}
