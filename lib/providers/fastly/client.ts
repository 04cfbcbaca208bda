import "server-only";
import * as z from "zod/mini";
import { scrubberFor, type Scrub, type ScrubProfile } from "@/lib/providers/engine/scrub";
import { request, requestCreate, type Body, type HttpOptions, type HttpRequest } from "@/lib/providers/http-client";
import type { CertificateAuthority } from "./settings";
import {
  backend,
  domain,
  included,
  JSON_API,
  service,
  settings,
  subscription,
  tlsConfiguration,
  tokenSelf,
  toSubscriptions,
  toTlsConfigurations,
  validation,
  version,
  type BackendFields,
  type FastlyBackend,
  type FastlyService,
  type FastlySettings,
  type FastlyToken,
  type FastlyVersion,
  type TlsConfiguration,
  type TlsSubscription,
} from "./shapes";

/**
 * A small typed client for the Fastly API (docs/providers/fastly.md#wire-format). Not the `fastly` npm SDK: it hard-codes
 * https://api.fastly.com and reads FASTLY_API_TOKEN from the environment into a global client
 * (fastly/fastly-js src/ApiClient.js). Auth is the `Fastly-Key` header. Config endpoints take
 * form-encoded bodies (booleans 0/1) and answer JSON; TLS endpoints are JSON:API.
 * Shapes and their translation: shapes.ts.
 */

export interface FastlyClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryDelayMs?: number;
  scrub?: Scrub; // the run's; by default one for this token
}

/** Fastly API tokens are 32 characters, sent as `Fastly-Key`; service, version and subscription ids are shorter and stay readable. */
export const FASTLY_SCRUB: ScrubProfile = { tokenLength: 32, rules: [{ pattern: /\b(fastly-key)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, replacement: "$1$2[redacted]" }] };

/** Fastly-RateLimit-Reset is the epoch second when the hourly write budget refills (docs/providers/fastly.md#token-and-rate-limits). */
export function fastlyRetryHint(headers: Headers, now = Date.now()): number | null {
  const reset = headers.get("fastly-ratelimit-reset");
  if (!reset || !/^\d+$/.test(reset.trim())) return null;
  return Math.max(0, Number(reset) * 1000 - now);
}

/** A path segment (an id, a version number, a header's name), encoded. */
export const seg = (s: string | number) => encodeURIComponent(String(s));

export class FastlyClient {
  /** The request settings (token included): for this folder's other request modules, e.g. headers.ts. */
  readonly http: HttpOptions;

  constructor(opts: FastlyClientOptions) {
    this.http = {
      baseUrl: opts.baseUrl,
      headers: { "fastly-key": opts.token },
      scrub: opts.scrub ?? scrubberFor(FASTLY_SCRUB, [opts.token]),
      timeoutMs: opts.timeoutMs,
      maxRetries: opts.maxRetries,
      maxRetryDelayMs: opts.maxRetryDelayMs,
      retryHint: (h) => fastlyRetryHint(h),
    };
  }

  async call<T>(req: HttpRequest<T>): Promise<T> {
    const res = await request(this.http, req);
    return res.data as T;
  }

  form = (fields: Record<string, string | number | boolean>): Body => ({ kind: "form", fields });

  versionPath(serviceId: string, v: number) {
    return `/service/${seg(serviceId)}/version/${seg(v)}`;
  }

  tokenSelf(): Promise<FastlyToken> {
    return this.call({ operation: "GetTokenSelf", method: "GET", path: "/tokens/self", schema: tokenSelf });
  }

  /** The service with exactly this name, or null (Fastly answers 404 "Record not found"). */
  async searchService(name: string): Promise<FastlyService | null> {
    const res = await request(this.http, { operation: "SearchService", method: "GET", path: "/service/search", query: { name }, schema: service, allow: [404] });
    return res.data;
  }

  getService(serviceId: string): Promise<FastlyService> {
    return this.call({ operation: "GetService", method: "GET", path: `/service/${seg(serviceId)}`, schema: service });
  }

  /** The service, or null when Fastly answers 404 (it was deleted). */
  async findService(serviceId: string): Promise<FastlyService | null> {
    const res = await request(this.http, { operation: "GetService", method: "GET", path: `/service/${seg(serviceId)}`, schema: service, allow: [404] });
    return res.data;
  }

  /** `DELETE /service/{id}` → `{"status":"ok"}`; Fastly refuses while a version is active (go-fastly fixtures/services/delete.yaml; terraform-provider-fastly resourceServiceDelete). */
  async deleteService(serviceId: string): Promise<void> {
    await this.call({ operation: "DeleteService", method: "DELETE", path: `/service/${seg(serviceId)}`, schema: z.looseObject({ status: z.string() }) });
  }

  /**
   * `POST /service`. Every create Fastly carries out is one more service (names need not be unique), so after
   * an answer that leaves it unknown, the service with this name is looked up and adopted before any resend.
   * docs/providers/fastly.md#creates-whose-answer-is-lost
   */
  createService(name: string, type: string): Promise<FastlyService> {
    return requestCreate(this.http, { operation: "CreateService", method: "POST", path: "/service", body: this.form({ name, type }), schema: service }, () =>
      this.searchService(name),
    );
  }

  /** `GET /service/{id}/version` → every version (fastly-js VersionApi.listServiceVersions → [VersionResponse]). */
  listVersions(serviceId: string): Promise<FastlyVersion[]> {
    return this.call({ operation: "ListVersions", method: "GET", path: `/service/${seg(serviceId)}/version`, schema: z.array(version) });
  }

  /**
   * `PUT …/version/{source}/clone` → the new draft (fastly-js VersionApi.cloneServiceVersion). A PUT, yet every
   * clone Fastly carries out is a new version, also one whose answer was lost. So it is sent again only after
   * the version list shows no draft it made: a draft (unlocked, inactive) numbered above both the source and
   * `newestBefore` (the newest version before this call) is adopted instead. docs/providers/fastly.md#clone
   */
  cloneVersion(serviceId: string, source: number, newestBefore: number): Promise<FastlyVersion> {
    const above = Math.max(source, newestBefore);
    return requestCreate(this.http, { operation: "CloneVersion", method: "PUT", path: `${this.versionPath(serviceId, source)}/clone`, schema: version }, async () => {
      const drafts = (await this.listVersions(serviceId)).filter((v) => v.number > above && !v.locked && !v.active);
      return drafts.sort((a, b) => a.number - b.number)[0] ?? null;
    });
  }

  async listDomains(serviceId: string, v: number): Promise<string[]> {
    const list = await this.call({ operation: "ListDomains", method: "GET", path: `${this.versionPath(serviceId, v)}/domain`, schema: z.array(domain) });
    return list.map((d) => d.name.toLowerCase());
  }

  /** `POST …/domain`; a domain already on the version after an unknown outcome is adopted (docs/providers/fastly.md#creates-whose-answer-is-lost). */
  async createDomain(serviceId: string, v: number, name: string): Promise<void> {
    const wanted = name.toLowerCase();
    await requestCreate(
      this.http,
      { operation: "CreateDomain", method: "POST", path: `${this.versionPath(serviceId, v)}/domain`, body: this.form({ name }), schema: domain },
      async () => ((await this.listDomains(serviceId, v)).includes(wanted) ? { name: wanted } : null),
    );
  }

  listBackends(serviceId: string, v: number): Promise<FastlyBackend[]> {
    return this.call({ operation: "ListBackends", method: "GET", path: `${this.versionPath(serviceId, v)}/backend`, schema: z.array(backend) });
  }

  /** `POST …/backend`; a backend of this name on the version after an unknown outcome is adopted (docs/providers/fastly.md#creates-whose-answer-is-lost). */
  createBackend(serviceId: string, v: number, fields: BackendFields): Promise<FastlyBackend> {
    return requestCreate(
      this.http,
      { operation: "CreateBackend", method: "POST", path: `${this.versionPath(serviceId, v)}/backend`, body: this.form({ ...fields }), schema: backend },
      async () => (await this.listBackends(serviceId, v)).find((b) => b.name === fields.name) ?? null,
    );
  }

  updateBackend(serviceId: string, v: number, name: string, fields: BackendFields): Promise<FastlyBackend> {
    return this.call({ operation: "UpdateBackend", method: "PUT", path: `${this.versionPath(serviceId, v)}/backend/${seg(name)}`, body: this.form({ ...fields }), schema: backend });
  }

  getSettings(serviceId: string, v: number): Promise<FastlySettings> {
    return this.call({ operation: "GetSettings", method: "GET", path: `${this.versionPath(serviceId, v)}/settings`, schema: settings });
  }

  updateSettings(serviceId: string, v: number, fields: { defaultTtl: number; defaultHost: string }): Promise<FastlySettings> {
    return this.call({
      operation: "UpdateSettings",
      method: "PUT",
      path: `${this.versionPath(serviceId, v)}/settings`,
      body: this.form({ "general.default_ttl": fields.defaultTtl, "general.default_host": fields.defaultHost }),
      schema: settings,
    });
  }

  /** `GET …/validate` → {status: "ok" | "error", msg, errors}. */
  async validateVersion(serviceId: string, v: number): Promise<{ ok: boolean; message: string }> {
    const r = await this.call({ operation: "ValidateVersion", method: "GET", path: `${this.versionPath(serviceId, v)}/validate`, schema: validation });
    const details = (r.errors ?? []).map((e) => (typeof e === "string" ? e : JSON.stringify(e))).join("; ");
    return { ok: r.status === "ok", message: [r.msg ?? "", details].filter((s) => s !== "").join(": ") };
  }

  activateVersion(serviceId: string, v: number): Promise<FastlyVersion> {
    return this.call({ operation: "ActivateVersion", method: "PUT", path: `${this.versionPath(serviceId, v)}/activate`, schema: version });
  }

  /** `PUT …/version/{v}/deactivate` (go-fastly DeactivateVersion): the service stops serving its domains. */
  deactivateVersion(serviceId: string, v: number): Promise<FastlyVersion> {
    return this.call({ operation: "DeactivateVersion", method: "PUT", path: `${this.versionPath(serviceId, v)}/deactivate`, schema: version });
  }

  /** Every TLS configuration with its DNS records (`include=dns_records`): the CNAME target is read here, never hard-coded. */
  async listTlsConfigurations(): Promise<TlsConfiguration[]> {
    const body = await this.call({
      operation: "ListTlsConfigurations",
      method: "GET",
      path: "/tls/configurations",
      accept: JSON_API,
      query: { include: "dns_records" },
      schema: z.looseObject({ data: z.array(tlsConfiguration), included }),
    });
    return toTlsConfigurations(body);
  }

  /** Subscriptions covering a host, with their challenges (`include=tls_authorizations`). */
  async findTlsSubscriptions(host: string): Promise<TlsSubscription[]> {
    const body = await this.call({
      operation: "ListTlsSubscriptions",
      method: "GET",
      path: "/tls/subscriptions",
      accept: JSON_API,
      query: { "filter[tls_domains.id]": host, include: "tls_authorizations" },
      schema: z.looseObject({ data: z.array(subscription), included }),
    });
    return toSubscriptions(body.data, body.included).filter((s) => s.domains.includes(host));
  }

  /** `GET /tls/subscriptions/{id}` with its challenges. */
  private subscriptionById(id: string) {
    const schema = z.looseObject({ data: subscription, included });
    return { operation: "GetTlsSubscription", method: "GET" as const, path: `/tls/subscriptions/${seg(id)}`, accept: JSON_API, query: { include: "tls_authorizations" }, schema };
  }

  async getTlsSubscription(id: string): Promise<TlsSubscription> {
    const body = await this.call(this.subscriptionById(id));
    return toSubscriptions([body.data], body.included)[0]!;
  }

  /** The subscription, or null when Fastly answers 404 "The subscription you requested was not found". */
  async findTlsSubscription(id: string): Promise<TlsSubscription | null> {
    const res = await request(this.http, { ...this.subscriptionById(id), allow: [404] });
    return res.data ? toSubscriptions([res.data.data], res.data.included)[0]! : null;
  }

  /**
   * `DELETE /tls/subscriptions/{id}` → 204. Fastly refuses while its domains are TLS-enabled unless
   * `force=true` ("may result in breaking TLS termination to that domain"): fastly-js TlsSubscriptionsApi,
   * go-fastly DeleteTLSSubscriptionInput.Force, fixtures/tls_subscription/delete.yaml.
   */
  async deleteTlsSubscription(id: string, force: boolean): Promise<void> {
    await this.call({
      operation: "DeleteTlsSubscription",
      method: "DELETE",
      path: `/tls/subscriptions/${seg(id)}`,
      accept: JSON_API,
      ...(force ? { query: { force: "true" } } : {}),
      schema: z.unknown(),
    });
  }

  /**
   * `POST /tls/subscriptions` (JSON:API). Fastly accepts it only once the host is on an active version. After an
   * answer that leaves it unknown, a subscription for exactly this host from this authority (what apply orders,
   * and what undo checks) is adopted before any resend. docs/providers/fastly.md#creates-whose-answer-is-lost
   */
  async createTlsSubscription(host: string, ca: CertificateAuthority, configurationId: string): Promise<TlsSubscription> {
    const ours = (s: TlsSubscription) => s.domains.length === 1 && s.domains[0] === host && s.certificateAuthority === ca;
    return requestCreate(
      this.http,
      {
        operation: "CreateTlsSubscription",
        method: "POST",
        path: "/tls/subscriptions",
        accept: JSON_API,
        body: {
          kind: "json",
          contentType: JSON_API,
          value: {
            data: {
              type: "tls_subscription",
              attributes: { certificate_authority: ca },
              relationships: {
                tls_domains: { data: [{ type: "tls_domain", id: host }] },
                common_name: { data: { type: "tls_domain", id: host } },
                // Always pass the configuration: accounts without a default one get an error otherwise
                // (fastly/terraform-provider-fastly#670).
                tls_configuration: { data: { type: "tls_configuration", id: configurationId } },
              },
            },
          },
        },
        schema: z.looseObject({ data: subscription, included }),
      },
      async () => (await this.findTlsSubscriptions(host)).find(ours) ?? null,
      (res) => toSubscriptions([res.data!.data], res.data!.included)[0]!,
    );
  }
}
