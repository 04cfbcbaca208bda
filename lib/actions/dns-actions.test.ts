import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { plainRRSet, Route53Fake } from "@/lib/sandbox/fakes/route53/fake";
import { serveZoneCnames } from "@/lib/sandbox/fakes/route53/serve-dns";
import { startFake, type RunningFake } from "@/lib/sandbox/http-fake";
import { providerActionLimiter } from "@/lib/security/action-rate-limit";
import { TestCookieJar } from "@/lib/testing/cookie-jar";
import { startWorld, type World } from "@/lib/verify/testing/world";
import type { LinkRecord, RecordWriteResult } from "@/lib/dns-hosts/types";

/**
 * The DNS actions end to end in one process: a Route 53 fake whose INSYNC changes are served by the loopback DNS
 * server the verifier asks, and a loopback CDN (HTTPS and HTTP by SNI/Host) the lock verifies through.
 */
const CLIENT = "198.51.100.40";
const jar = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": CLIENT }), cookies: async () => jar.current }));
jar.current = new TestCookieJar();

const KEY = { accessKeyId: "AKIADNSACTIONSTEST01", secretAccessKey: "dnsActionsSecret00000000000000000000000a" };
const ZONE = "dns-actions-example.com";
const READY = `ablink.ready.${ZONE}`;
const BROKEN = `ablink.broken.${ZONE}`;
const OWNER = `12345.ready.${ZONE}`;
const TARGET = "d222222abcdef8.cloudfront.net";
const LINK = "/ls/click?upn=dns-actions";

let world: World;
let r53: RunningFake;
let zoneId: string;
const fake = new Route53Fake({ accounts: { [KEY.accessKeyId]: KEY.secretAccessKey }, syncAfterGets: 1, onSync: (zone, rrsets) => serveZoneCnames(world.dns.records, zone, rrsets) });
let actions: typeof import("./dns-actions");

beforeAll(async () => {
  world = await startWorld({
    sites: { [READY]: {}, [BROKEN]: { cert: "wildcard" } },
    dns: {
      [ZONE]: { ns: ["ns-1.awsdns-01.org", "ns-2.awsdns-02.net"] },
      [READY]: { cname: "sendgrid.net" },
      [BROKEN]: { cname: "sendgrid.net" },
      [OWNER]: { cname: "sendgrid.net" },
      "sendgrid.net": { a: ["127.0.0.1"] },
      [TARGET]: { a: ["127.0.0.1"] },
    },
  });
  r53 = await startFake(fake, { controls: true });
  // The app's own settings, as the end-to-end run sets them: every question and connection stays on 127.0.0.1.
  vi.stubEnv("ROUTE53_ENDPOINT", r53.url);
  vi.stubEnv("VERIFY_DNS_SERVERS", world.settings.dnsServers[0]!);
  vi.stubEnv("VERIFY_ALLOW_LOOPBACK", "1");
  vi.stubEnv("VERIFY_HTTP_PORT", String(world.settings.httpPort));
  vi.stubEnv("VERIFY_HTTPS_PORT", String(world.settings.httpsPort));
  vi.stubEnv("HSTS_PRELOAD_API_BASE_URL", world.settings.hstsPreloadApiBaseUrl);
  vi.stubEnv("NODE_EXTRA_CA_CERTS", path.join(world.pki.dir, "ca.crt"));
  vi.spyOn(console, "warn").mockImplementation(() => {});
  actions = await import("./dns-actions");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([world.close(), r53.close()]);
});
beforeEach(async () => {
  providerActionLimiter.forget(CLIENT);
  await fetch(`${r53.url}/__sandbox/reset`, { method: "POST" });
  zoneId = fake.addZone(KEY.accessKeyId, ZONE).id;
  for (const name of [READY, BROKEN, OWNER]) fake.putRRSet(zoneId, plainRRSet(name, "CNAME", 3600, ["sendgrid.net"]));
  for (const name of [READY, BROKEN, OWNER]) world.dns.records.set(name, { cname: "sendgrid.net" });
});

const account = { kind: "credentials", values: KEY } as const;
const base = (host: string) => ({ dnsHost: "route53", account, host, cdn: "cloudfront", region: "global", target: TARGET, link: LINK });
const sendgrid = (host: string): LinkRecord => ({ name: host, type: "CNAME", ttl: 3600, value: "sendgrid.net" });

describe("detect, read, switch, roll back at Route 53 (real credentials, the lock verified for real)", () => {
  it("detects Route 53 and reads the record with the plan, before any write", async () => {
    const detected = await actions.detectDnsHostsAction({ hosts: [READY] });
    expect(detected.ok && detected.data.map((d) => [d.zone, d.dnsHost])).toEqual([[ZONE, "route53"]]);
    const read = await actions.readDnsRecordAction({ dnsHost: "route53", account, host: READY, cdn: "cloudfront", target: TARGET });
    expect(read.ok && [read.data.zone, read.data.plan.current, read.data.plan.next, read.data.lowerTtlFirst, read.data.simulated]).toEqual([
      { id: zoneId, name: ZONE },
      sendgrid(READY),
      { ...sendgrid(READY), value: TARGET },
      { from: 3600, to: 300 },
      false,
    ]);
  });

  it("refuses the switch while the CDN fails the check for that host, and changes nothing", async () => {
    const before = fake.rrsets(zoneId);
    const result = await actions.switchDnsAction({ ...base(BROKEN), zone: { id: zoneId, name: ZONE }, expected: sendgrid(BROKEN) });
    expect(result.ok ? "switched" : [result.error?.code, result.message.startsWith(`Not switched: the CDN is not proven for ${BROKEN} right now (`)]).toEqual(["not_verified", true]);
    expect(fake.rrsets(zoneId)).toEqual(before);
  });

  it("switches only the link record once the check passes; the zone's servers then answer with it; rollback restores it exactly", async () => {
    const owner = fake.rrsets(zoneId).find((r) => r.Name === `${OWNER}.`);
    const switched = await actions.switchDnsAction({ ...base(READY), zone: { id: zoneId, name: ZONE }, expected: sendgrid(READY) });
    if (!switched.ok) throw new Error(switched.message);
    const result: RecordWriteResult = switched.data;
    expect([result.previous, result.written, result.status, result.authoritative, result.oldTtlSeconds]).toEqual([
      sendgrid(READY),
      { ...sendgrid(READY), value: TARGET },
      "in-sync",
      { seen: `CNAME ${TARGET}`, matches: true, servers: world.settings.dnsServers, simulated: false },
      3600,
    ]);
    expect(result.summary).toBe(`Switched ${READY} from sendgrid.net to ${TARGET}: every one of the DNS host's name servers has it. The zone's name servers answer with it. Public resolvers may keep the old answer for up to 1 hour (the old TTL).`);
    expect(fake.rrsets(zoneId).find((r) => r.Name === `${OWNER}.`)).toEqual(owner);

    const back = await actions.rollbackDnsAction({ dnsHost: "route53", account, host: READY, zone: result.zone, written: result.written, previous: result.previous });
    expect(back.ok && [back.data.written, back.data.authoritative?.seen]).toEqual([sendgrid(READY), "CNAME sendgrid.net"]);
    expect(fake.rrsets(zoneId).find((r) => r.Name === `${READY}.`)).toEqual(plainRRSet(READY, "CNAME", 3600, ["sendgrid.net"]));
  });

  it("lowers a long TTL first, target unchanged, saying how long to wait; a short TTL is not lowered again", async () => {
    const lowered = await actions.lowerTtlAction({ dnsHost: "route53", account, host: READY, zone: { id: zoneId, name: ZONE }, expected: sendgrid(READY) });
    expect(lowered.ok && [lowered.data.previous, lowered.data.written, lowered.data.summary]).toEqual([
      sendgrid(READY),
      { ...sendgrid(READY), ttl: 300 },
      `Lowered the TTL of ${READY} to 5 minutes, target unchanged. Wait 1 hour (the old TTL) before switching, so that no resolver still holds the long one.`,
    ]);
    const again = await actions.lowerTtlAction({ dnsHost: "route53", account, host: READY, zone: { id: zoneId, name: ZONE }, expected: { ...sendgrid(READY), ttl: 300 } });
    expect(again.ok ? undefined : again.error?.code).toBe("ttl_short");
    expect(fake.rrsets(zoneId).find((r) => r.Name === `${READY}.`)).toEqual(plainRRSet(READY, "CNAME", 300, ["sendgrid.net"]));
  });

  it("refuses a switch against a record edited since it was read, with the record as it is now", async () => {
    fake.putRRSet(zoneId, plainRRSet(READY, "CNAME", 60, ["links.elsewhere-example.net"]));
    const result = await actions.switchDnsAction({ ...base(READY), zone: { id: zoneId, name: ZONE }, expected: sendgrid(READY) });
    expect(result.ok ? undefined : [result.error?.code, result.recordNow]).toEqual(["record_changed", { name: READY, type: "CNAME", ttl: 60, value: "links.elsewhere-example.net" }]);
  });

  it("never answers with a credential, and refuses malformed or forged input without touching the DNS host", async () => {
    const read = await actions.readDnsRecordAction({ dnsHost: "route53", account, host: READY, cdn: "cloudfront", target: TARGET });
    expect(JSON.stringify(read)).not.toContain(KEY.secretAccessKey);
    expect(JSON.stringify(read)).not.toContain(KEY.accessKeyId);
    const malformed = { ok: false, message: "The request was malformed; reload the page and try again." };
    const zone = { id: zoneId, name: ZONE };
    for (const raw of [
      { ...base(READY), zone, expected: { ...sendgrid(READY), name: OWNER } }, // a record of another name
      { ...base(`${READY}.`), zone, expected: sendgrid(READY) }, // a host not in normal form
      { ...base(READY), target: "http://d1.cloudfront.net/", zone, expected: sendgrid(READY) },
      { ...base(READY), zone, expected: sendgrid(READY), force: true },
      { ...base(READY), zone: { id: "../x", name: ZONE }, expected: sendgrid(READY) },
      { ...base(READY), link: "https://other.example/x", zone, expected: sendgrid(READY) },
    ]) {
      expect(await actions.switchDnsAction(raw)).toEqual(malformed);
    }
    expect(await actions.createValidationRecordsAction({ dnsHost: "route53", account, hosts: [READY], records: [{ name: `www.${ZONE}`, value: "x.example.net" }] })).toEqual(malformed);
    const creds = await actions.readDnsRecordAction({ dnsHost: "route53", account: { kind: "credentials", values: { accessKeyId: "nope", secretAccessKey: "x" } }, host: READY, cdn: "cloudfront", target: TARGET });
    expect(creds.ok ? undefined : Object.keys(creds.fieldErrors ?? {})).toEqual(["accessKeyId", "secretAccessKey"]);
    expect((await (await fetch(`${r53.url}/__sandbox/calls`)).json()).filter((c: { op: string }) => c.op === "ChangeResourceRecordSets")).toEqual([]);
  });
});

describe("the sandbox DNS host", () => {
  it("seeds the link and owner records, switches with the check simulated and said so, and rolls back", async () => {
    const host = "ablink.news.sandbox-dns.example.com";
    const read = await actions.readDnsRecordAction({ dnsHost: "route53", account: { kind: "sandbox" }, host, cdn: "cloudfront", target: TARGET });
    if (!read.ok) throw new Error(read.message);
    expect([read.data.plan.current, read.data.simulated]).toEqual([sendgrid(host), true]);
    const refused = await actions.switchDnsAction({ dnsHost: "route53", account: { kind: "sandbox" }, host, cdn: "cloudfront", region: "global", target: "links.not-a-cdn.net", zone: read.data.zone, expected: read.data.plan.current });
    expect(refused.ok ? undefined : refused.message).toBe(
      `Not switched: the CDN is not proven for ${host} right now (simulated (sandbox): links.not-a-cdn.net is not a CloudFront distribution's domain name (….cloudfront.net)). Nothing was changed at Amazon Route 53.`,
    );
    const switched = await actions.switchDnsAction({ dnsHost: "route53", account: { kind: "sandbox" }, host, cdn: "cloudfront", region: "global", target: TARGET, zone: read.data.zone, expected: read.data.plan.current });
    if (!switched.ok) throw new Error(switched.message);
    expect([switched.data.written.value, switched.data.authoritative?.simulated, switched.data.summary.includes("(sandbox: the CDN check was simulated)")]).toEqual([TARGET, true, true]);
    const back = await actions.rollbackDnsAction({ dnsHost: "route53", account: { kind: "sandbox" }, host, zone: switched.data.zone, written: switched.data.written, previous: switched.data.previous });
    expect(back.ok && back.data.written).toEqual(sendgrid(host));
  });

  it("creates certificate validation CNAMEs under the link hosts, DNS only; asked again, finds them", async () => {
    const host = "ablink.news.sandbox-dns.example.com";
    const records = [{ name: `_3639ac514e785e898d2646601fa951d5.${host}`, value: "_98d2646601fa951d53639ac514e785e8.mhbtsbpdnt.acm-validations.aws." }];
    const first = await actions.createValidationRecordsAction({ dnsHost: "cloudflare", account: { kind: "sandbox" }, hosts: [host], records });
    expect(first).toEqual({ ok: true, data: [{ name: records[0]!.name, value: "_98d2646601fa951d53639ac514e785e8.mhbtsbpdnt.acm-validations.aws", created: true }] });
    const again = await actions.createValidationRecordsAction({ dnsHost: "cloudflare", account: { kind: "sandbox" }, hosts: [host], records });
    expect(again.ok && again.data.map((r) => r.created)).toEqual([false]);
  });
});
