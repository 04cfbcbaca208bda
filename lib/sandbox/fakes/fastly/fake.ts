import "server-only";
import type { StatefulFake } from "@/lib/sandbox/fake-state";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { TlsAccount, type FakeSubscription } from "./fake-tls";
import { headerOp } from "./fake-headers";
import {
  applyBackend,
  BadForm,
  backendJson,
  configError,
  CUSTOMER_ID,
  domainJson,
  json,
  match,
  newVersion,
  readForm,
  serviceJson,
  settingsJson,
  STAMP,
  versionJson,
  type FakeService,
  type Version,
} from "./fake-wire";

export type { FakeService } from "./fake-wire";
export type { FakeSubscription } from "./fake-tls";

/**
 * A wire-faithful fake of the parts of the Fastly API apply uses (docs/providers/fastly.md), for tests and the
 * in-app sandbox. Shapes follow recorded real traffic (fastly/go-fastly fastly/fixtures/**):
 * config endpoints take form-encoded bodies (booleans 0/1) and answer application/json; TLS endpoints
 * speak JSON:API (application/vnd.api+json). Error texts marked **unverified** in docs/providers/fastly.md
 * are modelled on the documented ones. It deliberately imports nothing from settings.ts: it models the
 * API, so a wrong value in the provider's own code fails against it instead of agreeing with itself.
 * Wire shapes: fake-wire.ts (config API), fake-tls.ts (TLS configurations and subscriptions).
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

/** What the API's calls change (lib/sandbox/fake-state.ts). */
interface FastlyState {
  services: FakeService[];
  subscriptions: FakeSubscription[];
  counter: number;
}

export class FastlyFake implements StatefulFake {
  private services: FakeService[] = [];
  private tls: TlsAccount;
  private counter = 0;
  private readonly tokens: Record<string, { scope: string; services?: string[] }>;
  private readonly foreign: Set<string>;

  constructor(private readonly opts: FastlyFakeOptions = {}) {
    this.tokens = opts.tokens ?? { [FASTLY_SANDBOX_TOKEN]: { scope: "global" } };
    this.foreign = new Set((opts.foreignDomains ?? []).map((d) => d.toLowerCase()));
    this.tls = this.newTlsAccount();
  }

  private newTlsAccount(): TlsAccount {
    return new TlsAccount({
      readsPerState: Math.max(1, this.opts.readsPerState ?? 1),
      id: (prefix) => this.id(prefix),
      onActiveVersion: (host) => this.services.some((s) => s.versions.some((v) => v.active && v.domains.includes(host))),
    });
  }

  /** Test access to the account's state. */
  state(): { services: FakeService[]; subscriptions: FakeSubscription[] } {
    return structuredClone({ services: this.services, subscriptions: this.tls.subscriptions });
  }

  saveState(): FastlyState {
    return { services: this.services, subscriptions: this.tls.subscriptions, counter: this.counter };
  }

  loadState(state: unknown): void {
    ({ services: this.services, subscriptions: this.tls.subscriptions, counter: this.counter } = state as FastlyState);
  }

  reset(): void {
    this.services = [];
    this.tls = this.newTlsAccount();
    this.counter = 0;
  }

  operation(req: FakeRequest): string {
    return match(req)?.route.op ?? `${req.method} ${req.path}`;
  }

  private id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(22 - prefix.length, "0")}`;
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
      const res = this.tls.route(route.op, params, req) ?? this.route(route.op, params, req);
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
        return s ? json(200, serviceJson(s)) : configError(404, "Record not found", `Cannot find service '${name}'`);
      }
      case "GetService": {
        const s = this.service(params[0]);
        return s ? json(200, serviceJson(s)) : configError(404, "Record not found", `Cannot find service '${params[0]}'`);
      }
      case "CreateService": {
        const form = readForm(req);
        const name = form.get("name") ?? "";
        if (name.trim() === "") return configError(400, "Bad request", "Name can't be blank");
        if (this.opts.maxServices !== undefined && this.services.length >= this.opts.maxServices) {
          return configError(400, "Bad request", `You have reached the maximum number of services (${this.opts.maxServices}) for this account`);
        }
        const s: FakeService = { id: this.id("svc"), name, type: form.get("type") ?? "vcl", versions: [newVersion(1)] };
        this.services.push(s);
        return json(200, serviceJson(s));
      }
      case "ListVersions": {
        const s = this.service(params[0]);
        return s ? json(200, s.versions.map((v) => versionJson(s, v))) : configError(404, "Record not found", `Cannot find service '${params[0]}'`);
      }
      case "CloneVersion": {
        // Every clone carried out is a new draft numbered after the newest version, whatever the source
        // (go-fastly fixtures/versions/clone.yaml: 49 → 50; list.yaml: drafts 2…49 each left by a clone).
        const sv = this.version(params);
        if ("status" in sv) return sv;
        const next = Math.max(...sv.service.versions.map((v) => v.number)) + 1;
        const copy: Version = { ...structuredClone(sv.version), number: next, active: false, locked: false };
        sv.service.versions.push(copy);
        return json(200, versionJson(sv.service, copy));
      }
      case "ListDomains": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        return json(200, sv.version.domains.map((d) => domainJson(sv.service, sv.version, d)));
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
        return json(200, domainJson(sv.service, sv.version, name));
      }
      case "ListBackends": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        return json(200, sv.version.backends.map((b) => backendJson(sv.service, sv.version, b)));
      }
      case "CreateBackend": {
        const sv = this.editable(params);
        if ("status" in sv) return sv;
        const form = readForm(req);
        const name = form.get("name") ?? "";
        if (name === "" || !form.get("address")) return configError(400, "Bad request", "Name and address are required");
        if (sv.version.backends.some((b) => b.name === name)) return configError(409, "Duplicate record", `Duplicate backend: '${name}'`);
        const b = applyBackend({ name, address: null, port: 80, use_ssl: false, ssl_check_cert: true, ssl_cert_hostname: null, ssl_sni_hostname: null, min_tls_version: null, override_host: null }, form);
        sv.version.backends.push(b);
        return json(200, backendJson(sv.service, sv.version, b));
      }
      case "UpdateBackend": {
        const sv = this.editable(params);
        if ("status" in sv) return sv;
        const i = sv.version.backends.findIndex((b) => b.name === params[2]);
        if (i < 0) return configError(404, "Record not found", `Couldn't find Backend '${params[2]}'`);
        const b = applyBackend(sv.version.backends[i]!, readForm(req));
        sv.version.backends[i] = b;
        return json(200, backendJson(sv.service, sv.version, b));
      }
      case "ListHeaders":
      case "CreateHeader":
      case "UpdateHeader": {
        const sv = op === "ListHeaders" ? this.version(params) : this.editable(params);
        return "status" in sv ? sv : headerOp(op, sv, req, params[2]);
      }
      case "GetSettings": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        return json(200, settingsJson(sv.service, sv.version));
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
        return json(200, settingsJson(sv.service, sv.version));
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
        return json(200, versionJson(sv.service, sv.version));
      }
      case "DeactivateVersion": {
        const sv = this.version(params);
        if ("status" in sv) return sv;
        // The wording for a version that is not active is **unverified**.
        if (!sv.version.active) return configError(400, "Bad request", `Version ${sv.version.number} is not active`);
        sv.version.active = false;
        return json(200, versionJson(sv.service, sv.version));
      }
      case "DeleteService": {
        const s = this.service(params[0]);
        if (!s) return configError(404, "Record not found", `Cannot find service '${params[0]}'`);
        // Fastly will not delete a service with an active version (terraform-provider-fastly resourceServiceDelete); wording **unverified**.
        if (s.versions.some((v) => v.active)) return configError(400, "Bad request", "Service must be deactivated before it can be deleted");
        this.services = this.services.filter((x) => x !== s);
        return json(200, { status: "ok" });
      }
      default:
        return configError(404, "Record not found");
    }
  }
}
