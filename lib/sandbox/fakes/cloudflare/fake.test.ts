import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Cloudflare from "cloudflare";
import { startFake, type RunningFake } from "@/lib/sandbox/http-fake";
import { CloudflareFake } from "./fake";

// Proves the fake against the official SDK (cloudflare v7): if the SDK can drive it, the wire format is right.

const TOKEN = "fake-token-0123456789abcdefghijklmnopqrstuv";
const DNS_READ_TOKEN = "fake-token-dnsread-0123456789abcdefghijklmn";

let fake: RunningFake;
const api = new CloudflareFake({ readsUntilActive: 2 });

function sdk(token = TOKEN, maxRetries = 0): Cloudflare {
  return new Cloudflare({ apiToken: token, apiKey: null, apiEmail: null, userServiceKey: null, baseURL: fake.url, maxRetries, timeout: 5000, logLevel: "off" });
}

async function control(path: string, body?: unknown) {
  const res = await fetch(`${fake.url}/__sandbox/${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

async function apiError(p: Promise<unknown>): Promise<InstanceType<typeof Cloudflare.APIError>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Cloudflare.APIError) return e;
    throw e;
  }
  throw new Error("expected an APIError");
}

beforeAll(async () => {
  fake = await startFake(api, { controls: true });
});
afterAll(() => fake.close());
beforeEach(async () => {
  await control("reset", {});
  api.addToken(TOKEN);
  api.addToken(DNS_READ_TOKEN, { permissions: { zone: "read", dns: "read" } });
});

describe("Cloudflare fake, driven by the official SDK", () => {
  it("verifies a token and refuses an unknown one with code 1000", async () => {
    const verified = await sdk().user.tokens.verify();
    expect(verified.status).toBe("active");
    expect(verified.id).toMatch(/^[0-9a-f]{32}$/);
    const err = await apiError(sdk("unknown-token-0123456789abcdefghijklmnop").user.tokens.verify());
    expect(err.status).toBe(401);
    expect(err.errors).toEqual([{ code: 1000, message: "Invalid API Token" }]);
  });

  it("answers the raw envelope, with result_info on lists", async () => {
    api.addZone("level-ex.com");
    const res = await fetch(`${fake.url}/client/v4/zones?name=level-ex.com`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = await res.json();
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Object.keys(body).sort()).toEqual(["errors", "messages", "result", "result_info", "success"]);
    expect(body.success).toBe(true);
    expect(body.result_info).toEqual({ page: 1, per_page: 20, count: 1, total_count: 1, total_pages: 1 });
    const noAuth = await (await fetch(`${fake.url}/zones`)).json();
    expect(noAuth).toEqual({ success: false, errors: [{ code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }], messages: [], result: null });
    const noRoute = await fetch(`${fake.url}/nowhere`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(noRoute.status).toBe(404);
    expect((await noRoute.json()).errors).toEqual([{ code: 7000, message: "No route for that URI" }]);
  });

  it("finds zones by name and pages through them", async () => {
    for (const n of ["a-zone.com", "b-zone.com", "c-zone.com"]) api.addZone(n);
    const page = await sdk().zones.list({ name: "b-zone.com" });
    expect(page.result.map((z) => z.name)).toEqual(["b-zone.com"]);
    const names: string[] = [];
    for await (const z of sdk().zones.list({ per_page: 2 })) names.push(z.name);
    expect(names).toEqual(["a-zone.com", "b-zone.com", "c-zone.com"]);
    const first = await sdk().zones.list({ per_page: 2 });
    expect(first.result_info).toEqual({ page: 1, per_page: 2, count: 2, total_count: 3, total_pages: 2 });
    expect((await sdk().zones.list({ name: "missing.com" })).result).toEqual([]);
  });

  it("creates, finds, edits, replaces and deletes DNS records; names are FQDNs", async () => {
    const zone_id = api.addZone("level-ex.com");
    const created = await sdk().dns.records.create({ zone_id, type: "CNAME", name: "ablink.x", content: "sendgrid.net", ttl: 1, proxied: false });
    expect(created).toMatchObject({ name: "ablink.x.level-ex.com", type: "CNAME", content: "sendgrid.net", ttl: 1, proxied: false, proxiable: true });
    const found = await sdk().dns.records.list({ zone_id, name: { exact: "ablink.x.level-ex.com" }, type: "CNAME" });
    expect(found.result.map((r) => r.id)).toEqual([created.id]);
    expect((await sdk().dns.records.list({ zone_id, name: { exact: "other.level-ex.com" } })).result).toEqual([]);

    const proxied = await sdk().dns.records.edit(created.id, { zone_id, type: "CNAME", name: created.name, ttl: 1, proxied: true });
    expect(proxied).toMatchObject({ proxied: true, ttl: 1, content: "sendgrid.net" });
    const replaced = await sdk().dns.records.update(created.id, { zone_id, type: "CNAME", name: "ablink.x.level-ex.com", content: "eu.sendgrid.net", ttl: 300, proxied: false });
    expect(replaced).toMatchObject({ content: "eu.sendgrid.net", ttl: 300, proxied: false });
    expect(await sdk().dns.records.delete(created.id, { zone_id })).toEqual({ id: created.id });
    expect(api.state("level-ex.com").records).toEqual([]);
  });

  it("refuses create, overwrite and update bodies without name, ttl and type, as the published params require", async () => {
    const zone_id = api.addZone("level-ex.com");
    const rec = api.addRecord("level-ex.com", { name: "ablink.x", type: "CNAME", content: "sendgrid.net", comment: "ops", tags: ["team:mail"] });
    const before = api.state("level-ex.com").records;
    const url = `${fake.url}/client/v4/zones/${zone_id}/dns_records`;
    const send = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      return [res.status, await res.json()];
    };
    const allMissing = {
      success: false,
      errors: [
        { code: 9000, message: "DNS name is invalid." },
        { code: 9021, message: "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic." },
        { code: 9020, message: "Invalid DNS record type." },
      ],
      messages: [],
      result: null,
    };
    expect(await send("PATCH", `/${rec.id}`, { proxied: true })).toEqual([400, allMissing]);
    expect(await send("PUT", `/${rec.id}`, { content: "eu.sendgrid.net" })).toEqual([400, allMissing]);
    const noTtl = await send("PATCH", `/${rec.id}`, { type: "CNAME", name: rec.name, content: "eu.sendgrid.net" });
    expect(noTtl).toEqual([400, { ...allMissing, errors: [allMissing.errors[1]] }]);
    const createNoTtl = await send("POST", "", { type: "CNAME", name: "other", content: "sendgrid.net" });
    expect(createNoTtl).toEqual([400, { ...allMissing, errors: [allMissing.errors[1]] }]);
    expect(api.state("level-ex.com").records).toEqual(before);
  });

  it("keeps what a complete PATCH leaves out and clears it on PUT", async () => {
    const zone_id = api.addZone("level-ex.com");
    const rec = api.addRecord("level-ex.com", { name: "ablink.x", type: "CNAME", content: "sendgrid.net", ttl: 300, comment: "ops", tags: ["team:mail"] });
    const patched = await sdk().dns.records.edit(rec.id, { zone_id, type: "CNAME", name: rec.name, ttl: 300, content: "eu.sendgrid.net" });
    expect(patched).toMatchObject({ content: "eu.sendgrid.net", ttl: 300, comment: "ops", tags: ["team:mail"], settings: { flatten_cname: false } });
    const put = await sdk().dns.records.update(rec.id, { zone_id, type: "CNAME", name: rec.name, ttl: 1, content: "sendgrid.net" });
    expect(put).toMatchObject({ content: "sendgrid.net", ttl: 1, proxied: false, comment: null, tags: [] });
  });

  it("pages through DNS records with for await", async () => {
    const zone_id = api.addZone("level-ex.com");
    for (let i = 0; i < 12; i++) api.addRecord("level-ex.com", { name: `h${i}`, type: "CNAME", content: "sendgrid.net" });
    const names: string[] = [];
    for await (const r of sdk().dns.records.list({ zone_id, per_page: 5 })) names.push(r.name);
    expect(names).toHaveLength(12);
    expect(names[11]).toBe("h11.level-ex.com");
  });

  it("refuses taken names with 81057, 81053 and 81054", async () => {
    const zone_id = api.addZone("level-ex.com");
    api.addRecord("level-ex.com", { name: "ablink.x", type: "CNAME", content: "sendgrid.net" });
    api.addRecord("level-ex.com", { name: "www", type: "A", content: "192.0.2.1" });
    const identical = await apiError(sdk().dns.records.create({ zone_id, type: "CNAME", name: "ablink.x.level-ex.com", content: "sendgrid.net", ttl: 1 }));
    expect([identical.status, identical.errors]).toEqual([400, [{ code: 81057, message: "Record already exists." }]]);
    const other = await apiError(sdk().dns.records.create({ zone_id, type: "CNAME", name: "ablink.x.level-ex.com", content: "d111.cloudfront.net", ttl: 1 }));
    expect(other.errors[0]?.code).toBe(81053);
    const overA = await apiError(sdk().dns.records.create({ zone_id, type: "CNAME", name: "www.level-ex.com", content: "sendgrid.net", ttl: 1 }));
    expect(overA.errors[0]?.code).toBe(81053);
    const aOverCname = await apiError(sdk().dns.records.create({ zone_id, type: "A", name: "ablink.x.level-ex.com", content: "192.0.2.2", ttl: 1 }));
    expect(aOverCname.errors[0]?.code).toBe(81054);
  });

  it("reads and edits the zone-wide SSL mode", async () => {
    const zone_id = api.addZone("level-ex.com", { ssl: "strict" });
    expect(await sdk().zones.settings.get("ssl", { zone_id })).toMatchObject({ id: "ssl", value: "strict", editable: true });
    expect(await sdk().zones.settings.edit("ssl", { zone_id, value: "full" })).toMatchObject({ id: "ssl", value: "full" });
    const bad = await apiError(sdk().zones.settings.edit("ssl", { zone_id, value: "maximum" }));
    expect(bad.status).toBe(400);
  });

  it("has no config entrypoint until one is written (404, code 10003), then replaces all its rules on PUT", async () => {
    const zone_id = api.addZone("level-ex.com");
    const missing = await apiError(sdk().rulesets.phases.get("http_config_settings", { zone_id }));
    expect(missing).toBeInstanceOf(Cloudflare.NotFoundError);
    expect(missing.errors).toEqual([{ code: 10003, message: "could not find entrypoint ruleset in the http_config_settings phase" }]);
    const written = (await sdk().rulesets.phases.update("http_config_settings", {
      zone_id,
      rules: [{ action: "set_config", action_parameters: { ssl: "full" }, expression: '(http.host in {"ablink.x.level-ex.com"})', description: "x" }],
    })) as { id: string; version: string; rules: { id: string; version: string; enabled: boolean }[] };
    expect(written.version).toBe("1");
    expect(written.rules[0]).toMatchObject({ enabled: true, version: "1" });
    const read = (await sdk().rulesets.phases.get("http_config_settings", { zone_id })) as typeof written;
    expect(read.rules.map((r) => r.id)).toEqual([written.rules[0]!.id]);
    const bad = await apiError(sdk().rulesets.phases.update("http_config_settings", { zone_id, rules: [{ action: "block", expression: "true" }] }));
    expect(bad.status).toBe(400);
  });

  it("lists Page Rules", async () => {
    const zone_id = api.addZone("level-ex.com");
    api.addPageRule("level-ex.com", "ablink.x.level-ex.com/*", [{ id: "ssl", value: "flexible" }]);
    const rules = await sdk().pageRules.list({ zone_id });
    expect(rules).toHaveLength(1);
    expect(rules[0]?.actions).toEqual([{ id: "ssl", value: "flexible" }]);
  });

  it("orders Advanced certificates (1450 without ACM; Let's Encrypt for 90 days only) whose status progresses to active", async () => {
    const noAcm = api.addZone("brand.co.uk");
    const zone_id = api.addZone("level-ex.com", { acm: true });
    const order = { type: "advanced", hosts: ["level-ex.com", "ablink.x.level-ex.com"], validation_method: "txt", validity_days: 90, certificate_authority: "lets_encrypt", cloudflare_branding: false } as const satisfies Record<string, unknown>;
    const refused = await apiError(sdk().ssl.certificatePacks.create({ zone_id: noAcm, ...order, hosts: ["brand.co.uk", "ablink.mail.brand.co.uk"] }));
    expect([refused.status, refused.errors[0]?.code]).toEqual([400, 1450]);

    const shortLetsEncrypt = await apiError(sdk().ssl.certificatePacks.create({ zone_id, ...order, hosts: [...order.hosts], validity_days: 30 }));
    expect([shortLetsEncrypt.status, shortLetsEncrypt.errors]).toEqual([400, [{ code: 1400, message: "Certificate authority lets_encrypt does not issue certificates valid for 30 days." }]]);
    const yearGoogle = await apiError(sdk().ssl.certificatePacks.create({ zone_id, ...order, hosts: [...order.hosts], certificate_authority: "google", validity_days: 365 }));
    expect(yearGoogle.errors[0]?.message).toBe("Certificate authority google does not issue certificates valid for 365 days.");
    expect(api.state("level-ex.com").packs).toHaveLength(1);
    const google = await sdk().ssl.certificatePacks.create({ zone_id, ...order, hosts: [...order.hosts], certificate_authority: "google", validity_days: 30 });
    expect(google).toMatchObject({ certificate_authority: "google", validity_days: 30 });
    await sdk().ssl.certificatePacks.delete(google.id, { zone_id });

    const pack = await sdk().ssl.certificatePacks.create({ zone_id, ...order, hosts: [...order.hosts] });
    expect(pack).toMatchObject({ type: "advanced", status: "initializing", hosts: ["level-ex.com", "ablink.x.level-ex.com"] });
    const active = await sdk().ssl.certificatePacks.list({ zone_id });
    expect(active.result.map((p) => p.type)).toEqual(["universal"]);
    const statuses: string[] = [];
    for (let i = 0; i < 2; i++) {
      const all = await sdk().ssl.certificatePacks.list({ zone_id, status: "all" });
      statuses.push(all.result.find((p) => p.id === pack.id)!.status);
    }
    expect(statuses).toEqual(["pending_issuance", "active"]);
  });

  it("lists a pack in any of the 21 statuses a test gives it; only stages on the way to active move", async () => {
    const zone_id = api.addZone("level-ex.com", { acm: true });
    const statuses = ["active", "pending_expiration", "backup_issued", "initializing", "pending_validation", "pending_issuance", "pending_deployment", "holding_deployment", "validation_timed_out", "staging_deployment", "staging_active", "deactivating", "inactive", "pending_cleanup", "initializing_timed_out", "issuance_timed_out", "deployment_timed_out", "expired", "pending_deletion", "deletion_timed_out", "deleted"] as const;
    const ids = statuses.map((status) => api.addPack("level-ex.com", ["level-ex.com", "ablink.x.level-ex.com"], status).id);
    const listed = await sdk().ssl.certificatePacks.list({ zone_id, status: "all", per_page: 50 });
    const byId = new Map(listed.result.map((p) => [p.id, p.status]));
    // readsUntilActive is 2: one read moves a pack before active to pending_issuance at least, never back.
    expect(ids.map((id) => byId.get(id))).toEqual([...statuses.slice(0, 3), "pending_issuance", "pending_issuance", "pending_issuance", "pending_deployment", ...statuses.slice(7)]);
    api.setPackStatus("level-ex.com", ids[0]!, "staging_active");
    expect((await sdk().ssl.certificatePacks.get(ids[0]!, { zone_id })).status).toBe("staging_active");
    expect((await sdk().ssl.certificatePacks.list({ zone_id })).result.map((p) => p.type)).toEqual(["universal"]);
  });

  it("refuses writes a token has no permission for with 403, code 10000", async () => {
    const zone_id = api.addZone("level-ex.com");
    expect((await sdk(DNS_READ_TOKEN).dns.records.list({ zone_id })).result).toEqual([]);
    const err = await apiError(sdk(DNS_READ_TOKEN).dns.records.create({ zone_id, type: "CNAME", name: "ablink.x", content: "sendgrid.net", ttl: 1 }));
    expect(err).toBeInstanceOf(Cloudflare.PermissionDeniedError);
    expect(err.errors).toEqual([{ code: 10000, message: "Authentication error" }]);
    const rules = await apiError(sdk(DNS_READ_TOKEN).rulesets.phases.get("http_config_settings", { zone_id }));
    expect(rules.status).toBe(403);
  });

  it("answers an injected 429, which the SDK retries after Retry-After", async () => {
    api.addZone("level-ex.com");
    await control("faults", [{ match: "ListZones", status: 429, times: 1, retryAfter: 0, body: JSON.stringify({ success: false, errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }], messages: [], result: null }) }]);
    const page = await sdk(TOKEN, 1).zones.list({ name: "level-ex.com" });
    expect(page.result).toHaveLength(1);
    const calls = (await control("calls")) as { op: string }[];
    expect(calls.map((c) => c.op)).toEqual(["ListZones", "ListZones"]);
  });

  it("auto-creates zones for registrable domains only, in sandbox mode", async () => {
    const sandbox = new CloudflareFake({ autoCreateZones: true });
    const running = await startFake(sandbox, { controls: true });
    try {
      sandbox.addToken(TOKEN);
      const client = new Cloudflare({ apiToken: TOKEN, apiKey: null, apiEmail: null, baseURL: running.url, maxRetries: 0, logLevel: "off" });
      expect((await client.zones.list({ name: "x.level-ex.com" })).result).toEqual([]);
      expect((await client.zones.list({ name: "level-ex.com" })).result.map((z) => z.name)).toEqual(["level-ex.com"]);
      expect(sandbox.zoneNames()).toEqual(["level-ex.com"]);
    } finally {
      await running.close();
    }
  });
});
