import { describe, expect, it } from "vitest";
import { startFake, type Fault } from "@/lib/sandbox/http-fake";
import type { PlanInput } from "@/lib/domain/plan";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import { fastlyServer } from "./apply";
import { FastlyClient } from "./client";
import { FastlyFake } from "@/lib/sandbox/fakes/fastly/fake";
import { serviceName } from "./settings";
import { withFakeServer } from "@/lib/testing/fake-server";

const TOKEN = "goodFastlyToken00000000000000001";
const READ_ONLY = "readOnlyFastlyToken0000000000002";
const CANARY = "CANARYfastlyTOKEN7f3a9c1e5b2d8e4";
const H1 = "ablink.subdomain.customer.com";
const H2 = "ablink.news.customer.com";
const TAKEN = "ablink.taken.example.com";

const fake = new FastlyFake({
  tokens: { [TOKEN]: { scope: "global" }, [READ_ONLY]: { scope: "global:read" }, [CANARY]: { scope: "global" } },
  foreignDomains: [TAKEN],
  readsPerState: 2,
});
const fx = withFakeServer(fake, "fastly");

const input = (hosts: string[], region: PlanInput["region"] = "global"): PlanInput => ({ hosts, region });
const creds = (apiToken = TOKEN) => ({ apiToken });
const faults = (list: Fault[]) => fetch(`${fx.server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
const calls = async () => (await (await fetch(`${fx.server.url}/__sandbox/calls`)).json()) as { op: string }[];
const WRITES = ["CreateService", "CloneVersion", "CreateDomain", "CreateBackend", "UpdateBackend", "UpdateSettings", "ActivateVersion", "CreateTlsSubscription"];

describe("Fastly apply against the fake", () => {
  it("is registered as a server provider", () => {
    expect(SERVER_PROVIDERS.fastly).toBe(fastlyServer);
  });

  it("creates service, version, domain, backend, settings and subscription, then reports challenge and CNAME", async () => {
    const report = await fastlyServer.apply(creds(), input([H1]), fx.ctx);
    expect(report.complete).toBe(false);
    const h = report.hosts[0]!;
    expect(h.error).toBeUndefined();
    expect(h.outcome).toBe("pending");
    expect(h.target).toBe("k.sni.global.fastly.net");
    const state = fake.state();
    expect(state.services).toHaveLength(1);
    const svc = state.services[0]!;
    expect(svc.name).toBe(`ssl-click-tracking ${H1}`);
    expect(svc.versions).toHaveLength(1);
    expect(svc.versions[0]).toMatchObject({
      number: 1,
      active: true,
      locked: true,
      domains: [H1],
      backends: [
        {
          name: "sendgrid",
          address: "sendgrid.net",
          port: 443,
          use_ssl: true,
          ssl_check_cert: true,
          ssl_cert_hostname: "sendgrid.net",
          ssl_sni_hostname: "sendgrid.net",
          min_tls_version: "1.2",
          override_host: null,
        },
      ],
      settings: { default_ttl: 0, default_host: "" },
    });
    expect(state.subscriptions).toHaveLength(1);
    expect(state.subscriptions[0]).toMatchObject({ host: H1, certificateAuthority: "lets-encrypt", configurationId: "fakeTlsConfigDefault01" });
    const challenge = h.records[0]!;
    expect(challenge).toMatchObject({ type: "CNAME", name: `_acme-challenge.${H1}`, relativeName: "_acme-challenge.ablink.subdomain", zone: "customer.com", value: state.subscriptions[0]!.challengeValue, valueKnown: true, phase: "setup" });
    expect(h.records[1]).toMatchObject({ type: "CNAME", name: H1, value: "k.sni.global.fastly.net", valueKnown: true, phase: "switch" });
    expect(h.resources).toEqual([
      { kind: "Fastly service", id: svc.id, createdByThisRun: true, status: "active version 1" },
      { kind: "Fastly TLS subscription", id: state.subscriptions[0]!.id, createdByThisRun: true, status: "pending" },
    ]);

    // Order on the wire: token scope first, then config on the draft, validate, activate, and only then TLS.
    const ops = (await calls()).map((c) => c.op);
    expect(ops.slice(0, 2)).toEqual(["GetTokenSelf", "ListTlsConfigurations"]);
    expect(ops.indexOf("ValidateVersion")).toBeLessThan(ops.indexOf("ActivateVersion"));
    expect(ops.indexOf("ActivateVersion")).toBeLessThan(ops.indexOf("CreateTlsSubscription"));
  });
});

describe("Fastly apply is idempotent", () => {
  it("second and third runs write nothing and create nothing", async () => {
    const first = await fastlyServer.apply(creds(), input([H1, H2]), fx.ctx);
    expect(first.hosts.map((h) => h.outcome)).toEqual(["pending", "pending"]);
    const afterFirst = fake.state();
    const firstCalls = (await calls()).length;

    const second = await fastlyServer.apply(creds(), input([H1, H2]), fx.ctx);
    const secondOps = (await calls()).slice(firstCalls).map((c) => c.op);
    expect(secondOps.filter((op) => WRITES.includes(op))).toEqual([]);
    expect(fake.state().services.map((s) => s.versions.length)).toEqual(afterFirst.services.map((s) => s.versions.length));
    expect(fake.state().subscriptions.map((s) => s.id)).toEqual(afterFirst.subscriptions.map((s) => s.id));
    expect(second.hosts.every((h) => h.resources.every((r) => !r.createdByThisRun))).toBe(true);

    // readsPerState 2: each run reads each subscription once; the fourth read finds it issued.
    const outcomes: string[][] = [second.hosts.map((h) => h.outcome)];
    let last = second;
    while (!last.complete && outcomes.length < 10) {
      last = await fastlyServer.apply(creds(), input([H1, H2]), fx.ctx);
      outcomes.push(last.hosts.map((h) => h.outcome));
    }
    expect(outcomes).toEqual([
      ["pending", "pending"],
      ["pending", "pending"],
      ["pending", "pending"],
      ["unchanged", "unchanged"],
    ]);
    expect((await calls()).slice(firstCalls).filter((c) => WRITES.includes(c.op))).toEqual([]);
    expect(fake.state().services).toHaveLength(2);
    expect(fake.state().services.map((s) => s.versions.length)).toEqual([1, 1]);
    expect(fake.state().subscriptions).toHaveLength(2);
  });

  it("status() polls to issued without writing", async () => {
    await fastlyServer.apply(creds(), input([H1]), fx.ctx);
    const n = (await calls()).length;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const h = (await fastlyServer.status(creds(), input([H1]), fx.ctx)).hosts[0]!;
      seen.push(`${h.outcome}: ${h.summary}`);
    }
    expect(seen).toEqual([
      "pending: Version 1 active; certificate pending (waiting for the _acme-challenge CNAME).",
      "pending: Version 1 active; certificate processing (waiting for the _acme-challenge CNAME).",
      "pending: Version 1 active; certificate processing (waiting for the _acme-challenge CNAME).",
      "unchanged: Version 1 active and certificate issued.",
    ]);
    expect((await calls()).slice(n).filter((c) => WRITES.includes(c.op))).toEqual([]);
  });

  it("status() of a host never applied says to run apply", async () => {
    const r = await fastlyServer.status(creds(), input([H1]), fx.ctx);
    expect(r.hosts[0]).toMatchObject({ outcome: "failed", error: { code: "needs_apply", action: "Run apply to create or fix it." } });
  });

  it("preview() says create first and reuse after apply, and writes nothing", async () => {
    const p1 = await fastlyServer.preview(creds(), input([H1]), fx.ctx);
    expect(p1.hosts[0]!.changes.map((c) => [c.resource, c.action])).toEqual([
      [`Fastly service "ssl-click-tracking ${H1}"`, "create"],
      [`TLS subscription for ${H1}`, "create"],
    ]);
    expect((await calls()).filter((c) => WRITES.includes(c.op))).toEqual([]);
    await fastlyServer.apply(creds(), input([H1]), fx.ctx);
    const p2 = await fastlyServer.preview(creds(), input([H1]), fx.ctx);
    expect(p2.hosts[0]!.changes.map((c) => c.action)).toEqual(["reuse", "reuse"]);
  });

  it("adopts an existing service: clones the locked version, fixes it, reports each difference", async () => {
    const api = new FastlyClient({ baseUrl: fx.server.url, token: TOKEN });
    const svc = await api.createService(`ssl-click-tracking ${H1}`, "vcl");
    await api.createDomain(svc.id, 1, H1);
    await api.createBackend(svc.id, 1, {
      name: "sendgrid",
      address: "sendgrid.net",
      port: 443,
      use_ssl: true,
      ssl_check_cert: false,
      ssl_cert_hostname: "sendgrid.net",
      ssl_sni_hostname: "sendgrid.net",
      min_tls_version: "1.2",
      override_host: "sendgrid.net",
    });
    await api.activateVersion(svc.id, 1);

    const r = (await fastlyServer.apply(creds(), input([H1]), fx.ctx)).hosts[0]!;
    expect(r.error).toBeUndefined();
    expect(r.differences).toEqual([
      'Host "sendgrid": the origin certificate is not verified. Fix: Verify certificate.',
      'Host "sendgrid": Override host is "sendgrid.net", so SendGrid never sees the link host and cannot find the link. Fix: clear it.',
      "Fallback TTL is 3600 s, so a redirect without cache headers is cached and repeat clicks never reach SendGrid. Fix: 0.",
    ]);
    const versions = fake.state().services[0]!.versions;
    expect(versions.map((v) => [v.number, v.active, v.locked])).toEqual([
      [1, false, true],
      [2, true, true],
    ]);
    expect(versions[1]!.backends[0]).toMatchObject({ override_host: null, ssl_check_cert: true });
    expect(versions[1]!.settings.default_ttl).toBe(0);
    expect(r.resources[0]).toMatchObject({ createdByThisRun: false, status: "active version 2" });
  });

  it("EU region: the backend, certificate and SNI names are eu.sendgrid.net", async () => {
    await fastlyServer.apply(creds(), input([H1], "eu"), fx.ctx);
    expect(fake.state().services[0]!.versions[0]!.backends[0]).toMatchObject({ address: "eu.sendgrid.net", ssl_cert_hostname: "eu.sendgrid.net", ssl_sni_hostname: "eu.sendgrid.net" });
  });
});

describe("Fastly apply errors", () => {
  it("bad token: every host fails with what to do", async () => {
    const r = await fastlyServer.apply(creds("wrongFastlyToken0000000000000000"), input([H1, H2]), fx.ctx);
    expect(r.complete).toBe(false);
    for (const h of r.hosts) {
      expect(h.outcome).toBe("failed");
      expect(h.error).toEqual({
        code: "unauthorized",
        message: 'Fastly rejected the API token: "Provided credentials are missing or invalid".',
        action: 'In Fastly, open Account › API tokens, create a token with scope "global" (access to all services), and paste it again.',
      });
    }
    expect(fake.state().services).toHaveLength(0);
  });

  it("a read-only token is refused before anything is written", async () => {
    const r = await fastlyServer.apply(creds(READ_ONLY), input([H1]), fx.ctx);
    expect(r.hosts[0]!.error).toMatchObject({ code: "token_scope", message: 'The token\'s scope is "global:read"; creating services and certificates needs "global".' });
    expect((await calls()).map((c) => c.op)).toEqual(["GetTokenSelf"]);
  });

  it("a domain owned by another customer fails that host only", async () => {
    const r = await fastlyServer.apply(creds(), input([TAKEN, H1]), fx.ctx);
    expect(r.hosts[0]).toMatchObject({
      outcome: "failed",
      error: {
        code: "name_taken",
        message: `${TAKEN} is already on another Fastly service (possibly in another account): "Bad request: '${TAKEN}' is owned by another customer".`,
        action: `Remove ${TAKEN} from the service that has it, or ask Fastly support to release it, then run it again.`,
      },
    });
    expect(r.hosts[0]!.resources[0]).toMatchObject({ kind: "Fastly service", createdByThisRun: true });
    expect(r.hosts[1]!.outcome).toBe("pending");
  });

  it("quota reached is translated", async () => {
    const small = await startFake(new FastlyFake({ tokens: { [TOKEN]: { scope: "global" } }, maxServices: 1 }), { controls: true });
    try {
      const r = await fastlyServer.apply(creds(), input([H1, H2]), { ...fx.ctx, endpoints: { ...fx.ctx.endpoints, fastly: small.url }, concurrency: 1 });
      expect(r.hosts[0]!.outcome).toBe("pending");
      expect(r.hosts[1]!.error).toEqual({
        code: "quota_reached",
        message: 'A Fastly account limit stopped CreateService: "Bad request: You have reached the maximum number of services (1) for this account".',
        action: "Delete services or TLS subscriptions you no longer use, or ask Fastly support to raise the limit, then run it again.",
      });
    } finally {
      await small.close();
    }
  });

  it("429 with a short Retry-After is retried; the write happens once", async () => {
    await faults([{ match: "CreateService", status: 429, times: 1, retryAfter: 0, body: '{"msg":"Too many requests"}' }]);
    const r = await fastlyServer.apply(creds(), input([H1]), fx.ctx);
    expect(r.hosts[0]!.outcome).toBe("pending");
    expect((await calls()).filter((c) => c.op === "CreateService")).toHaveLength(2);
    expect(fake.state().services).toHaveLength(1);
  });

  it("429 asking for longer than the bound is not waited for: rate_limited with when to retry", async () => {
    await faults([{ match: "CreateService", status: 429, retryAfter: 3600, body: '{"msg":"Too many requests"}' }]);
    const started = Date.now();
    const r = await fastlyServer.apply(creds(), input([H1]), fx.ctx);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.hosts[0]!.error).toEqual({
      code: "rate_limited",
      message: "Fastly's rate limit was reached (CreateService; writes are limited to 1,000 per hour).",
      action: "Run it again in 60 minutes; what is already done is found and reused.",
    });
    expect((await calls()).filter((c) => c.op === "CreateService")).toHaveLength(1);
  });

  it("a 503 on a read is retried; a create is sent again only after a look finds nothing, looked for once more after the last try, and reported", async () => {
    await faults([{ match: "ListDomains", status: 503, times: 1 }]);
    expect((await fastlyServer.apply(creds(), input([H1]), fx.ctx)).hosts[0]!.outcome).toBe("pending");
    // Every try: the first and DEFAULT_MAX_RETRIES (3) more.
    await faults([{ match: "CreateTlsSubscription", status: 503, times: 4, body: "upstream busy" }]);
    const from = (await calls()).length;
    const r = await fastlyServer.apply(creds(), input([H2]), fx.ctx);
    expect(r.hosts[0]!.error).toMatchObject({ code: "provider_unavailable", message: 'Fastly answered 503 to CreateTlsSubscription: "upstream busy".' });
    const subscriptionCalls = (await calls()).slice(from).filter((c) => c.op === "ListTlsSubscriptions" || c.op === "CreateTlsSubscription");
    // The last try may have been carried out too: it is looked for once more (lib/providers/create-once.ts).
    expect(subscriptionCalls.map((c) => c.op)).toEqual([...Array.from({ length: 4 }, () => ["ListTlsSubscriptions", "CreateTlsSubscription"]).flat(), "ListTlsSubscriptions"]);
    expect((await fastlyServer.apply(creds(), input([H2]), fx.ctx)).hosts[0]!.outcome).toBe("pending");
    expect(fake.state().subscriptions.filter((s) => s.host === H2)).toHaveLength(1);
  });

  it("malformed JSON and unexpected shapes are clear errors, not crashes", async () => {
    await faults([{ match: "GetTokenSelf", status: 200, times: 1, body: "{not json" }]);
    const r1 = await fastlyServer.apply(creds(), input([H1]), fx.ctx);
    expect(r1.hosts[0]!.error).toEqual({
      code: "unexpected_response",
      message: "Fastly answered GetTokenSelf in a shape this tool does not understand: the body is not JSON.",
      action: "Run it again; if it happens again, follow the manual checklist for this host and report the message above.",
    });
    await faults([{ match: "SearchService", status: 200, times: 1, body: '{"id":5,"versions":"none"}' }]);
    const r2 = await fastlyServer.apply(creds(), input([H1]), fx.ctx);
    expect(r2.hosts[0]!.error).toMatchObject({
      code: "unexpected_response",
      message: "Fastly answered SearchService in a shape this tool does not understand: id: expected string; name: expected string; versions: expected array.",
    });
  });

  it("a hanging request times out: reads are retried, a write only after a look finds nothing, and one that hangs every try is reported", async () => {
    const quick = { ...fx.ctx, requestTimeoutMs: 200 };
    await faults([{ match: "ListTlsConfigurations", status: 200, times: 1, delayMs: 1000, body: "{}" }]);
    expect((await fastlyServer.apply(creds(), input([H1]), quick)).hosts[0]!.outcome).toBe("pending");
    await faults([{ match: "CreateService", status: 200, times: 4, delayMs: 1000, body: "{}" }]);
    const from = (await calls()).length;
    const r = await fastlyServer.apply(creds(), input([H2]), quick);
    expect(r.hosts[0]!.error).toMatchObject({ code: "timeout", message: "Fastly did not answer in time (CreateService)." });
    // Each of the 4 tries follows a search for the service that finds none (the first is apply's own), and the
    // last try is searched for once more, since it may have been carried out too.
    const serviceCalls = (await calls()).slice(from).filter((c) => c.op === "SearchService" || c.op === "CreateService");
    expect(serviceCalls.map((c) => c.op)).toEqual([...Array.from({ length: 4 }, () => ["SearchService", "CreateService"]).flat(), "SearchService"]);
    expect(fake.state().services.map((s) => s.name)).toEqual([serviceName(H1)]);
  });

  it("canary: the token never appears in results or errors, even when the API echoes it", async () => {
    const ok = await fastlyServer.apply(creds(CANARY), input([H1]), fx.ctx);
    await faults([{ match: "SearchService", status: 400, times: 1, body: JSON.stringify({ msg: "Bad request", detail: `token ${CANARY} / Fastly-Key: ${CANARY}` }) }]);
    const bad = await fastlyServer.apply(creds(CANARY), input([H2]), fx.ctx);
    expect(bad.hosts[0]!.error?.code).toBe("bad_request");
    const wrong = await fastlyServer.apply(creds(`${CANARY}x`), input([H1]), fx.ctx);
    const preview = await fastlyServer.preview(creds(CANARY), input([H1]), fx.ctx);
    const status = await fastlyServer.status(creds(CANARY), input([H1]), fx.ctx);
    for (const out of [ok, bad, wrong, preview, status]) expect(JSON.stringify(out)).not.toContain(CANARY);
  });
});
