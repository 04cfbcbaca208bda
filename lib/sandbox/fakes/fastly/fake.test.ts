import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type RunningFake } from "@/lib/sandbox/http-fake";
import { FastlyClient } from "@/lib/providers/fastly/client";
import { FASTLY_SANDBOX_TOKEN, FastlyFake } from "./fake";

/** The fake speaks Fastly's wire format: checked with raw fetch, then driven through the client. */

const HOST = "ablink.subdomain.customer.com";
const fake = new FastlyFake({ readsPerState: 2, foreignDomains: ["ablink.taken.example.com"] });
let server: RunningFake;

beforeAll(async () => {
  server = await startFake(fake, { controls: true });
});
afterAll(() => server.close());
beforeEach(() => fetch(`${server.url}/__sandbox/reset`, { method: "POST" }));

const key = { "fastly-key": FASTLY_SANDBOX_TOKEN };
const form = (fields: Record<string, string>) => ({ ...key, "content-type": "application/x-www-form-urlencoded", body: new URLSearchParams(fields).toString() });

async function raw(method: string, path: string, init: { body?: string; [h: string]: string | undefined } = {}) {
  const { body, ...headers } = init;
  const res = await fetch(`${server.url}${path}`, { method, headers: headers as Record<string, string>, body });
  return { status: res.status, type: res.headers.get("content-type"), headers: res.headers, json: (await res.json()) as Record<string, unknown> & unknown[] };
}

describe("Fastly fake, raw wire", () => {
  it("deletes a service only once no version is active, and a TLS subscription by id", async () => {
    const svc = await raw("POST", "/service", form({ name: "s-del", type: "vcl" }));
    const id = svc.json.id as string;
    await raw("POST", `/service/${id}/version/1/domain`, form({ name: HOST }));
    await raw("POST", `/service/${id}/version/1/backend`, form({ name: "b", address: "sendgrid.net" }));
    expect((await raw("PUT", `/service/${id}/version/1/activate`, key)).status).toBe(200);
    const refused = await raw("DELETE", `/service/${id}`, key);
    expect([refused.status, refused.json]).toEqual([400, { msg: "Bad request", detail: "Service must be deactivated before it can be deleted" }]);
    const off = await raw("PUT", `/service/${id}/version/1/deactivate`, key);
    expect([off.status, off.json.active, off.json.number]).toEqual([200, false, 1]);
    expect((await raw("PUT", `/service/${id}/version/1/deactivate`, key)).status).toBe(400);
    const gone = await raw("DELETE", `/service/${id}`, key);
    expect([gone.status, gone.json]).toEqual([200, { status: "ok" }]);
    expect((await raw("GET", `/service/${id}`, key)).status).toBe(404);

    // Recorded in go-fastly fixtures/tls_subscription/cleanup.yaml.
    const missing = await raw("DELETE", "/tls/subscriptions/nope", key);
    expect([missing.status, missing.type, missing.json]).toEqual([404, "application/vnd.api+json", { errors: [{ title: "Not found", detail: "The subscription you requested was not found", status: "404" }] }]);
  });

  it("answers a missing or wrong key with Fastly's 401 body", async () => {
    for (const headers of [{}, { "fastly-key": "wrong" }]) {
      const r = await raw("GET", "/tokens/self", headers);
      expect(r.status).toBe(401);
      expect(r.type).toBe("application/json");
      expect(r.json).toEqual({ msg: "Provided credentials are missing or invalid" });
    }
  });

  it("takes form bodies with booleans as 0/1 and answers JSON with real booleans", async () => {
    const svc = await raw("POST", "/service", form({ name: "s1", type: "vcl" }));
    expect(svc.status).toBe(200);
    expect(svc.headers.get("fastly-ratelimit-remaining")).toBe("999");
    expect(svc.json).toMatchObject({ name: "s1", type: "vcl", versions: [{ number: 1, active: false, locked: false }] });
    const id = svc.json.id as string;

    const bad = await raw("POST", `/service/${id}/version/1/backend`, form({ name: "b", address: "sendgrid.net", use_ssl: "true" }));
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ msg: "Bad request", detail: "Invalid value for 'use_ssl': expected 0 or 1" });

    const asJson = await raw("POST", `/service/${id}/version/1/domain`, { ...key, "content-type": "application/json", body: JSON.stringify({ name: HOST }) });
    expect(asJson.status).toBe(400);

    const be = await raw("POST", `/service/${id}/version/1/backend`, form({ name: "sendgrid", address: "sendgrid.net", port: "443", use_ssl: "1", ssl_check_cert: "1", min_tls_version: "1.2" }));
    expect(be.json).toMatchObject({ name: "sendgrid", address: "sendgrid.net", port: 443, use_ssl: true, ssl_check_cert: true, min_tls_version: "1.2", override_host: null });
  });

  it("refuses a subscription before activation, then issues pending → processing → issued", async () => {
    const svc = await raw("POST", "/service", form({ name: "s2", type: "vcl" }));
    const id = svc.json.id as string;
    await raw("POST", `/service/${id}/version/1/domain`, form({ name: HOST }));
    await raw("POST", `/service/${id}/version/1/backend`, form({ name: "sendgrid", address: "sendgrid.net", port: "443", use_ssl: "1" }));
    const sub = JSON.stringify({ data: { type: "tls_subscription", attributes: { certificate_authority: "lets-encrypt" }, relationships: { tls_domains: { data: [{ type: "tls_domain", id: HOST }] } } } });

    const early = await raw("POST", "/tls/subscriptions", { ...key, "content-type": "application/vnd.api+json", body: sub });
    expect(early.status).toBe(400);
    expect(early.type).toBe("application/vnd.api+json");
    expect(early.json).toEqual({ errors: [{ title: "Bad request", detail: `Domain '${HOST}' not found on one of your services`, status: "400" }] });

    const act = await raw("PUT", `/service/${id}/version/1/activate`, key);
    expect(act.json).toMatchObject({ number: 1, active: true, locked: true });
    const locked = await raw("POST", `/service/${id}/version/1/domain`, form({ name: "other.customer.com" }));
    expect(locked.status).toBe(400);

    const created = await raw("POST", "/tls/subscriptions", { ...key, "content-type": "application/vnd.api+json", body: sub });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ data: { type: "tls_subscription", attributes: { state: "pending", certificate_authority: "lets-encrypt" } } });
    const included = created.json.included as { type: string; attributes: { challenges: { type: string; record_name: string; values: string[] }[] } }[];
    expect(included[0]!.type).toBe("tls_authorization");
    const dnsChallenge = included[0]!.attributes.challenges.find((c) => c.type === "managed-dns")!;
    expect(dnsChallenge.record_name).toBe(`_acme-challenge.${HOST}`);
    expect(dnsChallenge.values[0]).toMatch(/\.fastly-validations\.com$/);

    const subId = (created.json.data as unknown as { id: string }).id;
    const states: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await raw("GET", `/tls/subscriptions/${subId}?include=tls_authorizations`, key);
      states.push((r.json.data as unknown as { attributes: { state: string } }).attributes.state);
    }
    expect(states).toEqual(["pending", "processing", "processing", "issued", "issued"]);
  });

  it("answers 404 Record not found for an unknown service name and 400 for a domain owned by another customer", async () => {
    const search = await raw("GET", "/service/search?name=nope", key);
    expect(search.status).toBe(404);
    expect(search.json).toEqual({ msg: "Record not found", detail: "Cannot find service 'nope'" });
    const svc = await raw("POST", "/service", form({ name: "s3", type: "vcl" }));
    const taken = await raw("POST", `/service/${svc.json.id as string}/version/1/domain`, form({ name: "ablink.taken.example.com" }));
    expect(taken.status).toBe(400);
    expect(taken.json).toEqual({ msg: "Bad request", detail: "'ablink.taken.example.com' is owned by another customer" });
  });

  it("lists TLS configurations with their DNS records as JSON:API", async () => {
    const r = await raw("GET", "/tls/configurations?include=dns_records", key);
    expect(r.type).toBe("application/vnd.api+json");
    expect((r.json.included as unknown as { type: string }[]).every((i) => i.type === "dns_record")).toBe(true);
  });
});

describe("Fastly fake, driven by the client", () => {
  const client = () => new FastlyClient({ baseUrl: server.url, token: FASTLY_SANDBOX_TOKEN, maxRetries: 0 });

  it("round-trips service, version, domain, backend, settings, activation and TLS", async () => {
    const c = client();
    expect(await c.searchService("x")).toBeNull();
    const svc = await c.createService("x", "vcl");
    await c.createDomain(svc.id, 1, HOST);
    expect(await c.listDomains(svc.id, 1)).toEqual([HOST]);
    await c.createBackend(svc.id, 1, {
      name: "sendgrid",
      address: "eu.sendgrid.net",
      port: 443,
      use_ssl: true,
      ssl_check_cert: true,
      ssl_cert_hostname: "eu.sendgrid.net",
      ssl_sni_hostname: "eu.sendgrid.net",
      min_tls_version: "1.2",
    });
    expect((await c.listBackends(svc.id, 1))[0]).toMatchObject({ address: "eu.sendgrid.net", use_ssl: true, ssl_cert_hostname: "eu.sendgrid.net", override_host: null });
    expect((await c.getSettings(svc.id, 1))["general.default_ttl"]).toBe(3600);
    expect((await c.updateSettings(svc.id, 1, { defaultTtl: 0, defaultHost: "" }))["general.default_ttl"]).toBe(0);
    expect(await c.validateVersion(svc.id, 1)).toEqual({ ok: true, message: "" });
    expect(await c.activateVersion(svc.id, 1)).toMatchObject({ active: true, locked: true });
    expect((await c.cloneVersion(svc.id, 1, 1)).number).toBe(2);

    const configs = await c.listTlsConfigurations();
    expect(configs[0]).toEqual({ id: "fakeTlsConfigDefault01", name: "HTTP/3 & TLS v1.3", isDefault: true, cnameTargets: ["k.sni.global.fastly.net", "dualstack.k.sni.global.fastly.net", "k.sni.us-eu.fastly.net"] });
    const sub = await c.createTlsSubscription(HOST, "lets-encrypt", configs[0]!.id);
    expect(sub).toMatchObject({ state: "pending", domains: [HOST], configurationId: "fakeTlsConfigDefault01" });
    expect(sub.challenges.map((ch) => ch.type)).toEqual(["managed-dns", "managed-http-cname", "managed-http-a"]);
    const found = await c.findTlsSubscriptions(HOST);
    expect(found.map((s) => s.id)).toEqual([sub.id]);
    expect(await c.findTlsSubscriptions("ablink.other.example.com")).toEqual([]);
  });
});
