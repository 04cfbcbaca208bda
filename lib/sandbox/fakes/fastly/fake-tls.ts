import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { apiError, json, JSON_API, STAMP } from "./fake-wire";

/**
 * The Fastly fake's TLS side (JSON:API, application/vnd.api+json): the account's TLS configurations and
 * its certificate subscriptions, which move pending → processing → issued as they are read. Shapes follow
 * go-fastly fixtures/tls_subscription/** and fastly-js TlsSubscriptionsApi / TlsConfigurationsApi.
 */

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

export interface TlsAccountOptions {
  readsPerState: number;
  /** The fake's id sequence (shared with services, so ids never repeat). */
  id: (prefix: string) => string;
  /** Whether the host is a domain of an active service version (Fastly's precondition for a subscription). */
  onActiveVersion: (host: string) => boolean;
}

export class TlsAccount {
  subscriptions: FakeSubscription[] = [];

  constructor(private readonly opts: TlsAccountOptions) {}

  subscriptionState(s: FakeSubscription): string {
    if (s.reads < this.opts.readsPerState) return "pending";
    if (s.reads < 2 * this.opts.readsPerState) return "processing";
    return "issued";
  }

  /** Answers the TLS operations (fake.ts ROUTES), or null for any other. */
  route(op: string, params: string[], req: FakeRequest): FakeResponse | null {
    switch (op) {
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
        const tlsEnabled = this.subscriptionState(sub) === "issued" && this.opts.onActiveVersion(sub.host);
        if (tlsEnabled && req.query.get("force") !== "true") return apiError(400, "Bad request", `Subscription has domains in the TLS enabled state (${sub.host}); use force to delete it`);
        this.subscriptions = this.subscriptions.filter((x) => x !== sub);
        return { status: 204, headers: {} };
      }
      default:
        return null;
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
    if (!this.opts.onActiveVersion(host)) return apiError(400, "Bad request", `Domain '${host}' not found on one of your services`);
    if (this.subscriptions.some((s) => s.host === host)) return apiError(409, "Conflict", `A subscription for '${host}' already exists`);
    const sub: FakeSubscription = {
      id: this.opts.id("sub"),
      host,
      certificateAuthority: ca,
      configurationId: configId,
      authorizationId: this.opts.id("auth"),
      challengeValue: `${this.opts.id("v").toLowerCase()}.fastly-validations.com`,
      reads: 0,
      createdAt: STAMP,
    };
    this.subscriptions.push(sub);
    const out = this.subscriptionsJson([sub], true);
    return json(201, { data: out.data[0], included: out.included }, JSON_API);
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
