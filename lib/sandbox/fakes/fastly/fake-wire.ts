import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";

/**
 * The Fastly fake's account model and wire shapes (fake.ts): the config API's routes, form bodies and JSON
 * answers, shaped as recorded real traffic shows them (fastly/go-fastly fastly/fixtures/**) and as fastly-js
 * documents them (docs/Version.md, docs/VersionResponse.md, docs/BackendResponse.md).
 */

/** A header object of a service version (fastly-js HeaderApi: name, action, type, dst, src, priority). */
export interface FakeHeader {
  name: string;
  action: string;
  type: string;
  dst: string;
  src: string;
  priority: string;
}

export interface Backend {
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

export interface Version {
  number: number;
  active: boolean;
  locked: boolean;
  domains: string[];
  backends: Backend[];
  /** Header objects (fake-headers.ts). */
  headers: FakeHeader[];
  settings: { default_ttl: number; default_host: string; stale_if_error: boolean; stale_if_error_ttl: number };
}

export interface FakeService {
  id: string;
  name: string;
  type: string;
  versions: Version[];
}

export const CUSTOMER_ID = "fakeCustomer0000000001";
export const STAMP = "2026-01-01T00:00:00Z";
const JSON_TYPE = "application/json";
export const JSON_API = "application/vnd.api+json";
const BOOL_FIELDS = new Set(["use_ssl", "ssl_check_cert", "auto_loadbalance", "general.stale_if_error"]);

export function json(status: number, value: unknown, type = JSON_TYPE, extra: Record<string, string> = {}): FakeResponse {
  return { status, headers: { "content-type": type, ...extra }, body: JSON.stringify(value) };
}
export const configError = (status: number, msg: string, detail?: string) => json(status, detail ? { msg, detail } : { msg });
export const apiError = (status: number, title: string, detail: string) => json(status, { errors: [{ title, detail, status: String(status) }] }, JSON_API);

export type Route = { method: string; pattern: RegExp; op: string; write?: boolean };
export const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/tokens\/self$/, op: "GetTokenSelf" },
  { method: "GET", pattern: /^\/service\/search$/, op: "SearchService" },
  { method: "POST", pattern: /^\/service$/, op: "CreateService", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)$/, op: "GetService" },
  { method: "DELETE", pattern: /^\/service\/([^/]+)$/, op: "DeleteService", write: true },
  // fastly-js VersionApi.listServiceVersions: GET /service/{service_id}/version → [VersionResponse].
  { method: "GET", pattern: /^\/service\/([^/]+)\/version$/, op: "ListVersions" },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/clone$/, op: "CloneVersion", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/domain$/, op: "ListDomains" },
  { method: "POST", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/domain$/, op: "CreateDomain", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/backend$/, op: "ListBackends" },
  { method: "POST", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/backend$/, op: "CreateBackend", write: true },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/backend\/([^/]+)$/, op: "UpdateBackend", write: true },
  { method: "GET", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/header$/, op: "ListHeaders" },
  { method: "POST", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/header$/, op: "CreateHeader", write: true },
  { method: "PUT", pattern: /^\/service\/([^/]+)\/version\/(\d+)\/header\/([^/]+)$/, op: "UpdateHeader", write: true },
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

export function match(req: FakeRequest): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    const m = route.pattern.exec(req.path);
    if (m) return { route, params: m.slice(1).map(decodeURIComponent) };
  }
  return null;
}

export class BadForm extends Error {}

/** Form body as Fastly reads it: booleans must be 0 or 1. */
export function readForm(req: FakeRequest): URLSearchParams {
  const type = String(req.headers["content-type"] ?? "");
  if (req.body !== "" && !type.startsWith("application/x-www-form-urlencoded")) throw new BadForm("Request body must be form-encoded (application/x-www-form-urlencoded)");
  const form = new URLSearchParams(req.body);
  for (const [k, v] of form) if (BOOL_FIELDS.has(k) && v !== "0" && v !== "1") throw new BadForm(`Invalid value for '${k}': expected 0 or 1`);
  return form;
}

export function newVersion(number: number): Version {
  return { number, active: false, locked: false, domains: [], backends: [], headers: [], settings: { default_ttl: 3600, default_host: "", stale_if_error: false, stale_if_error_ttl: 43200 } };
}

export function applyBackend(b: Backend, form: URLSearchParams): Backend {
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

export function versionJson(s: FakeService, v: Version) {
  return { number: v.number, service_id: s.id, active: v.active, locked: v.locked, deployed: v.active, staging: false, testing: false, comment: "", created_at: STAMP, updated_at: STAMP, deleted_at: null };
}

export function serviceJson(s: FakeService) {
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
    versions: s.versions.map((v) => versionJson(s, v)),
    created_at: STAMP,
    updated_at: STAMP,
    deleted_at: null,
  };
}

export function domainJson(s: FakeService, v: Version, name: string) {
  return { name, comment: "", service_id: s.id, version: v.number, created_at: STAMP, updated_at: STAMP, deleted_at: null };
}

export function backendJson(s: FakeService, v: Version, b: Backend) {
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

export function settingsJson(s: FakeService, v: Version) {
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
