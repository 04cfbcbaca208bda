import "server-only";
import { createHash } from "node:crypto";
import { parse as parseDomain } from "tldts";
import type { StatefulFake } from "@/lib/sandbox/fake-state";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import type { Status } from "cloudflare/resources/ssl/certificate-packs/certificate-packs";
import { deletePack, getPack, listPacks, orderPack, seededPack, withoutReads, type FakeCertificatePack } from "./fake-certs";
import { changeRecord, createRecord, deleteRecord, getRecord, listRecords, newRecord, type FakeDnsRecord } from "./fake-dns";
import { getEntrypoint, putEntrypoint, writeRuleset, type FakeRule, type FakeRuleset } from "./fake-rulesets";
import { hex32, lower, now, ok, paginate, WIRE_ERROR } from "./fake-wire";
import { editSsl, newZone, sslSetting, type AddZoneOptions, type FakePageRule, type ZoneState } from "./fake-zones";

export type { AddZoneOptions, FakePageRule } from "./fake-zones";

export type { FakeCertificatePack } from "./fake-certs";
export type { FakeDnsRecord } from "./fake-dns";
export type { FakeRule, FakeRuleset } from "./fake-rulesets";

/**
 * A wire-faithful fake of the parts of Cloudflare's API v4 the wizard uses, for lib/sandbox/http-fake.ts.
 * Wire format (docs/providers/cloudflare.md; cloudflare/cloudflare-typescript v7; cloudflare/api-schemas):
 * the envelope of fake-wire.ts; `Authorization: Bearer <token>`. This file routes requests, checks tokens and
 * keeps the zones; the records, rulesets and certificate packs live in fake-dns.ts, fake-rulesets.ts and
 * fake-certs.ts.
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

/** A token's permission groups. Edit includes read. Dashboard names: docs/providers/cloudflare.md#token. */
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

export interface CloudflareFakeOptions {
  /** Sandbox mode: the first look-up of an unknown registrable domain creates its zone (with ACM). */
  autoCreateZones?: boolean;
  /** Reads of a new Advanced certificate before it is active (each list or get is one read). */
  readsUntilActive?: number;
  /** Tokens known from the start. */
  tokens?: Record<string, Partial<FakeToken>>;
}

type Handler = (req: FakeRequest, m: RegExpMatchArray) => FakeResponse;

interface Route {
  method: string;
  pattern: RegExp;
  op: string;
  handler: Handler;
}

export class CloudflareFake implements StatefulFake {
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
      { method: "GET", pattern: new RegExp(`^${z}/dns_records$`), op: "ListDnsRecords", handler: (r, m) => this.withZone(r, m[1]!, "dns", "read", (s) => listRecords(s, r)) },
      { method: "POST", pattern: new RegExp(`^${z}/dns_records$`), op: "CreateDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => createRecord(s, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "GetDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "read", (s) => getRecord(s, m[2]!)) },
      { method: "PATCH", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "EditDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => changeRecord(s, m[2]!, r, false)) },
      { method: "PUT", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "UpdateDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => changeRecord(s, m[2]!, r, true)) },
      { method: "DELETE", pattern: new RegExp(`^${z}/dns_records/([^/]+)$`), op: "DeleteDnsRecord", handler: (r, m) => this.withZone(r, m[1]!, "dns", "edit", (s) => deleteRecord(s, m[2]!)) },
      { method: "GET", pattern: new RegExp(`^${z}/settings/ssl$`), op: "GetZoneSetting", handler: (r, m) => this.withZone(r, m[1]!, "zoneSettings", "read", (s) => ok(sslSetting(s))) },
      { method: "PATCH", pattern: new RegExp(`^${z}/settings/ssl$`), op: "EditZoneSetting", handler: (r, m) => this.withZone(r, m[1]!, "zoneSettings", "edit", (s) => editSsl(s, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/rulesets/phases/([a-z_]+)/entrypoint$`), op: "GetEntrypoint", handler: (r, m) => this.withZone(r, m[1]!, "configRules", "read", (s) => getEntrypoint(s.rulesets, m[2]!)) },
      { method: "PUT", pattern: new RegExp(`^${z}/rulesets/phases/([a-z_]+)/entrypoint$`), op: "UpdateEntrypoint", handler: (r, m) => this.withZone(r, m[1]!, "configRules", "edit", (s) => putEntrypoint(s.rulesets, m[2]!, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/pagerules$`), op: "ListPageRules", handler: (r, m) => this.withZone(r, m[1]!, "pageRules", "read", (s) => ok(s.pageRules)) },
      { method: "GET", pattern: new RegExp(`^${z}/ssl/certificate_packs$`), op: "ListCertificatePacks", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "read", (s) => listPacks(s, r, this.options.readsUntilActive)) },
      { method: "POST", pattern: new RegExp(`^${z}/ssl/certificate_packs/order$`), op: "OrderCertificatePack", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "edit", (s) => orderPack(s, r)) },
      { method: "GET", pattern: new RegExp(`^${z}/ssl/certificate_packs/([^/]+)$`), op: "GetCertificatePack", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "read", (s) => getPack(s, m[2]!, this.options.readsUntilActive)) },
      { method: "DELETE", pattern: new RegExp(`^${z}/ssl/certificate_packs/([^/]+)$`), op: "DeleteCertificatePack", handler: (r, m) => this.withZone(r, m[1]!, "ssl", "edit", (s) => deletePack(s, m[2]!)) },
    ];
  }

  // ---- test and sandbox helpers (in-process; never part of the wire API) ----

  /** The zones and everything in them (lib/sandbox/fake-state.ts). Tokens are options, not state: addToken's are not kept. */
  saveState(): { zones: Map<string, ZoneState> } {
    return { zones: this.zones };
  }

  loadState(state: unknown): void {
    this.zones = (state as { zones: Map<string, ZoneState> }).zones;
  }

  reset(): void {
    this.tokens = new Map(Object.entries(this.initialTokens).map(([t, v]) => [t, this.tokenOf(t, v)]));
    this.zones = new Map();
  }

  addToken(token: string, token_: Partial<FakeToken> = {}): void {
    this.tokens.set(token, this.tokenOf(token, token_));
  }

  addZone(name: string, opts: AddZoneOptions = {}): string {
    const zoneName = lower(name);
    const existing = this.zoneByName(zoneName);
    if (existing) return existing.zone.id;
    const state = newZone(zoneName, opts);
    this.zones.set(state.zone.id, state);
    return state.zone.id;
  }

  addRecord(zoneName: string, rec: { name: string; type: string; content: string; proxied?: boolean; ttl?: number; comment?: string; tags?: string[] }): FakeDnsRecord {
    const s = this.mustZone(zoneName);
    const record = newRecord(s.zone.name, rec.name, rec.type, rec.content, rec.proxied ?? false, rec.ttl ?? 1, rec.comment ?? null);
    record.tags = [...(rec.tags ?? [])];
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
    writeRuleset(s.rulesets, phase, rules);
  }

  /** A certificate pack in any of Cloudflare's statuses, for tests (hosts: the apex and the names it covers). */
  addPack(zoneName: string, hosts: string[], status: Status, type: FakeCertificatePack["type"] = "advanced"): FakeCertificatePack {
    const s = this.mustZone(zoneName);
    const pack = seededPack(hosts.map(lower), status, type);
    s.packs.push(pack);
    return withoutReads(pack);
  }

  setPackStatus(zoneName: string, packId: string, status: Status): void {
    const pack = this.mustZone(zoneName).packs.find((p) => p.id === packId);
    if (!pack) throw new Error(`fake has no certificate pack ${packId} in ${zoneName}`);
    pack.status = status;
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
    if (matches.length === 0) return WIRE_ERROR.noRoute();
    const route = matches.find((r) => r.method === req.method);
    if (!route) return WIRE_ERROR.methodNotAllowed(req.method);
    const auth = this.authenticate(req, route.op === "VerifyToken");
    if ("status" in auth) return auth;
    return route.handler(req, path.match(route.pattern)!);
  }

  // ---- internals ----

  private stripPrefix(path: string): string {
    return path.replace(/^\/client\/v4(?=\/)/, "").replace(/\/+$/, "") || "/";
  }

  /** A token's id is derived from it, so a fake made again with the same tokens answers /verify the same. */
  private tokenOf(token: string, t: Partial<FakeToken>): FakeToken {
    const id = t.id ?? createHash("sha256").update(token).digest("hex").slice(0, 32);
    return { id, status: t.status ?? "active", permissions: t.permissions ?? { ...ALL_PERMISSIONS } };
  }

  private authenticate(req: FakeRequest, verifying: boolean): { token: FakeToken } | FakeResponse {
    const header = req.headers.authorization;
    if (!header) return WIRE_ERROR.missingAuth();
    const m = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header);
    if (!m) return WIRE_ERROR.badAuthFormat();
    const token = this.tokens.get(m[1]!);
    if (!token) return verifying ? WIRE_ERROR.invalidToken() : WIRE_ERROR.unauthorized(); // unverified: the status a revoked token meets outside /verify
    if (!verifying && token.status !== "active") return WIRE_ERROR.unauthorized();
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
    if (!s) return WIRE_ERROR.badZone(id);
    if (!this.allowed(token, group, need)) return WIRE_ERROR.authentication();
    return fn(s);
  }

  private verifyToken(req: FakeRequest): FakeResponse {
    const token = this.currentToken(req);
    const message = token.status === "active" ? "This API Token is valid and active" : `This API Token is ${token.status}`;
    return ok({ id: token.id, status: token.status }, { messages: [{ code: 10000, message }] });
  }

  private listZones(req: FakeRequest): FakeResponse {
    const token = this.currentToken(req);
    if (!this.allowed(token, "zone", "read")) return WIRE_ERROR.authentication();
    const name = req.query.get("name");
    if (name && this.options.autoCreateZones && !this.zoneByName(lower(name))) {
      // Sandbox: a zone appears for any registrable domain the wizard asks about, never for sub-zones.
      if (parseDomain(lower(name), { allowPrivateDomains: false }).domain === lower(name)) this.addZone(name, { acm: true });
    }
    const zones = [...this.zones.values()].map((s) => s.zone).filter((z) => !name || z.name === lower(name));
    // per_page: default 20, max 50 (docs/providers/cloudflare.md#zones).
    const { result, result_info } = paginate(zones, req.query, 20, 50);
    return ok(result, { result_info });
  }
}
