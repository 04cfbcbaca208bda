import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { universalPack, type StoredPack } from "./fake-certs";
import type { FakeDnsRecord } from "./fake-dns";
import type { FakeRuleset } from "./fake-rulesets";
import { fail, hex32, now, ok, parseBody, WIRE_ERROR } from "./fake-wire";

/** A zone in the Cloudflare fake: the zone object `GET /zones` answers, and what lives in it. */

export interface FakePageRule {
  id: string;
  targets: { target: "url"; constraint: { operator: "matches"; value: string } }[];
  actions: { id: string; value?: unknown }[];
  priority: number;
  status: "active" | "disabled";
  created_on: string;
  modified_on: string;
}

export interface ZoneState {
  zone: {
    id: string;
    name: string;
    status: "active" | "pending";
    paused: boolean;
    type: "full" | "partial";
    development_mode: number;
    name_servers: string[];
    original_name_servers: string[] | null;
    original_registrar: string | null;
    original_dnshost: string | null;
    created_on: string;
    modified_on: string;
    activated_on: string;
    account: { id: string; name: string };
    owner: { id: string | null; type: string; email: string | null };
    permissions: string[];
    plan: { id: string; name: string; price: number; currency: string; frequency: string; is_subscribed: boolean; can_subscribe: boolean; legacy_id: string; legacy_discount: boolean; externally_managed: boolean };
    meta: { step: number; custom_certificate_quota: number; page_rule_quota: number; phishing_detected: boolean };
  };
  acm: boolean;
  ssl: { value: string; modified_on: string | null };
  records: FakeDnsRecord[];
  rulesets: Map<string, FakeRuleset>;
  pageRules: FakePageRule[];
  packs: StoredPack[];
}

export interface AddZoneOptions {
  /** Advanced Certificate Manager on the zone; without it an order fails with 1450. */
  acm?: boolean;
  type?: "full" | "partial";
  status?: "active" | "pending";
  ssl?: "off" | "flexible" | "full" | "strict";
}

const ACCOUNT = { id: "0123456789abcdef0123456789abcdef", name: "Fake account" };
/** Zone-wide SSL/TLS modes (SDK `zones.settings.edit('ssl')`: off, flexible, full, strict). */
const SSL_VALUES = ["off", "flexible", "full", "strict"];

export function newZone(zoneName: string, opts: AddZoneOptions): ZoneState {
  const t = now();
  return {
    zone: {
      id: hex32(),
      name: zoneName,
      status: opts.status ?? "active",
      paused: false,
      type: opts.type ?? "full",
      development_mode: 0,
      name_servers: ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"],
      original_name_servers: null,
      original_registrar: null,
      original_dnshost: null,
      created_on: t,
      modified_on: t,
      activated_on: t,
      account: ACCOUNT,
      owner: { id: null, type: "user", email: null },
      permissions: ["#zone:read", "#dns_records:edit"],
      plan: { id: "0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee", name: "Free Website", price: 0, currency: "USD", frequency: "", is_subscribed: false, can_subscribe: false, legacy_id: "free", legacy_discount: false, externally_managed: false },
      meta: { step: 2, custom_certificate_quota: 0, page_rule_quota: 3, phishing_detected: false },
    },
    acm: opts.acm ?? false,
    ssl: { value: opts.ssl ?? "full", modified_on: null },
    records: [],
    rulesets: new Map(),
    pageRules: [],
    packs: [universalPack(zoneName)],
  };
}

export function sslSetting(s: ZoneState) {
  return { id: "ssl", value: s.ssl.value, editable: true, modified_on: s.ssl.modified_on };
}

export function editSsl(s: ZoneState, req: FakeRequest): FakeResponse {
  const parsed = parseBody(req);
  if (!parsed.ok) return WIRE_ERROR.malformed();
  const value = parsed.value.value;
  if (typeof value !== "string" || !SSL_VALUES.includes(value)) return fail(400, { code: 1007, message: "Invalid value for zone setting ssl" }); // unverified code
  s.ssl = { value, modified_on: now() };
  return ok(sslSetting(s));
}
