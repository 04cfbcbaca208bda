import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";
import { startFake, type FakeCall, type RunningFake } from "@/lib/sandbox/http-fake";
import type { DnsContext } from "@/lib/dns-hosts/server-types";
import type { LinkRecord } from "@/lib/dns-hosts/types";
import { cloudflareDnsServer } from "./server";
import { switchedRecord } from "./plan";

/** The Cloudflare DNS adapter against the Cloudflare fake, through the official SDK: re-read, compare, complete PUT. */
const TOKEN = "cf-dns-token-Qw8Er4Ty6Ui2Op0As3Df5Gh7Jk9Lz1Xc";
const READ_ONLY = "cf-dns-readonly-Qw8Er4Ty6Ui2Op0As3Df5Gh7Jk9L";
const ZONE = "level-ex.com";
const HOST = `ablink.x.${ZONE}`;
const OWNER = `7654321.x.${ZONE}`;
const CDN = "d111111abcdef8.cloudfront.net";

const fake = new CloudflareFake({ tokens: { [TOKEN]: { permissions: { ...ALL_PERMISSIONS } }, [READ_ONLY]: { permissions: { ...ALL_PERMISSIONS, dns: "read" } } } });
let server: RunningFake;
let ctx: DnsContext;
let zoneId: string;

const calls = async (): Promise<FakeCall[]> => (await (await fetch(`${server.url}/__sandbox/calls`)).json()) as FakeCall[];
const faults = (list: unknown[]) => fetch(`${server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
const stored = (name: string) => fake.state(ZONE).records.find((r) => r.name === name)!;

beforeAll(async () => {
  server = await startFake(fake, { controls: true });
  ctx = { endpoint: server.url, maxRetries: 2, maxRetryDelayMs: 5, sleep: async () => {}, pollMs: 1, syncWaitMs: 5 };
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__sandbox/reset`, { method: "POST" });
  zoneId = fake.addZone(ZONE);
  fake.addRecord(ZONE, { name: "ablink.x", type: "CNAME", content: "sendgrid.net", proxied: true, comment: "mail links", tags: ["team:mail"] });
  fake.addRecord(ZONE, { name: "7654321.x", type: "CNAME", content: "sendgrid.net", ttl: 3600 });
});

async function read(): Promise<LinkRecord> {
  const r = await cloudflareDnsServer.read({ apiToken: TOKEN }, HOST, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

describe("read", () => {
  it("reads the record with its id, proxy status, TTL, comment, tags, settings and modified_on", async () => {
    const link = stored(HOST);
    expect(await cloudflareDnsServer.read({ apiToken: TOKEN }, HOST, ctx)).toEqual({
      ok: true,
      zone: { id: zoneId, name: ZONE },
      record: { name: HOST, type: "CNAME", ttl: 1, value: "sendgrid.net", id: link.id, proxied: true, comment: "mail links", tags: ["team:mail"], settings: { flatten_cname: false }, modifiedOn: link.modified_on },
    });
  });

  it("refuses the zone apex, other records at the name, and a zone that is not active", async () => {
    fake.addZone(HOST);
    expect((await cloudflareDnsServer.read({ apiToken: TOKEN }, HOST, ctx)).ok ? "read" : "refused").toBe("refused");
    await fetch(`${server.url}/__sandbox/reset`, { method: "POST" });
    fake.addZone(ZONE);
    fake.addRecord(ZONE, { name: "ablink.x", type: "A", content: "192.0.2.1" });
    fake.addRecord(ZONE, { name: "ablink.x", type: "AAAA", content: "2001:db8::1" });
    const other = await cloudflareDnsServer.read({ apiToken: TOKEN }, HOST, ctx);
    expect(other.ok ? undefined : other.error.message).toBe(`${HOST} has A, AAAA records at Cloudflare DNS, not one CNAME: the switch only replaces a single CNAME and never touches other records.`);
    await fetch(`${server.url}/__sandbox/reset`, { method: "POST" });
    fake.addZone(ZONE, { status: "pending" });
    const pending = await cloudflareDnsServer.read({ apiToken: TOKEN }, HOST, ctx);
    expect(pending.ok ? undefined : pending.error.code).toBe("zone_not_active");
  });
});

describe("replace", () => {
  it("a proxied record becomes DNS only and points at the CDN; comment and tags kept; the owner record untouched", async () => {
    const owner = stored(OWNER);
    const current = await read();
    const result = await cloudflareDnsServer.replace({ apiToken: TOKEN }, { id: zoneId, name: ZONE }, current, switchedRecord(current, CDN), ctx);
    const link = stored(HOST);
    expect(result).toEqual({
      ok: true,
      written: { name: HOST, type: "CNAME", ttl: 1, value: CDN, id: current.id, proxied: false, comment: "mail links", tags: ["team:mail"], settings: { flatten_cname: false }, modifiedOn: link.modified_on },
    });
    expect(stored(OWNER)).toEqual(owner);
    expect((await calls()).map((c) => `${c.op}`)).toEqual(["ListZones", "ListZones", "ListZones", "ListDnsRecords", "GetDnsRecord", "UpdateDnsRecord"]);
    const synced = await cloudflareDnsServer.waitInSync({ apiToken: TOKEN }, { id: zoneId, name: ZONE }, result.ok ? result.written : current, undefined, ctx);
    expect(synced).toEqual({ ok: true, status: "in-sync" });
  });

  it("a rollback restores the record exactly: target, proxy status, TTL, comment, tags and settings", async () => {
    const before = await read();
    const switched = await cloudflareDnsServer.replace({ apiToken: TOKEN }, { id: zoneId, name: ZONE }, before, switchedRecord(before, CDN), ctx);
    if (!switched.ok) throw new Error(switched.error.message);
    const back = await cloudflareDnsServer.replace({ apiToken: TOKEN }, { id: zoneId, name: ZONE }, switched.written, before, ctx);
    expect(back.ok && { ...back.written, modifiedOn: before.modifiedOn }).toEqual(before);
  });

  it("refuses a record someone else edited after it was read, and writes nothing", async () => {
    const current = await read();
    await fetch(`${server.url}/zones/${zoneId}/dns_records/${current.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: HOST, type: "CNAME", ttl: 1, content: "links.someone-else.example.net", proxied: false }),
    });
    const edited = stored(HOST);
    const result = await cloudflareDnsServer.replace({ apiToken: TOKEN }, { id: zoneId, name: ZONE }, current, switchedRecord(current, CDN), ctx);
    expect(result.ok ? undefined : [result.error.code, result.error.message]).toEqual([
      "record_changed",
      `The record for ${HOST} changed at Cloudflare DNS since it was read, so nothing was written. It is now CNAME links.someone-else.example.net (TTL Auto, DNS only).`,
    ]);
    expect(stored(HOST)).toEqual(edited);
    expect((await calls()).some((c) => c.op === "UpdateDnsRecord")).toBe(false);
  });

  it("a token without DNS Edit: the write is refused naming the permission, and the record is unchanged", async () => {
    const current = await read();
    const result = await cloudflareDnsServer.replace({ apiToken: READ_ONLY }, { id: zoneId, name: ZONE }, current, switchedRecord(current, CDN), ctx);
    expect(result.ok ? undefined : result.error.message).toBe("These credentials lack Zone › DNS Edit at Cloudflare DNS. Nothing was changed: the record is still sendgrid.net.");
    expect(stored(HOST).content).toBe("sendgrid.net");
  });

  it("429 three times on the PUT (past two retries): a clear message, nothing changed; an answer lost after the PUT: reported as done", async () => {
    const current = await read();
    await faults([{ match: "UpdateDnsRecord", status: 429, times: 3, retryAfter: 0, body: JSON.stringify({ success: false, errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }], messages: [], result: null }) }]);
    const throttled = await cloudflareDnsServer.replace({ apiToken: TOKEN }, { id: zoneId, name: ZONE }, current, switchedRecord(current, CDN), ctx);
    expect(throttled.ok ? undefined : throttled.error.message).toBe("Cloudflare's rate limit was reached (1,200 requests per five minutes per token). Nothing was changed: the record is still sendgrid.net.");
    expect((await calls()).filter((c) => c.op === "UpdateDnsRecord").map((c) => c.fault)).toEqual([429, 429, 429]);
    await faults([{ match: "UpdateDnsRecord", status: 0, times: 1, drop: "after-handling" }]);
    const lost = await cloudflareDnsServer.replace({ apiToken: TOKEN }, { id: zoneId, name: ZONE }, current, switchedRecord(current, CDN), { ...ctx, maxRetries: 0 });
    expect(lost.ok && lost.written.value).toBe(CDN);
    expect((await calls()).filter((c) => c.op === "UpdateDnsRecord").map((c) => c.fault)).toEqual([429, 429, 429, "dropped"]);
  });
});

describe("validation records", () => {
  it("creates a DNS-only CNAME with the wizard's comment; asked again, finds it", async () => {
    const name = `_acme-challenge.${HOST}`;
    const value = "abc123.fastly-validations.com";
    const first = await cloudflareDnsServer.createValidationRecord({ apiToken: TOKEN }, { name, value }, ctx);
    expect(first.ok && [first.created, first.record.proxied, first.record.comment, first.record.value]).toEqual([true, false, "SSL click tracking: certificate validation, created by the setup wizard", value]);
    const again = await cloudflareDnsServer.createValidationRecord({ apiToken: TOKEN }, { name, value }, ctx);
    expect(again.ok && again.created).toBe(false);
  });
});
