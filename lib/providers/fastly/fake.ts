import "server-only";
import type { FakeApi, FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";

/**
 * A wire-faithful fake of the parts of the Fastly API apply uses (providers.md §5), for tests and the
 * in-app sandbox. Shapes follow recorded real traffic (fastly/go-fastly fastly/fixtures/**):
 * config endpoints take form-encoded bodies (booleans 0/1) and answer application/json; TLS endpoints
 * speak JSON:API (application/vnd.api+json). Error texts marked **unverified** in providers.md are
 * modelled on the documented ones. It deliberately imports nothing from settings.ts: it models the
 * API, so a wrong value in the provider's own code fails against it instead of agreeing with itself.
 */

export const FASTLY_SANDBOX_TOKEN = "sandboxFastlyToken0000000000000a";

export interface FastlyFakeOptions {
  /** Valid tokens and their scope (space-separated). Default: the sandbox token with scope "global". */
  tokens?: Record<string, { scope: string; services?: string[] }>;
  /** Hosts owned by another customer: adding one as a domain fails with 400. */
  foreignDomains?: string[];
  /** Reads a subscription stays in each state: pending → processing → issued. Default 1. */
  readsPerState?: number;
  /** Services the account may have. Default unlimited. */
  maxServices?: number;
}

interface Backend {
  name: string;
  address: string | null;
  port: number | null;
  use_ssl: boolean;
  ssl_check_cert: boolean;
  ssl_cert_hostname: string | null;
  ssl_sni_hostname: string | null;
  min_tls_version: string | null;
  override_host: string | null;
}

interface Version {
  number: number;
  active: boolean;
  locked: boolean;
  domains: string[];
  backends: Backend[];
  settings: { default_ttl: number; default_host: string; stale_if_error: boolean; stale_if_error_ttl: number };
}

export interface FakeService {
  id: string;
  name: string;
  type: string;
  versions: Version[];
}

export interface FakeSubscription {
  id: string;
  host: string;
  certificateAuthority: string;
  configurationId: string;
  authorizationId: string;
  challengeValue: string;
  reads: number;
  createdAt: string;
}

const CUSTOMER_ID = "fakeCustomer0000000001";
const STAMP = "2026-01-01T00:00:00Z";
const JSON_TYPE = "application/json";
const JSON_API = "application/vnd.api+json";
const BOOL_FIELDS = new Set(["use_ssl", "ssl_check_cert", "auto_loadbalance", "general.stale_if_error"]);

/** The account's TLS configurations and the DNS records each tells customers to use (ids are the values). */
const TLS_CONFIGURATIONS = [
  {
    id: "fakeTlsConfigDefault01",
    name: "HTTP/3 & TLS v1.3",
    default: true,
    records: [
      { id: "151.101.2.133", record_type: "A", region: "global" },
      { id: "dualstack.k.sni.global.fastly.net", record_type: "CNAME", region: "global" },
      { id: "k.sni.global.fastly.net", record_type: "CNAME", region: "global" },
      { id: "k.sni.us-eu.fastly.net", record_type: "CNAME", region: "us-eu" },
    ],
  },
  {
    id: "fakeTlsConfigLegacy002",
    name: "TLS v1.2 (legacy)",
    default: false,
    records: [{ id: "j.sni.global.fastly.net", record_type: "CNAME", region: "global" }],
  },
] as const;

function json(status: number, value: unknown, type = JSON_TYPE, extra: Record<string, string> = {}): FakeResponse {
  return { status, headers: { "content-type": type, ...extra }, body: JSON.stringify(value) };
}
const configError = (status: number, msg: string, detail?: string) => json(status, detail ? { msg, detail } : { msg });
const apiError = (status: number, title: string, detail: string) => json(status, { errors: [{ title, detail, status: String(status) }] }, JSON_API);

type Route = { method: string; pattern: RegExp; op: string; write?: boolean };
const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/tokens\/self$/, op: "GetTokenSelf" },
  { method: "GET", pattern: /^\/service\/search$/, op: "SearchService" },
  { method: "POST", pattern: /^\/service$/, op: "CreateService", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)$/, op: "GetService" },
  { method: "DELETE", pattern: /^\/service\/([^/]+)$/, op: "DeleteService", write: true },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/clone$/, op: "CloneVersion", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/domain$/, op: "ListDomains" },
  { method: "POST", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/domain$/, op: "CreateDomain", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/backend$/, op: "ListBackends" },
  { method: "POST", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/backend$/, op: "CreateBackend", write: true },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/backend\/([^/]+)$/, op: "UpdateBackend", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/settings$/, op: "GetSettings" },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/settings$/, op: "UpdateSettings", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/validate$/, op: "ValidateVersion" },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/activate$/, op: "ActivateVersion", write: true },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/deactivate$/, op: "DeactivateVersion", write: true },
  { method: "GET", pattern: /^\/tls\/configurations$/, op: "ListTlsConfigurations" },
  { method: "GET", pattern: /^\/tls\/subscriptions$/, op: "ListTlsSubscriptions" },
  { method: "POST", pattern: /^\/tls\/subscriptions$/, op: "CreateTlsSubscription", write: true },
  { method: "GET", pattern: /^\/tls\/subscriptions\/([^/]+)$/, op: "GetTlsSubscription" },
  { method: "DELETE", pattern: /^\/tls\/subscriptions\/([^/]+)$/, op: "DeleteTlsSubscription", write: true },
];

function match(req: FakeRequest): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    const m = route.pattern.exec(req.path);
    if (m) return { route, params: m.slice(1).map(decodeURIComponent) };
  }
  return null;
}

class BadForm extends Error {}

/** Form body as Fastly reads it: booleans must be 0 or 1. */
function readForm(req: FakeRequest): URLSearchParams {
  const type = String(req.headers["content-type"] ?? "");
  if (req.body !== "" && !type.startsWith("application/x-www-form-urlencoded")) throw new BadForm("Request body must be form-encoded (application/x-www-form-urlencoded)");
  const form = new URLSearchParams(req.body);
  for (const [k, v] of form) if (BOOL_FIELDS.has(k) && v !== "0" && v !== "1") throw new BadForm(`Invalid value for '${k}': expected 0 or 1`);
  return form;
}

export class FastlyFake implements FakeApi {
  private services: FakeService[] = [];
  private subscriptions: FakeSubscription[] = [];
  private counter = 0;
  private readonly tokens: Record<string, { scope: string; services?: string[] }>;
  private readonly foreign: Set<string>;
  private readonly readsPerState: number;

  constructor(private readonly opts: FastlyFakeOptions = {}) {
    this.tokens = opts.tokens ?? { [FASTLY_SANDBOX_TOKEN]: { scope: "global" } };
    this.foreign = new Set((opts.foreignDomains ?? []).map((d) => d.toLowerCase()));
    this.readsPerState = Math.max(1, opts.readsPerState ?? 1);
  }

  /** Test access to the account's state. */
  state(): { services: FakeService[]; subscriptions: FakeSubscription[] } {
    return structuredClone({ services: this.services, subscriptions: this.subscriptions });
  }

  reset(): void {
    this.services = [];
    this.subscriptions = [];
    this.counter = 0;
  }

  operation(req: FakeRequest): string {
    return match(req)?.route.op ?? `${req.method} ${req.path}`;
  }

  private id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(22 - prefix.length, "0")}`;
  }

  private subscriptionState(s: FakeSubscription): string {
    if (s.reads < this.readsPerState) return "pending";
    if (s.reads < 2 * this.readsPerState) return "processing";
    return "issued";
  }

  handle(req: FakeRequest): FakeResponse {
    const token = this.tokens[String(req.headers["fastly-key"] ?? "")];
    if (!token) return configError(401, "Provided credentials are missing or invalid");
    const found = match(req);
    if (!found) return configError(404, "Record not found", `Cannot ${req.method} ${req.path}`);
    const { route, params } = found;
    if (route.write && !token.scope.split(/\s+/).includes("global")) {
      return configError(403, "Forbidden", "This token's scope does not allow this request");
    }
    const limit: Record<string, string> = route.write ? { "fastly-ratelimit-remaining": "999", "fastly-ratelimit-reset": String(Math.ceil(Date.now() / 3_600_000) * 3600) } : {};
    try {
      const res = this.route(route.op, params, req);
      return { ...res, headers: { ...res.headers, ...limit } };
    } catch (error) {
      if (error instanceof BadForm) return configError(400, "Bad request", error.message);
      throw error;
    }
  }

  private service(id: string | undefined): FakeService | undefined {
    return this.services.find((s) => s.id === id);
  }

  private version(params: string[]): { service: FakeService; version: Version } | FakeResponse {
    const service = this.service(params[0]);
    if (!service) return configError(404, "Record not found", `Cannot find service '${params[0]}'`);
    const version = service.versions.find((v) => v.number === Number(params[1]));
    if (!version) return configError(404, "Record not found", `Cannot find version '${params[1]}'`);
    return { service, version };
  }

  private editable(params: string[]): { service: FakeService; version: Version } | FakeResponse {
    const sv = this.version(params);
    if ("status" in sv) return sv;
    if (sv.version.locked) return configError(400, "Bad request", `Version ${sv.version.number} is locked and cannot be edited; clone it first`);
    return sv;
  }

  private route(op: string, params: string[], req: FakeRequest): FakeResponse {
    switch (op) {
      case "GetTokenSelf": {
        const token = this.tokens[String(req.headers["fastly-key"])]!;
        return json(200, {
          id: "fakeTokenId00000000001",
          user_id: "fakeUser00000000000001",
          customer_id: CUSTOMER_ID,
          name: "sandbox",
          scope: token.scope,
          scopes: token.scope.split(/\s+/),
          services: token.services ?? [],
          created_at: STAMP,
          last_used_at: STAMP,
          expires_at: null,
          ip: "127.0.0.1",
          user_agent: "",
          sudo_expires_at: null,
        });
      }
      case "SearchService": {
        const name = req.query.get("name") ?? "";
        const s = this.services.find((x) => x.name === name);
        return s ? json(200, this.serviceJson(s)) : configError(404, "Record not found", `Cannot find service '${name}'`);
      }
      case "GetService": {
        const s = this.service(params[0]);
        return s ? json(200, this.serviceJson(s)) : configError(404, "Record not found", `Cannot find service '${params[0]}'`);
      }
      case "CreateService": {
        const form = readForm(req);
        const name = form.get("name") ?? "";
        if (name.trim() === "") return configError(400, "Bad request", "Name can't be blank");
        if (this.opts.maxServices !== undefined && this.services.length >= this.opts.maxServices) {
          return configError(400, "Bad request", `You have reached the maximum number of services (${this.opts.maxServices}) for this account`);
        }
        const s: FakeService = { id: this.id("svc"), name, type: form.get("type") ?? "vcl", versions: [this.newVersion(1)] };
        this.services.push(s);
        return json(200, this.serviceJson(s));
      }
      case "CloneVersion": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        const next = Math.max(...sv.service.versions.map((v) => v.number)) + 1;
        const copy: Version = { ...structuredClone(sv.version), number: next, active: false, locked: false };
        sv.service.versions.push(copy);
        return json(200, this.versionJson(sv.service, copy));
      }
      case "ListDomains": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        return json(200, sv.version.domains.map((d) => this.domainJson(sv.service, sv.version, d)));
      }
      case "CreateDomain": {
        const sv = this.editable(params);
        if ("status" in sv) return sv;
        const name = (readForm(req).get("name") ?? "").toLowerCase();
        if (name === "") return configError(400, "Bad request", "Name can't be blank");
        if (this.foreign.has(name)) return configError(400, "Bad request", `'${name}' is owned by another customer`);
        const elsewhere = this.services.find((s) => s.id !== sv.service.id && s.versions.some((v) => v.domains.includes(name)));
        if (elsewhere) return configError(400, "Bad request", `'${name}' is already taken by another service`);
        if (sv.version.domains.includes(name)) return configError(409, "Duplicate record", `Duplicate domain: '${name}'`);
        sv.version.domains.push(name);
        return json(200, this.domainJson(sv.service, sv.version, name));
      }
      case "ListBackends": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        return json(200, sv.version.backends.map((b) => this.backendJson(sv.service, sv.version, b)));
      }
      case "CreateBackend": {
        const sv = this.editable(params);
        if ("status" in sv) return sv;
        const form = readForm(req);
        const name = form.get("name") ?? "";
        if (name === "" || !form.get("address")) return configError(400, "Bad request", "Name and address are required");
        if (sv.version.backends.some((b) => b.name === name)) return configError(409, "Duplicate record", `Duplicate backend: '${name}'`);
        const b = this.applyBackend({ name, address: null, port: 80, use_ssl: false, ssl_check_cert: true, ssl_cert_hostname: null, ssl_sni_hostname: null, min_tls_version: null, override_host: null }, form);
        sv.version.backends.push(b);
        return json(200, this.backendJson(sv.service, sv.version, b));
      }
      case "UpdateBackend": {
        const sv = this.editable(params);
        if ("status" in sv) return sv;
        const i = sv.version.backends.findIndex((b) => b.name === params[2]);
        if (i < 0) return configError(404, "Record not found", `Couldn't find Backend '${params[2]}'`);
        const b = this.applyBackend(sv.version.backends[i]!, readForm(req));
        sv.version.backends[i] = b;
        return json(200, this.backendJson(sv.service, sv.version, b));
      }
      case "GetSettings": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        return json(200, this.settingsJson(sv.service, sv.version));
      }
      case "UpdateSettings": {
        const sv = this.editable(params);
        if ("status" in sv) return sv;
        const form = readForm(req);
        const ttl = form.get("general.default_ttl");
        if (ttl !== null) {
          if (!/^\d+$/.test(ttl)) return configError(400, "Bad request", "general.default_ttl must be a whole number of seconds");
          sv.version.settings.default_ttl = Number(ttl);
        }
        const host = form.get("general.default_host");
        if (host !== null) sv.version.settings.default_host = host;
        return json(200, this.settingsJson(sv.service, sv.version));
      }
      case "ValidateVersion": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        const errors = [
          ...(sv.version.domains.length === 0 ? ["No domains are configured"] : []),
          ...(sv.version.backends.length === 0 ? ["No backends are configured"] : []),
        ];
        return json(200, errors.length === 0 ? { status: "ok", msg: null, warnings: [], messages: [], errors: [] } : { status: "error", msg: "Version is invalid", warnings: [], messages: [], errors });
      }
      case "ActivateVersion": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        if (sv.version.domains.length === 0 || sv.version.backends.length === 0) return configError(400, "Bad request", "Version failed validation");
        for (const v of sv.service.versions) v.active = false;
        sv.version.active = true;
        sv.version.locked = true;
        return json(200, this.versionJson(sv.service, sv.version));
      }
      case "DeactivateVersion": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        // The wording for a version that is not active is **unverified**.
        if (!sv.version.active) return configError(400, "Bad request", `Version ${sv.version.number} is not active`);
        sv.version.active = false;
        return json(200, this.versionJson(sv.service, sv.version));
      }
      case "DeleteService": {
        const s = this.service(params[0]);
        if (!s) return configError(404, "Record not found", `Cannot find service '${params[0]}'`);
        // Fastly will not delete a service with an active version (terraform-provider-fastly resourceServiceDelete); wording **unverified**.
        if (s.versions.some((v) => v.active)) return configError(400, "Bad request", "Service must be deactivated before it can be deleted");
        this.services = this.services.filter((x) => x !== s);
        return json(200, { status: "ok" });
      }
      case "ListTlsConfigurations": {
        const withRecords = (req.query.get("include") ?? "").split(",").includes("dns_records");
        return json(
          200,
          {
            data: TLS_CONFIGURATIONS.map((c) => ({
              id: c.id,
              type: "tls_configuration",
              attributes: { bulk: false, created_at: STAMP, default: c.default, http_protocols: ["http/1.1", "http/2"], name: c.name, tls_protocols: ["1.2", "1.3"], updated_at: STAMP },
              relationships: { dns_records: { data: c.records.map((r) => ({ id: r.id, type: "dns_record" })) } },
            })),
            ...(withRecords
              ? { included: TLS_CONFIGURATIONS.flatMap((c) => c.records.map((r) => ({ id: r.id, type: "dns_record", attributes: { record_type: r.record_type, region: r.region } }))) }
              : {}),
            meta: { per_page: 100, current_page: 1, record_count: TLS_CONFIGURATIONS.length, total_pages: 1 },
          },
          JSON_API,
        );
      }
      case "ListTlsSubscriptions": {
        const domain = req.query.get("filter[tls_domains.id]");
        const subs = this.subscriptions.filter((s) => domain === null || s.host === domain.toLowerCase());
        for (const s of subs) s.reads += 1;
        return json(200, this.subscriptionsJson(subs, this.includesAuthorizations(req)), JSON_API);
      }
      case "GetTlsSubscription": {
        const s = this.subscriptions.find((x) => x.id === params[0]);
        if (!s) return apiError(404, "Not found", "The subscription you requested was not found");
        s.reads += 1;
        const body = this.subscriptionsJson([s], this.includesAuthorizations(req));
        return json(200, { data: body.data[0], ...(body.included ? { included: body.included } : {}) }, JSON_API);
      }
      case "CreateTlsSubscription":
        return this.createSubscription(req);
      case "DeleteTlsSubscription": {
        const sub = this.subscriptions.find((x) => x.id === params[0]);
        if (!sub) return apiError(404, "Not found", "The subscription you requested was not found");
        // "A subscription cannot be destroyed if there are domains in the TLS enabled state" unless force=true
        // (Fastly API reference, delete-tls-sub); the error's status and wording are **unverified**.
        const tlsEnabled = this.subscriptionState(sub) === "issued" && this.services.some((s) => s.versions.some((v) => v.active && v.domains.includes(sub.host)));
        if (tlsEnabled && req.query.get("force") !== "true") return apiError(400, "Bad request", `Subscription has domains in the TLS enabled state (${sub.host}); use force to delete it`);
        this.subscriptions = this.subscriptions.filter((x) => x !== sub);
        return { status: 204, headers: {} };
      }
      default:
        return configError(404, "Record not found");
    }
  }

  private includesAuthorizations(req: FakeRequest): boolean {
    return (req.query.get("include") ?? "").split(",").includes("tls_authorizations");
  }

  private createSubscription(req: FakeRequest): FakeResponse {
    if (!String(req.headers["content-type"] ?? "").startsWith(JSON_API)) return apiError(415, "Unsupported Media Type", `Content-Type must be ${JSON_API}`);
    let body: {
      data?: { type?: string; attributes?: { certificate_authority?: string }; relationships?: { tls_domains?: { data?: { id?: string }[] }; tls_configuration?: { data?: { id?: string } } } };
    };
    try {
      body = JSON.parse(req.body);
    } catch {
      return apiError(400, "Bad request", "Body is not valid JSON");
    }
    const data = body.data;
    if (data?.type !== "tls_subscription") return apiError(400, "Bad request", "data.type must be tls_subscription");
    const hosts = (data.relationships?.tls_domains?.data ?? []).map((d) => String(d.id ?? "").toLowerCase());
    if (hosts.length !== 1 || hosts[0] === "") return apiError(400, "Bad request", "Exactly one tls_domain is supported by this fake");
    const host = hosts[0]!;
    const ca = data.attributes?.certificate_authority ?? "certainly";
    if (!["lets-encrypt", "certainly", "globalsign"].includes(ca)) return apiError(400, "Bad request", `Invalid certificate_authority '${ca}'`);
    const configId = data.relationships?.tls_configuration?.data?.id ?? TLS_CONFIGURATIONS.find((c) => c.default)!.id;
    if (!TLS_CONFIGURATIONS.some((c) => c.id === configId)) return apiError(400, "Bad request", `TLS configuration '${configId}' not found`);
    const onActive = this.services.some((s) => s.versions.some((v) => v.active && v.domains.includes(host)));
    if (!onActive) return apiError(400, "Bad request", `Domain '${host}' not found on one of your services`);
    if (this.subscriptions.some((s) => s.host === host)) return apiError(409, "Conflict", `A subscription for '${host}' already exists`);
    const sub: FakeSubscription = {
      id: this.id("sub"),
      host,
      certificateAuthority: ca,
      configurationId: configId,
      authorizationId: this.id("auth"),
      challengeValue: `${this.id("v").toLowerCase()}.fastly-validations.com`,
      reads: 0,
      createdAt: STAMP,
    };
    this.subscriptions.push(sub);
    const out = this.subscriptionsJson([sub], true);
    return json(201, { data: out.data[0], included: out.included }, JSON_API);
  }

  private newVersion(number: number): Version {
    return { number, active: false, locked: false, domains: [], backends: [], settings: { default_ttl: 3600, default_host: "", stale_if_error: false, stale_if_error_ttl: 43200 } };
  }

  private applyBackend(b: Backend, form: URLSearchParams): Backend {
    const out = { ...b };
    const str = (k: keyof Backend) => {
      const v = form.get(k);
      if (v !== null) (out as Record<string, unknown>)[k] = v === "" ? null : v;
    };
    str("address");
    str("ssl_cert_hostname");
    str("ssl_sni_hostname");
    str("min_tls_version");
    str("override_host");
    const port = form.get("port");
    if (port !== null) {
      if (!/^\d+$/.test(port)) throw new BadForm("port must be a number");
      out.port = Number(port);
    }
    for (const k of ["use_ssl", "ssl_check_cert"] as const) {
      const v = form.get(k);
      if (v !== null) out[k] = v === "1";
    }
    const name = form.get("name");
    if (name) out.name = name;
    return out;
  }

  private versionJson(s: FakeService, v: Version) {
    return { number: v.number, service_id: s.id, active: v.active, locked: v.locked, deployed: v.active, staging: false, testing: false, comment: "", created_at: STAMP, updated_at: STAMP, deleted_at: null };
  }

  private serviceJson(s: FakeService) {
    const active = s.versions.find((v) => v.active);
    return {
      id: s.id,
      name: s.name,
      type: s.type,
      customer_id: CUSTOMER_ID,
      comment: "",
      paused: false,
      publish_key: "",
      active_version: active ? active.number : null,
      versions: s.versions.map((v) => this.versionJson(s, v)),
      created_at: STAMP,
      updated_at: STAMP,
      deleted_at: null,
    };
  }

  private domainJson(s: FakeService, v: Version, name: string) {
    return { name, comment: "", service_id: s.id, version: v.number, created_at: STAMP, updated_at: STAMP, deleted_at: null };
  }

  private backendJson(s: FakeService, v: Version, b: Backend) {
    return {
      ...b,
      hostname: b.address,
      service_id: s.id,
      version: v.number,
      comment: "",
      connect_timeout: 1000,
      first_byte_timeout: 15000,
      between_bytes_timeout: 10000,
      max_conn: 200,
      weight: 100,
      auto_loadbalance: false,
      shield: null,
      healthcheck: null,
      request_condition: "",
      max_tls_version: null,
      ssl_ca_cert: null,
      ssl_client_cert: null,
      ssl_client_key: null,
      ssl_ciphers: null,
      ipv4: null,
      ipv6: null,
      created_at: STAMP,
      updated_at: STAMP,
      deleted_at: null,
    };
  }

  private settingsJson(s: FakeService, v: Version) {
    return {
      "general.default_host": v.settings.default_host,
      "general.default_ttl": v.settings.default_ttl,
      "general.default_pci": 0,
      "general.stale_if_error": v.settings.stale_if_error,
      "general.stale_if_error_ttl": v.settings.stale_if_error_ttl,
      service_id: s.id,
      version: v.number,
    };
  }

  private subscriptionsJson(subs: FakeSubscription[], withAuthorizations: boolean) {
    const data = subs.map((s) => ({
      id: s.id,
      type: "tls_subscription",
      attributes: { certificate_authority: s.certificateAuthority, state: this.subscriptionState(s), has_active_order: this.subscriptionState(s) !== "issued", created_at: s.createdAt, updated_at: s.createdAt },
      relationships: {
        tls_authorizations: { data: [{ id: s.authorizationId, type: "tls_authorization" }] },
        tls_certificates: { data: [] },
        tls_domains: { data: [{ id: s.host, type: "tls_domain" }] },
        common_name: { data: { id: s.host, type: "tls_domain" } },
        tls_configuration: { data: { id: s.configurationId, type: "tls_configuration" } },
      },
    }));
    const target = (s: FakeSubscription) => TLS_CONFIGURATIONS.find((c) => c.id === s.configurationId)?.records.find((r) => r.record_type === "CNAME")?.id ?? "";
    const included = withAuthorizations
      ? subs.map((s) => ({
          id: s.authorizationId,
          type: "tls_authorization",
          attributes: {
            challenges: [
              { type: "managed-dns", record_type: "CNAME", record_name: `_acme-challenge.${s.host}`, values: [s.challengeValue] },
              { type: "managed-http-cname", record_type: "CNAME", record_name: s.host, values: [target(s)] },
              { type: "managed-http-a", record_type: "A", record_name: s.host, values: ["151.101.2.133", "151.101.66.133"] },
            ],
            created_at: s.createdAt,
            state: this.subscriptionState(s),
            updated_at: s.createdAt,
            warnings: null,
          },
          relationships: { tls_domain: { data: { id: s.host, type: "tls_domain" } } },
        }))
      : undefined;
    return { data, included, meta: { per_page: 100, current_page: 1, record_count: subs.length, total_pages: 1 } };
  }
}
