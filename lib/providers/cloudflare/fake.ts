import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { parse as parseDomain } from "tldts";
import type { FakeApi, FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";

/**
 * A wire-faithful fake of the parts of Cloudflare's API v4 the wizard uses, for lib/sandbox/http-fake.ts.
 * Wire format (providers.md §4; cloudflare/cloudflare-typescript v7; cloudflare/api-schemas):
 * every answer is the envelope `{success, errors: [{code, message}], messages, result}` plus
 * `result_info {page, per_page, count, total_count, total_pages}` on lists; `Authorization: Bearer <token>`.
 *
 * Routes (an optional `/client/v4` prefix is accepted, so the fake works with either base URL):
 *   GET  /user/tokens/verify
 *   GET  /zones?name=&page=&per_page=            GET /zones/{id}
 *   GET|POST /zones/{id}/dns_records              (type, name, name.exact|contains|startswith|endswith, content[.exact], proxied, page, per_page)
 *   GET|PATCH|PUT|DELETE /zones/{id}/dns_records/{record_id}
 *   GET|PATCH /zones/{id}/settings/ssl
 *   GET|PUT /zones/{id}/rulesets/phases/{phase}/entrypoint   (404 code 10003 when there is none)
 *   GET  /zones/{id}/pagerules
 *   GET  /zones/{id}/ssl/certificate_packs[?status=all]      GET /zones/{id}/ssl/certificate_packs/{pack_id}
 *   POST /zones/{id}/ssl/certificate_packs/order             (code 1450 without Advanced Certificate Manager)
 *   DELETE /zones/{id}/ssl/certificate_packs/{pack_id}       (advanced packs only)
 *
 * Error codes marked "unverified" below are plausible but not confirmed against the live API; apply
 * never depends on them (it only relies on 10000/9109, 1000, 10003, 1450, 81053/81054/81057, 429).
 */

export type Access = "read" | "edit";

/** A token's permission groups. Edit includes read. Dashboard names: providers.md §4. */
export interface TokenPermissions {
  zone?: "read"; // Zone › Zone Read
  dns?: Access; // Zone › DNS
  configRules?: Access; // Zone › Config Rules
  ssl?: Access; // Zone › SSL and Certificates
  zoneSettings?: Access; // Zone › Zone Settings
  pageRules?: Access; // Zone › Page Rules
}

export const ALL_PERMISSIONS: Readonly<Required<TokenPermissions>> = {
  zone: "read",
  dns: "edit",
  configRules: "edit",
  ssl: "edit",
  zoneSettings: "edit",
  pageRules: "edit",
};

export interface FakeToken {
  id: string;
  status: "active" | "disabled" | "expired";
  permissions: TokenPermissions;
}

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

export interface FakeRule {
  id: string;
  ref: string;
  version: string;
  action: string;
  action_parameters?: Record<string, unknown>;
  expression: string;
  description?: string;
  enabled: boolean;
  last_updated: string;
  [key: string]: unknown;
}

export interface FakeRuleset {
  id: string;
  name: string;
  description: string;
  kind: "zone";
  phase: string;
  version: string;
  rules: FakeRule[];
  last_updated: string;
}

export interface FakePageRule {
  id: string;
  targets: { target: "url"; constraint: { operator: "matches"; value: string } }[];
  actions: { id: string; value?: unknown }[];
  priority: number;
  status: "active" | "disabled";
  created_on: string;
  modified_on: string;
}

export interface FakeCertificatePack {
  id: string;
  type: "universal" | "advanced";
  hosts: string[];
  status: string;
  validation_method: "txt" | "http" | "email";
  validity_days: number;
  certificate_authority: "google" | "lets_encrypt" | "ssl_com";
  cloudflare_branding: boolean;
  validation_records?: { txt_name: string; txt_value: string; status: string }[];
  certificates: unknown[];
}

interface ZoneState {
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
  packs: (FakeCertificatePack & { reads: number })[];
}

export interface CloudflareFakeOptions {
  /** Sandbox mode: the first look-up of an unknown registrable domain creates its zone (with ACM). */
  autoCreateZones?: boolean;
  /** Reads of a new Advanced certificate before it is active (each list or get is one read). */
  readsUntilActive?: number;
  /** Tokens known from the start. */
  tokens?: Record<string, Partial<FakeToken>>;
}

export interface AddZoneOptions {
  /** Advanced Certificate Manager on the zone; without it an order fails with 1450. */
  acm?: boolean;
  type?: "full" | "partial";
  status?: "active" | "pending";
  ssl?: "off" | "flexible" | "full" | "strict";
}

const ACCOUNT = { id: "0123456789abcdef0123456789abcdef", name: "Fake account" };
const PACK_STAGES = ["initializing", "pending_validation", "pending_issuance", "pending_deployment", "active"] as const;
const SSL_VALUES = ["off", "flexible", "full", "strict"];
const CONFIG_SSL_VALUES = ["off", "flexible", "full", "strict", "origin_pull"];
const VALIDITY_DAYS = [14, 30, 90, 365];
const AUTHORITIES = ["google", "lets_encrypt", "ssl_com"];
const VALIDATION_METHODS = ["txt", "http", "email"];
const ADDRESS_TYPES = new Set(["A", "AAAA", "CNAME"]);
/** Record comment length on the Free plan (**unverified**: paid plans allow more). */
const COMMENT_MAX = 100;
const RECORD_TYPES = new Set(["A", "AAAA", "CNAME", "TXT", "MX", "NS", "CAA", "SRV"]);

const hex32 = () => randomBytes(16).toString("hex");
const now = () => new Date().toISOString();
const lower = (s: string) => s.trim().toLowerCase().replace(/\.$/, "");

interface CfError {
  code: number;
  message: string;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

function ok(result: unknown, extra: { result_info?: unknown; messages?: CfError[] } = {}, status = 200): FakeResponse {
  const body: Record<string, unknown> = { success: true, errors: [], messages: extra.messages ?? [], result };
  if (extra.result_info) body.result_info = extra.result_info;
  return json(status, body);
}

function fail(status: number, ...errors: CfError[]): FakeResponse {
  return json(status, { success: false, errors, messages: [], result: null });
}

const E = {
  noRoute: () => fail(404, { code: 7000, message: "No route for that URI" }),
  methodNotAllowed: (m: string) => fail(405, { code: 7001, message: `Method ${m} not available for that URI.` }), // unverified code
  missingAuth: () => fail(400, { code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }),
  badAuthFormat: () => fail(400, { code: 6003, message: "Invalid request headers" }, { code: 6111, message: "Invalid format for Authorization header" }),
  invalidToken: () => fail(401, { code: 1000, message: "Invalid API Token" }),
  unauthorized: () => fail(403, { code: 9109, message: "Unauthorized to access requested resource" }),
  authentication: () => fail(403, { code: 10000, message: "Authentication error" }),
  badZone: (id: string) => fail(404, { code: 7003, message: `Could not route to /zones/${id}, perhaps your object identifier is invalid?` }),
  malformed: () => fail(400, { code: 6007, message: "Malformed JSON in request body" }),
  dnsValidation: (message: string) => fail(400, { code: 1004, message: `DNS Validation Error: ${message}` }), // unverified code for the details
  recordNotFound: () => fail(404, { code: 81044, message: "Record does not exist." }),
  identical: () => fail(400, { code: 81057, message: "Record already exists." }),
  nameTaken: () => fail(400, { code: 81053, message: "An A, AAAA, or CNAME record with that host already exists." }),
  cnameTaken: () => fail(400, { code: 81054, message: "A CNAME record with that host already exists." }),
  badTtl: () => fail(400, { code: 9021, message: "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic." }), // unverified code
  noEntrypoint: (phase: string) => fail(404, { code: 10003, message: `could not find entrypoint ruleset in the ${phase} phase` }),
  rulesetInvalid: (message: string) => fail(400, { code: 20021, message }), // unverified code
  settingInvalid: (id: string) => fail(400, { code: 1007, message: `Invalid value for zone setting ${id}` }), // unverified code
  acmRequired: () => fail(400, { code: 1450, message: "Advanced Certificate Manager is required to order an advanced certificate." }),
  packInvalid: (message: string) => fail(400, { code: 1400, message }), // unverified code
  packNotFound: () => fail(404, { code: 1404, message: "Certificate pack not found." }), // unverified code
};

type Handler = (req: FakeRequest, m: RegExpMatchArray) => FakeResponse;

interface Route {
  method: string;
  pattern: RegExp;
  op: string;
  handler: Handler;
}

function pageParams(query: URLSearchParams, defaultPerPage: number, maxPerPage: number) {
  const page = Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
  const perPage = Math.min(maxPerPage, Math.max(1, Number.parseInt(query.get("per_page") ?? String(defaultPerPage), 10) || defaultPerPage));
  return { page, perPage };
}

function paginate<T>(items: T[], query: URLSearchParams, defaultPerPage: number, maxPerPage: number) {
  const { page, perPage } = pageParams(query, defaultPerPage, maxPerPage);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return {
    result: slice,
    result_info: { page, per_page: perPage, count: slice.length, total_count: items.length, total_pages: Math.max(1, Math.ceil(items.length / perPage)) },
  };
}

function withoutReads(pack: FakeCertificatePack & { reads: number }): FakeCertificatePack {
  const copy: Partial<typeof pack> = { ...pack };
  delete copy.reads;
  return copy as FakeCertificatePack;
}

function parseBody(req: FakeRequest): { ok: true; value: Record<string, unknown> } | { ok: false } {
  try {
    const value = JSON.parse(req.body || "{}") as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false };
    return { ok: true, value: value as Record<string, unknown> };
  } catch {
    return { ok: false };
  }
}

export class CloudflareFake implements FakeApi {
  private tokens = new Map<string, FakeToken>();
  private zones = new Map<string, ZoneState>();
  private readonly initialTokens: Record<string, Partial<FakeToken>>;
  private readonly routes: Route[];
  readonly options: Required<Omit<CloudflareFakeOptions, "tokens">>;

  constructor(options: CloudflareFakeOptions = {}) {
    this.options = { autoCreateZones: options.autoCreateZones ?? false, readsUntilActive: options.readsUntilActive ?? 3 };
    this.initialTokens = options.tokens ?? {};
    this.reset();
    const z = "/zones/([^/]+)";
    this.routes = [
      { method: "GET", pattern: /^\/user\/tokens\/verify$/, op: "VerifyToken", handler: (r) => this.verifyToken(r) },
      { method: "GET", pattern: /^\/zones$/, op: "ListZones", handler: (r) => this.listZones(r) },
      { method: "GET", pattern: new RegExp(`^${z}$`), op: "GetZone", handler: (r, m) => this.withZone(r, m[1]!, "zone", "read", (s) => ok(s.zone)) },
      { method: "GET", pattern: new RegExp(`^${z}/dns_records$`), op: "ListDnsRecords", handler: (r, m) => this.withZone(r, m[1]!, "dns", "read", (s) => this.listRecords(s, r)) },
      { method: "POST", pattern: new RegExp(`^${z}/dns_records$`), op: "CreateDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => this.createRecord(s, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "GetDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "read", (s) => this.getRecord(s, m[2]!)) },
      { method: "PATCH", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "EditDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => this.changeRecord(s, m[2]!, r, false)) },
      { method: "PUT", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "UpdateDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => this.changeRecord(s, m[2]!, r, true)) },
      { method: "DELETE", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "DeleteDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => this.deleteRecord(s, m[2]!)) },
      { method: "GET", pattern: new RegExp(`^${z}/settings/ssl$`), op: "GetZoneSetting", handler: (r, m) => this.withZone(r, m[1]!, "zoneSettings", "read", (s) => ok(this.sslSetting(s))) },
      { method: "PATCH", pattern: new RegExp(`^${z}/settings/ssl$`), op: "EditZoneSetting", handler: (r, m) => this.withZone(r, m[1]!, "zoneSettings", "edit", (s) => this.editSsl(s, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/rulesets/phases/([a-z_]+)/entrypoint$`), op: "GetEntrypoint", handler: (r, m) => this.withZone(r, m[1]!, "configRules", "read", (s) => this.getEntrypoint(s, m[2]!)) },
      { method: "PUT", pattern: new RegExp(`^${z}/rulesets/phases/([a-z_]+)/entrypoint$`), op: "UpdateEntrypoint", handler: (r, m) => this.withZone(r, m[1]!, "configRules", "edit", (s) => this.putEntrypoint(s, m[2]!, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/pagerules$`), op: "ListPageRules", handler: (r, m) => this.withZone(r, m[1]!, "pageRules", "read", (s) => ok(s.pageRules)) },
      { method: "GET", pattern: new RegExp(`^${z}/ssl/certificate_packs$`), op: "ListCertificatePacks", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "read", (s) => this.listPacks(s, r)) },
      { method: "POST", pattern: new RegExp(`^${z}/ssl/certificate_packs/order$`), op: "OrderCertificatePack", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "edit", (s) => this.orderPack(s, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/ssl/certificate_packs/([^/]+)$`), op: "GetCertificatePack", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "read", (s) => this.getPack(s, m[2]!)) },
      { method: "DELETE", pattern: new RegExp(`^${z}/ssl/certificate_packs/([^/]+)$`), op: "DeleteCertificatePack", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "edit", (s) => this.deletePack(s, m[2]!)) },
    ];
  }

  // ---- test and sandbox helpers (in-process; never part of the wire API) ----

  reset(): void {
    this.tokens = new Map(Object.entries(this.initialTokens).map(([t, v]) => [t, this.tokenOf(v)]));
    this.zones = new Map();
  }

  addToken(token: string, token_: Partial<FakeToken> = {}): void {
    this.tokens.set(token, this.tokenOf(token_));
  }

  addZone(name: string, opts: AddZoneOptions = {}): string {
    const zoneName = lower(name);
    const existing = this.zoneByName(zoneName);
    if (existing) return existing.zone.id;
    const id = hex32();
    const t = now();
    this.zones.set(id, {
      zone: {
        id,
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
      // Universal SSL: the apex and one level below it (providers.md §4 "Certificates").
      packs: [
        {
          id: randomUUID(),
          type: "universal",
          hosts: [zoneName, `*.${zoneName}`],
          status: "active",
          validation_method: "txt",
          validity_days: 90,
          certificate_authority: "google",
          cloudflare_branding: false,
          certificates: [],
          reads: 0,
        },
      ],
    });
    return id;
  }

  addRecord(zoneName: string, rec: { name: string; type: string; content: string; proxied?: boolean; ttl?: number; comment?: string }): FakeDnsRecord {
    const s = this.mustZone(zoneName);
    const record = this.newRecord(s, rec.name, rec.type, rec.content, rec.proxied ?? false, rec.ttl ?? 1, rec.comment ?? null);
    s.records.push(record);
    return record;
  }

  addPageRule(zoneName: string, urlPattern: string, actions: FakePageRule["actions"]): FakePageRule {
    const s = this.mustZone(zoneName);
    const t = now();
    const rule: FakePageRule = {
      id: hex32(),
      targets: [{ target: "url", constraint: { operator: "matches", value: urlPattern } }],
      actions,
      priority: s.pageRules.length + 1,
      status: "active",
      created_on: t,
      modified_on: t,
    };
    s.pageRules.push(rule);
    return rule;
  }

  setRules(zoneName: string, phase: string, rules: Partial<FakeRule>[]): void {
    const s = this.mustZone(zoneName);
    this.writeRuleset(s, phase, rules as Record<string, unknown>[]);
  }

  /** Every pending certificate becomes active (a shortcut for tests that do not poll). */
  settleCertificates(): void {
    for (const s of this.zones.values()) for (const p of s.packs) if (p.type === "advanced") p.status = "active";
  }

  state(zoneName: string): { zone: ZoneState["zone"]; records: FakeDnsRecord[]; rulesets: Record<string, FakeRuleset>; packs: FakeCertificatePack[]; ssl: string; pageRules: FakePageRule[] } {
    const s = this.mustZone(zoneName);
    return structuredClone({
      zone: s.zone,
      records: s.records,
      rulesets: Object.fromEntries(s.rulesets),
      packs: s.packs.map(withoutReads),
      ssl: s.ssl.value,
      pageRules: s.pageRules,
    });
  }

  zoneNames(): string[] {
    return [...this.zones.values()].map((s) => s.zone.name);
  }

  // ---- FakeApi ----

  operation(req: FakeRequest): string {
    const path = this.stripPrefix(req.path);
    return this.routes.find((r) => r.method === req.method && r.pattern.test(path))?.op ?? "Unknown";
  }

  handle(req: FakeRequest): FakeResponse {
    const path = this.stripPrefix(req.path);
    const matches = this.routes.filter((r) => r.pattern.test(path));
    if (matches.length === 0) return E.noRoute();
    const route = matches.find((r) => r.method === req.method);
    if (!route) return E.methodNotAllowed(req.method);
    const auth = this.authenticate(req, route.op === "VerifyToken");
    if ("status" in auth) return auth;
    return route.handler(req, path.match(route.pattern)!);
  }

  // ---- internals ----

  private stripPrefix(path: string): string {
    return path.replace(/^\/client\/v4(?=\/)/, "").replace(/\/+$/, "") || "/";
  }

  private tokenOf(t: Partial<FakeToken>): FakeToken {
    return { id: t.id ?? hex32(), status: t.status ?? "active", permissions: t.permissions ?? { ...ALL_PERMISSIONS } };
  }

  private authenticate(req: FakeRequest, verifying: boolean): { token: FakeToken } | FakeResponse {
    const header = req.headers.authorization;
    if (!header) return E.missingAuth();
    const m = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header);
    if (!m) return E.badAuthFormat();
    const token = this.tokens.get(m[1]!);
    if (!token) return verifying ? E.invalidToken() : E.unauthorized(); // unverified: the status a revoked token meets outside /verify
    if (!verifying && token.status !== "active") return E.unauthorized();
    return { token };
  }

  private currentToken(req: FakeRequest): FakeToken {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    return this.tokens.get(m?.[1] ?? "")!;
  }

  private allowed(token: FakeToken, group: keyof TokenPermissions, need: Access): boolean {
    const has = token.permissions[group];
    return has === "edit" || (has === "read" && need === "read");
  }

  private zoneByName(name: string): ZoneState | undefined {
    return [...this.zones.values()].find((s) => s.zone.name === name);
  }

  private mustZone(name: string): ZoneState {
    const s = this.zoneByName(lower(name));
    if (!s) throw new Error(`fake has no zone ${name}`);
    return s;
  }

  private withZone(req: FakeRequest, id: string, group: keyof TokenPermissions, need: Access, fn: (s: ZoneState) => FakeResponse): FakeResponse {
    const token = this.currentToken(req);
    const s = this.zones.get(id);
    if (!s) return E.badZone(id);
    if (!this.allowed(token, group, need)) return E.authentication();
    return fn(s);
  }

  private verifyToken(req: FakeRequest): FakeResponse {
    const token = this.currentToken(req);
    const message = token.status === "active" ? "This API Token is valid and active" : `This API Token is ${token.status}`;
    return ok({ id: token.id, status: token.status }, { messages: [{ code: 10000, message }] });
  }

  private listZones(req: FakeRequest): FakeResponse {
    const token = this.currentToken(req);
    if (!this.allowed(token, "zone", "read")) return E.authentication();
    const name = req.query.get("name");
    if (name && this.options.autoCreateZones && !this.zoneByName(lower(name))) {
      // Sandbox: a zone appears for any registrable domain the wizard asks about, never for sub-zones.
      if (parseDomain(lower(name), { allowPrivateDomains: false }).domain === lower(name)) this.addZone(name, { acm: true });
    }
    const zones = [...this.zones.values()].map((s) => s.zone).filter((z) => !name || z.name === lower(name));
    // per_page: default 20, max 50 (providers.md §4).
    const { result, result_info } = paginate(zones, req.query, 20, 50);
    return ok(result, { result_info });
  }

  // ---- DNS records ----

  private newRecord(s: ZoneState, rawName: string, type: string, content: string, proxied: boolean, ttl: number, comment: string | null = null): FakeDnsRecord {
    const t = now();
    return {
      id: hex32(),
      name: this.fqdn(s, rawName),
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

  /** Names are stored as the lower-case FQDN; a relative name is expanded by the zone ("@" is the apex). */
  private fqdn(s: ZoneState, raw: string): string {
    const name = lower(raw);
    const zone = s.zone.name;
    if (name === "@" || name === "") return zone;
    return name === zone || name.endsWith(`.${zone}`) ? name : `${name}.${zone}`;
  }

  private listRecords(s: ZoneState, req: FakeRequest): FakeResponse {
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

  private getRecord(s: ZoneState, id: string): FakeResponse {
    const rec = s.records.find((r) => r.id === id);
    return rec ? ok(rec) : E.recordNotFound();
  }

  /** Cloudflare's rules for names that are taken (providers.md §4: 81057, 81053, 81054). */
  private conflict(s: ZoneState, candidate: { id?: string; name: string; type: string; content: string }): FakeResponse | null {
    const others = s.records.filter((r) => r.id !== candidate.id && r.name === candidate.name);
    if (others.some((r) => r.type === candidate.type && r.content.toLowerCase() === candidate.content.toLowerCase())) return E.identical();
    if (candidate.type === "CNAME" && others.some((r) => ADDRESS_TYPES.has(r.type) || r.type === "CNAME")) return E.nameTaken();
    if (candidate.type !== "CNAME" && others.some((r) => r.type === "CNAME")) return E.cnameTaken();
    return null;
  }

  private validateRecord(s: ZoneState, body: Record<string, unknown>): FakeResponse | null {
    if (typeof body.type !== "string" || !RECORD_TYPES.has(body.type)) return E.dnsValidation("type is required and must be a supported record type.");
    if (typeof body.name !== "string" || body.name.trim() === "") return E.dnsValidation("name is required.");
    if (typeof body.content !== "string" || body.content.trim() === "") return E.dnsValidation("content is required.");
    const name = lower(body.name);
    if (name.endsWith(".") || /\s/.test(name)) return E.dnsValidation("name is invalid.");
    const fq = this.fqdn(s, name);
    if (!(fq === s.zone.name || fq.endsWith(`.${s.zone.name}`))) return E.dnsValidation("name is not in the zone.");
    if (body.ttl !== undefined && (typeof body.ttl !== "number" || !(body.ttl === 1 || (body.ttl >= 60 && body.ttl <= 86400)))) return E.badTtl();
    if (body.proxied !== undefined && typeof body.proxied !== "boolean") return E.dnsValidation("proxied must be a boolean.");
    if (body.proxied === true && !ADDRESS_TYPES.has(body.type)) return E.dnsValidation(`${body.type} records cannot be proxied.`);
    // Comments: no newlines (cloudflare-docs record-attributes); the length limit depends on the plan, the Free plan's is modelled.
    if (body.comment !== undefined && body.comment !== null && (typeof body.comment !== "string" || /[\r\n]/.test(body.comment) || body.comment.length > COMMENT_MAX)) {
      return E.dnsValidation("comment is invalid or too long.");
    }
    return null;
  }

  private createRecord(s: ZoneState, req: FakeRequest): FakeResponse {
    const parsed = parseBody(req);
    if (!parsed.ok) return E.malformed();
    const body = parsed.value;
    const invalid = this.validateRecord(s, body);
    if (invalid) return invalid;
    const rec = this.newRecord(s, body.name as string, body.type as string, body.content as string, (body.proxied as boolean | undefined) ?? false, (body.ttl as number | undefined) ?? 1, (body.comment as string | null | undefined) ?? null);
    const clash = this.conflict(s, rec);
    if (clash) return clash;
    s.records.push(rec);
    return ok(rec);
  }

  private changeRecord(s: ZoneState, id: string, req: FakeRequest, replace: boolean): FakeResponse {
    const rec = s.records.find((r) => r.id === id);
    if (!rec) return E.recordNotFound();
    const parsed = parseBody(req);
    if (!parsed.ok) return E.malformed();
    const merged: Record<string, unknown> = replace
      ? { proxied: false, ttl: 1, ...parsed.value }
      : { name: rec.name, type: rec.type, content: rec.content, proxied: rec.proxied, ttl: rec.ttl, comment: rec.comment, ...parsed.value };
    const invalid = this.validateRecord(s, merged);
    if (invalid) return invalid;
    const next = this.newRecord(s, merged.name as string, merged.type as string, merged.content as string, merged.proxied as boolean, merged.ttl as number);
    const clash = this.conflict(s, { ...next, id });
    if (clash) return clash;
    const comment = (merged.comment as string | null | undefined) ?? null;
    Object.assign(rec, { name: next.name, type: next.type, content: next.content, proxiable: next.proxiable, proxied: next.proxied, ttl: next.ttl, comment, settings: next.settings, modified_on: now() });
    return ok(rec);
  }

  private deleteRecord(s: ZoneState, id: string): FakeResponse {
    const i = s.records.findIndex((r) => r.id === id);
    if (i < 0) return E.recordNotFound();
    s.records.splice(i, 1);
    return ok({ id });
  }

  // ---- zone setting ssl ----

  private sslSetting(s: ZoneState) {
    return { id: "ssl", value: s.ssl.value, editable: true, modified_on: s.ssl.modified_on };
  }

  private editSsl(s: ZoneState, req: FakeRequest): FakeResponse {
    const parsed = parseBody(req);
    if (!parsed.ok) return E.malformed();
    const value = parsed.value.value;
    if (typeof value !== "string" || !SSL_VALUES.includes(value)) return E.settingInvalid("ssl");
    s.ssl = { value, modified_on: now() };
    return ok(this.sslSetting(s));
  }

  // ---- rulesets (phase entrypoints) ----

  private getEntrypoint(s: ZoneState, phase: string): FakeResponse {
    const rs = s.rulesets.get(phase);
    return rs ? ok(rs) : E.noEntrypoint(phase);
  }

  private putEntrypoint(s: ZoneState, phase: string, req: FakeRequest): FakeResponse {
    const parsed = parseBody(req);
    if (!parsed.ok) return E.malformed();
    const rules = parsed.value.rules ?? [];
    if (!Array.isArray(rules)) return E.rulesetInvalid("rules must be a list");
    for (const [i, r] of rules.entries()) {
      const rule = r as Record<string, unknown>;
      if (typeof rule.expression !== "string" || rule.expression.trim() === "") return E.rulesetInvalid(`rules[${i}]: expression is required`);
      if (typeof rule.action !== "string") return E.rulesetInvalid(`rules[${i}]: action is required`);
      if (phase === "http_config_settings") {
        if (rule.action !== "set_config") return E.rulesetInvalid(`rules[${i}]: action ${rule.action} is not allowed in phase ${phase}`);
        const ssl = (rule.action_parameters as Record<string, unknown> | undefined)?.ssl;
        if (ssl !== undefined && !CONFIG_SSL_VALUES.includes(String(ssl))) return E.rulesetInvalid(`rules[${i}]: invalid ssl value ${String(ssl)}`);
      }
    }
    const rs = this.writeRuleset(s, phase, rules as Record<string, unknown>[], parsed.value);
    return ok(rs);
  }

  private writeRuleset(s: ZoneState, phase: string, rules: Record<string, unknown>[], meta: Record<string, unknown> = {}): FakeRuleset {
    const previous = s.rulesets.get(phase);
    const t = now();
    const version = String(Number(previous?.version ?? "0") + 1);
    const next: FakeRuleset = {
      id: previous?.id ?? hex32(),
      name: typeof meta.name === "string" ? meta.name : (previous?.name ?? "default"),
      description: typeof meta.description === "string" ? meta.description : (previous?.description ?? ""),
      kind: "zone",
      phase,
      version,
      last_updated: t,
      rules: rules.map((r) => {
        const rest = { ...r };
        delete rest.version; // read-only fields: the API sets them
        delete rest.last_updated;
        const old = previous?.rules.find((p) => p.id === r.id);
        const id = typeof r.id === "string" && r.id !== "" ? r.id : hex32();
        const rule: FakeRule = {
          ...rest,
          id,
          ref: typeof r.ref === "string" ? r.ref : (old?.ref ?? id),
          version: old ? String(Number(old.version) + 1) : "1",
          action: String(r.action),
          expression: String(r.expression),
          enabled: r.enabled === undefined ? true : Boolean(r.enabled),
          last_updated: t,
        };
        return rule;
      }),
    };
    s.rulesets.set(phase, next);
    return next;
  }

  // ---- certificate packs ----

  private read(pack: ZoneState["packs"][number]): FakeCertificatePack {
    if (pack.type === "advanced" && pack.status !== "active" && PACK_STAGES.includes(pack.status as (typeof PACK_STAGES)[number])) {
      pack.reads++;
      const last = PACK_STAGES.length - 1;
      pack.status = PACK_STAGES[Math.min(last, Math.floor((pack.reads * last) / Math.max(1, this.options.readsUntilActive)))]!;
      if (pack.status === "active") delete pack.validation_records;
    }
    return withoutReads(pack);
  }

  private listPacks(s: ZoneState, req: FakeRequest): FakeResponse {
    const all = req.query.get("status") === "all";
    const packs = s.packs.filter((p) => all || p.status === "active").map((p) => this.read(p));
    const { result, result_info } = paginate(packs, req.query, 20, 50);
    return ok(result, { result_info });
  }

  private getPack(s: ZoneState, id: string): FakeResponse {
    const pack = s.packs.find((p) => p.id === id);
    return pack ? ok(this.read(pack)) : E.packNotFound();
  }

  /** Advanced packs can be deleted; Universal SSL is switched off instead (**unverified**: the code for refusing it). */
  private deletePack(s: ZoneState, id: string): FakeResponse {
    const pack = s.packs.find((p) => p.id === id);
    if (!pack) return E.packNotFound();
    if (pack.type !== "advanced") return E.packInvalid("Universal SSL certificate packs cannot be deleted; disable Universal SSL instead.");
    s.packs = s.packs.filter((p) => p !== pack);
    return ok({ id });
  }

  private orderPack(s: ZoneState, req: FakeRequest): FakeResponse {
    const parsed = parseBody(req);
    if (!parsed.ok) return E.malformed();
    const b = parsed.value;
    if (b.type !== "advanced") return E.packInvalid("type must be advanced");
    if (!Array.isArray(b.hosts) || b.hosts.length === 0 || b.hosts.some((h) => typeof h !== "string")) return E.packInvalid("hosts is required");
    const hosts = (b.hosts as string[]).map(lower);
    if (hosts.length > 50) return E.packInvalid("at most 50 hosts");
    if (!hosts.includes(s.zone.name)) return E.packInvalid("hosts must include the zone apex");
    if (hosts.some((h) => !(h === s.zone.name || h.endsWith(`.${s.zone.name}`)))) return E.packInvalid("every host must be in the zone");
    if (!VALIDATION_METHODS.includes(String(b.validation_method))) return E.packInvalid("validation_method is invalid");
    if (!VALIDITY_DAYS.includes(Number(b.validity_days))) return E.packInvalid("validity_days is invalid");
    if (!AUTHORITIES.includes(String(b.certificate_authority))) return E.packInvalid("certificate_authority is invalid");
    if (!s.acm) return E.acmRequired();
    const pack: ZoneState["packs"][number] = {
      id: randomUUID(),
      type: "advanced",
      hosts,
      status: "initializing",
      validation_method: b.validation_method as FakeCertificatePack["validation_method"],
      validity_days: Number(b.validity_days),
      certificate_authority: b.certificate_authority as FakeCertificatePack["certificate_authority"],
      cloudflare_branding: b.cloudflare_branding === true,
      validation_records: hosts.map((h) => ({ txt_name: `_acme-challenge.${h}`, txt_value: randomBytes(16).toString("base64url"), status: "pending" })),
      certificates: [],
      reads: 0,
    };
    s.packs.push(pack);
    return ok(withoutReads(pack));
  }
}
