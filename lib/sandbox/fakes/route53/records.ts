import "server-only";
import { CHANGE_MESSAGE, isObject, type XmlObject, type XmlValue } from "./wire";

/**
 * Resource record sets in the Route 53 fake and the change-batch rules (ChangeResourceRecordSets in the Smithy
 * model and botocore service-2.json; docs/dns-hosts/route53.md#changeresourcerecordsets). State is plain data: a
 * record set is the `ResourceRecordSet` element as sent (values stay strings) with its Name normalised.
 */

/** ResourceRecordSet's members in the model's order; a request must send them in this order ("The XML elements in your request must appear in the order listed in the syntax"). */
export const MEMBER_ORDER = [
  "Name",
  "Type",
  "SetIdentifier",
  "Weight",
  "Region",
  "GeoLocation",
  "Failover",
  "MultiValueAnswer",
  "TTL",
  "ResourceRecords",
  "AliasTarget",
  "HealthCheckId",
  "TrafficPolicyInstanceId",
  "CidrRoutingConfig",
  "GeoProximityLocation",
] as const;

/** RRType in the model. */
export const RR_TYPES = new Set(["SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV", "SPF", "AAAA", "CAA", "DS", "TLSA", "SSHFP", "SVCB", "HTTPS"]);

/** Record sets that choose between answers (routing policies) carry a SetIdentifier. */
export const ROUTING_MEMBERS = ["SetIdentifier", "Weight", "Region", "GeoLocation", "Failover", "MultiValueAnswer", "CidrRoutingConfig", "GeoProximityLocation"] as const;

export type RRSet = XmlObject & { Name: string; Type: string };

const MAX_TTL = 2_147_483_647;
const MAX_VALUE = 4000;

/**
 * A name as Route 53 returns it: lower case, fully qualified with a trailing dot, and every character other
 * than a-z, 0-9, hyphen, underscore and dot as a `\ooo` octal escape (`*` → `\052`: DomainNameFormat in the
 * Route 53 developer guide). Whether `_` is escaped is unverified; it is kept as is here.
 */
export function normaliseName(raw: string): string {
  const unescaped = raw.replace(/\\(\d{3})/g, (_, oct: string) => String.fromCharCode(Number.parseInt(oct, 8)));
  const lower = unescaped.toLowerCase().replace(/\.?$/, ".");
  return lower.replace(/[^a-z0-9_.-]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, "0")}`);
}

/** Route 53 lists record sets by name with the labels reversed (com.example.www), then by type. */
export function sortKey(name: string, type = ""): string {
  return `${name.replace(/\.$/, "").split(".").reverse().join(".")}\u0000${type}`;
}

export function byListOrder(a: RRSet, b: RRSet): number {
  const ka = sortKey(a.Name, a.Type);
  const kb = sortKey(b.Name, b.Type);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function values(rrset: XmlObject): string[] {
  const records = isObject(rrset.ResourceRecords) ? rrset.ResourceRecords.ResourceRecord : undefined;
  const list = Array.isArray(records) ? records : records === undefined ? [] : [records];
  return list.flatMap((r) => (isObject(r) && typeof r.Value === "string" ? [r.Value] : []));
}

const setId = (r: XmlObject) => (typeof r.SetIdentifier === "string" ? r.SetIdentifier : "");
const sameSet = (a: RRSet, b: RRSet) => a.Name === b.Name && a.Type === b.Type && setId(a) === setId(b);

/** A canonical form for "the values provided match the current values": every member, values as a set. */
function canonical(r: RRSet): string {
  const copy: Record<string, XmlValue> = { ...r };
  delete copy.ResourceRecords;
  return JSON.stringify([sortKeys(copy), [...values(r)].sort()]);
}

function sortKeys(v: XmlValue): XmlValue {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k]!)]));
}

export interface ZoneRecords {
  /** Lower case with the trailing dot, as Route 53 returns it. */
  name: string;
  rrsets: RRSet[];
}

const inZone = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);

/** What is wrong with one record set of a change (InvalidInput), or undefined. Wordings here are unverified. */
export function invalidRRSet(action: string, r: XmlObject): string | undefined {
  const name = typeof r.Name === "string" ? r.Name : undefined;
  const type = typeof r.Type === "string" ? r.Type : undefined;
  if (!name || !type || !RR_TYPES.has(type)) return `Invalid request: a ResourceRecordSet needs a Name and a Type in ${[...RR_TYPES].join(", ")}`;
  const order = Object.keys(r).map((k) => MEMBER_ORDER.indexOf(k as (typeof MEMBER_ORDER)[number]));
  if (order.some((i, n) => i < 0 || (n > 0 && i < order[n - 1]!))) return `Invalid XML ; the elements of ResourceRecordSet must appear in the order ${MEMBER_ORDER.join(", ")}`;
  const hasAlias = r.AliasTarget !== undefined;
  const hasRecords = r.TTL !== undefined && r.ResourceRecords !== undefined;
  const hasPolicy = r.TrafficPolicyInstanceId !== undefined;
  if ([hasAlias, hasRecords, hasPolicy].filter(Boolean).length !== 1) {
    return `Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action=${action}, Name=${name}, Type=${type}, SetIdentifier=${setId(r) || "null"}]`;
  }
  if (r.TTL !== undefined) {
    const ttl = Number(r.TTL);
    if (typeof r.TTL !== "string" || !/^\d+$/.test(r.TTL) || ttl > MAX_TTL) return `Invalid request: TTL must be an integer from 0 to ${MAX_TTL}`;
  }
  if (values(r).some((v) => v.length === 0 || v.length > MAX_VALUE)) return `Invalid request: a Value has 1 to ${MAX_VALUE} characters`;
  return undefined;
}

export interface Change {
  action: "CREATE" | "DELETE" | "UPSERT";
  rrset: RRSet;
}

/**
 * Applies a change batch all-or-nothing (the batch "is transactional": all or none of it). Returns the zone's
 * new record sets, or every InvalidChangeBatch message for the batch.
 */
export function applyBatch(zone: ZoneRecords, changes: Change[]): { ok: true; rrsets: RRSet[] } | { ok: false; messages: string[] } {
  let rrsets = [...zone.rrsets];
  const messages: string[] = [];
  const deleted: RRSet[] = [];
  for (const { action, rrset } of changes) {
    const { Name: name, Type: type } = rrset;
    if (!inZone(name, zone.name)) {
      messages.push(CHANGE_MESSAGE.notInZone(name, zone.name));
      continue;
    }
    const existing = rrsets.find((r) => sameSet(r, rrset));
    if (action === "DELETE") {
      if (deleted.some((d) => sameSet(d, rrset))) messages.push(CHANGE_MESSAGE.deletedTwice(name, type));
      else if (!existing) messages.push(CHANGE_MESSAGE.notFound(name, type));
      else if (canonical(existing) !== canonical(rrset)) messages.push(CHANGE_MESSAGE.mismatch(name, type));
      else {
        rrsets = rrsets.filter((r) => r !== existing);
        deleted.push(rrset);
      }
      continue;
    }
    if (action === "CREATE" && existing) {
      messages.push(CHANGE_MESSAGE.exists(name, type));
      continue;
    }
    if (type === "CNAME" && name === zone.name) {
      messages.push(CHANGE_MESSAGE.cnameAtApex(name, zone.name));
      continue;
    }
    if (type === "CNAME" && values(rrset).length > 1) {
      messages.push(CHANGE_MESSAGE.oneValue(name));
      continue;
    }
    const others = rrsets.filter((r) => r.Name === name && !sameSet(r, rrset));
    if (type === "CNAME" && others.some((r) => r.Type !== "CNAME")) {
      messages.push(CHANGE_MESSAGE.cnameConflict(name, zone.name));
      continue;
    }
    if (type !== "CNAME" && others.some((r) => r.Type === "CNAME")) {
      messages.push(CHANGE_MESSAGE.conflictsWithCname(type, name, zone.name));
      continue;
    }
    rrsets = [...rrsets.filter((r) => r !== existing), rrset];
  }
  if (messages.length > 0) return { ok: false, messages };
  return { ok: true, rrsets: rrsets.sort(byListOrder) };
}
