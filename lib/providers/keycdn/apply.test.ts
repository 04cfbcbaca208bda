import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type Fault, type RunningFake } from "@/lib/sandbox/http-fake";
import type { PlanInput } from "@/lib/domain/plan";
import type { ApplyContext } from "@/lib/providers/server-types";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import { keycdnServer } from "./apply";
import { KeycdnClient } from "./client";
import { KeycdnFake } from "@/lib/sandbox/fakes/keycdn/fake";
import { keycdnInfo } from "./info";
import { zoneName } from "./settings";

const KEY = "sk_test_keycdn_good_000000000001";
const CANARY = "sk_CANARY_keycdn_7f3a9c1e5b2d8e4";
const H1 = "ablink.subdomain.customer.com";
const H2 = "ablink.news.customer.com";
const FOREIGN = "ablink.foreign.example.com";
const Z1 = zoneName(H1);

const fake = new KeycdnFake({ keys: [KEY, CANARY], userId: 0x1c6b, foreignAliases: [FOREIGN] });
let server: RunningFake;
let ctx: ApplyContext;

beforeAll(async () => {
  server = await startFake(fake, { controls: true });
  ctx = { endpoints: { cloudflare: "http://127.0.0.1:1", fastly: "http://127.0.0.1:1", keycdn: server.url }, maxRetryDelayMs: 50, requestTimeoutMs: 2000 };
});
afterAll(() => server.close());
beforeEach(() => fetch(`${server.url}/__sandbox/reset`, { method: "POST" }));

const input = (hosts: string[], region: PlanInput["region"] = "global", targets?: (string | undefined)[]): PlanInput => ({ hosts, region, targets });
const creds = (apiKey = KEY) => ({ apiKey });
const faults = (list: Fault[]) => fetch(`${server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
const calls = async () => (await (await fetch(`${server.url}/__sandbox/calls`)).json()) as { op: string }[];
const WRITES = ["AddZone", "EditZone", "AddZoneAlias"];

const WANT = {
  status: "active",
  type: "pull",
  originurl: "https://sendgrid.net",
  sslcert: "letsencrypt",
  http2: "enabled",
  forcessl: "disabled",
  cachehostheader: "enabled",
  cacheignorequerystring: "disabled",
  cacheignorecachecontrol: "disabled",
  cachemaxexpire: "1",
  expire: "0",
  blockbadbots: "disabled",
  cachecookies: "disabled",
};

describe("KeyCDN apply against the fake", () => {
  it("is registered as a server provider", () => {
    expect(SERVER_PROVIDERS.keycdn).toBe(keycdnServer);
  });

  it("creates the zone with every option set, adds the alias, and says where the CNAME target comes from", async () => {
    const report = await keycdnServer.apply(creds(), input([H1]), ctx);
    const h = report.hosts[0]!;
    expect(h.error).toBeUndefined();
    expect(h.outcome).toBe("created");
    expect(report.complete).toBe(true);
    const state = fake.state();
    expect(state.zones).toHaveLength(1);
    expect(state.zones[0]).toMatchObject({ name: Z1, ...WANT });
    expect(state.aliases).toEqual([{ id: "1001", zone_id: state.zones[0]!.id, name: H1 }]);
    expect(h.target).toBeUndefined();
    expect(h.records).toEqual([
      expect.objectContaining({ type: "CNAME", name: H1, value: `${Z1}-<your user id in hex>.kxcdn.com (the Zone URL on the dashboard's Zones page)`, valueKnown: false, phase: "switch" }),
    ]);
    expect(h.resources).toEqual([
      { kind: "KeyCDN pull zone", id: "1000", createdByThisRun: true, status: Z1 },
      { kind: "KeyCDN zone alias", id: "1001", createdByThisRun: true, status: H1 },
    ]);
    expect(h.summary).toBe(
      `Zone created: "${Z1}" with alias ${H1}. Next: CNAME ${H1} to the Zone URL of "${Z1}" (copy it from the dashboard's Zones page: ${Z1}-<your user id in hex>.kxcdn.com (the Zone URL on the dashboard's Zones page)). ` +
        `With SSL: Let's Encrypt, KeyCDN can obtain the certificate for ${H1} only once its CNAME points at KeyCDN, because the certificate authority checks the host through KeyCDN. ` +
        "Until it is issued, https:// links fail, and if your domain enforces HTTPS (HSTS) every link does, http:// ones included, with no click-through. " +
        "How long the gap lasts: KeyCDN publishes no issuance time; allow up to an hour. " +
        `To avoid the gap: ${keycdnInfo.certificateAfterSwitch!.beforeSwitch}`,
    );
    expect((await calls()).map((c) => c.op).sort()).toEqual(["AddZone", "AddZoneAlias", "ListZoneAliases", "ListZones"]);
  });

  it("reports the CNAME target when one known zone URL gives the user id", async () => {
    const r = await keycdnServer.apply(creds(), input([H1, H2], "global", [fake.zoneUrl(Z1)]), ctx);
    expect(r.hosts.map((h) => h.target)).toEqual([fake.zoneUrl(Z1), fake.zoneUrl(zoneName(H2))]);
    expect(r.hosts[1]!.records[0]).toMatchObject({ value: `${zoneName(H2)}-1c6b.kxcdn.com`, valueKnown: true });
  });

  it("re-runs without duplicates or writes", async () => {
    await keycdnServer.apply(creds(), input([H1, H2]), ctx);
    const before = fake.state();
    const n = (await calls()).length;
    const again = await keycdnServer.apply(creds(), input([H1, H2]), ctx);
    expect(again.hosts.map((h) => h.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(again.hosts.flatMap((h) => h.resources.map((x) => x.createdByThisRun))).toEqual([false, false, false, false]);
    expect((await calls()).slice(n).filter((c) => WRITES.includes(c.op))).toEqual([]);
    expect(fake.state()).toEqual(before);
    const status = await keycdnServer.status(creds(), input([H1, H2]), ctx);
    expect(status.hosts.map((h) => h.outcome)).toEqual(["unchanged", "unchanged"]);
  });

  it("preview() and status() before apply change nothing", async () => {
    const p = await keycdnServer.preview(creds(), input([H1]), ctx);
    expect(p.hosts[0]!.changes.map((c) => [c.resource, c.action])).toEqual([
      [`KeyCDN pull zone "${Z1}"`, "create"],
      [`Zonealias ${H1}`, "create"],
    ]);
    const s = await keycdnServer.status(creds(), input([H1]), ctx);
    expect(s.hosts[0]).toMatchObject({ outcome: "failed", error: { code: "needs_apply", message: `There is no KeyCDN zone named "${Z1}" yet.` } });
    expect(fake.state()).toEqual({ zones: [], aliases: [] });
  });

  it("adopts an existing zone: reports each broken setting with why and the fix, then sets them all", async () => {
    const api = new KeycdnClient({ baseUrl: server.url, apiKey: KEY });
    await api.createZone({ name: Z1, type: "pull", originurl: "https://sendgrid.net" }); // the fake's risky defaults
    const r = (await keycdnServer.apply(creds(), input([H1], "eu"), ctx)).hosts[0]!;
    expect(r.outcome).toBe("updated");
    expect(r.differences).toEqual([
      'SSL is "shared": the shared certificate names *.kxcdn.com, not the link host, so HTTPS clicks fail. Fix: letsencrypt (sslcert).',
      'HTTP/2 is "disabled": browsers fall back to HTTP/1.1 (slower; links still work), and KeyCDN\'s own steps for a link host turn it on. Fix: enabled (http2).',
      'Forward Host Header is "disabled": SendGrid would receive the zone\'s host instead of the link host and could not find the link. Fix: enabled (cachehostheader).',
      'Ignore Query String is "enabled": links that differ only in their query string would share one cache entry, so one recipient\'s redirect could be served to another. Fix: disabled (cacheignorequerystring).',
      'Ignore Cache Control is "enabled": redirects would be cached whatever SendGrid\'s cache headers say, so repeat clicks are not counted. Fix: disabled (cacheignorecachecontrol).',
      'Max Expire (in minutes) is "1440": a redirect without cache headers would be kept for that long, hiding repeat clicks. Fix: 1 (cachemaxexpire).',
      'Origin URL is "https://sendgrid.net": clicks must reach eu.sendgrid.net over HTTPS. Fix: https://eu.sendgrid.net (originurl).',
    ]);
    expect(fake.state().zones[0]).toMatchObject({ ...WANT, originurl: "https://eu.sendgrid.net" });
    expect(fake.state().zones).toHaveLength(1);
  });

  it("keeps a custom certificate and says to check it", async () => {
    const api = new KeycdnClient({ baseUrl: server.url, apiKey: KEY });
    await api.createZone({ name: Z1, ...WANT, sslcert: "custom" });
    const r = (await keycdnServer.apply(creds(), input([H1]), ctx)).hosts[0]!;
    expect(r.outcome).toBe("updated");
    expect(r.differences).toEqual([`SSL is Custom SSL: apply keeps your certificate; make sure it names ${H1} exactly.`]);
    expect(fake.state().zones[0]!.sslcert).toBe("custom");
    // With the certificate already on the zone there is no gap: test first, then switch.
    expect(r.summary).toBe(
      `Zone updated: "${Z1}" with alias ${H1}. Next: test https://${H1}/ through the Zone URL with your certificate (Custom SSL), then CNAME ${H1} to the Zone URL of "${Z1}" (copy it from the dashboard's Zones page: ${Z1}-<your user id in hex>.kxcdn.com (the Zone URL on the dashboard's Zones page)).`,
    );
  });
});

describe("KeyCDN apply errors", () => {
  it("bad key: every host fails with what to do, nothing written", async () => {
    const r = await keycdnServer.apply(creds("sk_wrong_key_000000000000000000"), input([H1, H2]), ctx);
    for (const h of r.hosts) {
      expect(h.error).toEqual({
        code: "unauthorized",
        message: 'KeyCDN refused the API key: "Access denied. Please check your API key.".',
        action: "In KeyCDN, open Account Settings › Authentication, copy the API key again (or generate a new one), and paste it.",
      });
    }
    expect(fake.state().zones).toHaveLength(0);
  });

  it("an alias taken in another account fails that host only", async () => {
    const r = await keycdnServer.apply(creds(), input([FOREIGN, H1]), ctx);
    expect(r.hosts[0]!.error).toEqual({
      code: "name_taken",
      message: `${FOREIGN} is already a Zonealias elsewhere (possibly another KeyCDN account): "Zone alias ${FOREIGN} already exists.".`,
      action: `Remove ${FOREIGN} from the zone or account that has it, then run it again.`,
    });
    expect(r.hosts[1]!.outcome).toBe("created");
  });

  it("an alias on another zone of the account stops before any write", async () => {
    const api = new KeycdnClient({ baseUrl: server.url, apiKey: KEY });
    const other = await api.createZone({ name: "handmade", type: "pull", originurl: "https://sendgrid.net" });
    await api.createZoneAlias(other.id, H1);
    const n = (await calls()).length;
    const r = await keycdnServer.apply(creds(), input([H1]), ctx);
    expect(r.hosts[0]!.error).toMatchObject({ code: "alias_elsewhere", message: `${H1} is already a Zonealias of the zone "handmade", not of this host's zone.` });
    expect((await calls()).slice(n).filter((c) => WRITES.includes(c.op))).toEqual([]);
  });

  it("zone quota reached is translated", async () => {
    const small = await startFake(new KeycdnFake({ keys: [KEY], maxZones: 1 }), { controls: true });
    try {
      const r = await keycdnServer.apply(creds(), input([H1, H2]), { ...ctx, endpoints: { ...ctx.endpoints, keycdn: small.url }, concurrency: 1 });
      expect(r.hosts[0]!.outcome).toBe("created");
      expect(r.hosts[1]!.error).toEqual({
        code: "quota_reached",
        message: 'A KeyCDN account limit stopped AddZone: "Zone limit reached. Please contact support to increase the limit.".',
        action: "Delete zones you no longer use, or ask KeyCDN support to raise the limit, then run it again.",
      });
    } finally {
      await small.close();
    }
  });

  it("a zone name taken (by a zone apply cannot see) is translated", async () => {
    await faults([{ match: "AddZone", status: 400, times: 1, body: JSON.stringify({ status: "error", description: `Zone name ${Z1} already exists.` }) }]);
    const r = await keycdnServer.apply(creds(), input([H1]), ctx);
    expect(r.hosts[0]!.error).toMatchObject({ code: "name_taken", action: "Rename or delete the zone that has this name in the KeyCDN dashboard, then run it again." });
  });

  it("429 is retried (Retry-After honoured); a long wait is reported instead", async () => {
    await faults([{ match: "AddZone", status: 429, times: 1, retryAfter: 0, body: '{"status":"error","description":"Rate limit exceeded."}' }]);
    expect((await keycdnServer.apply(creds(), input([H1]), ctx)).hosts[0]!.outcome).toBe("created");
    expect((await calls()).filter((c) => c.op === "AddZone")).toHaveLength(2);
    expect(fake.state().zones).toHaveLength(1);

    await faults([{ match: "ListZones", status: 429, retryAfter: 120, body: '{"status":"error","description":"Rate limit exceeded."}' }]);
    const r = await keycdnServer.apply(creds(), input([H1]), ctx);
    expect(r.hosts[0]!.error).toEqual({
      code: "rate_limited",
      message: "KeyCDN's API rate limit was reached (ListZones).",
      action: "Run it again in 2 minutes; what is already done is found and reused.",
    });
  });

  it("an error envelope inside a 200 is an error, not a success", async () => {
    await faults([{ match: "AddZoneAlias", status: 200, times: 1, body: '{"status":"error","description":"Zone alias could not be added."}' }]);
    const r = await keycdnServer.apply(creds(), input([H1]), ctx);
    expect(r.hosts[0]!.error).toEqual({
      code: "bad_request",
      message: 'KeyCDN refused AddZoneAlias (HTTP 200): "Zone alias could not be added.".',
      action: "Check the values against the manual checklist for this host; fix what KeyCDN names and run it again.",
    });
    expect(r.hosts[0]!.resources).toEqual([{ kind: "KeyCDN pull zone", id: "1000", createdByThisRun: true, status: Z1 }]);
    expect((await keycdnServer.apply(creds(), input([H1]), ctx)).hosts[0]!.outcome).toBe("updated");
    expect(fake.state().zones).toHaveLength(1);
  });

  it("malformed JSON and unexpected shapes are clear errors, not crashes", async () => {
    await faults([{ match: "ListZones", status: 200, times: 1, body: "<html>maintenance</html>" }]);
    expect((await keycdnServer.apply(creds(), input([H1]), ctx)).hosts[0]!.error).toEqual({
      code: "unexpected_response",
      message: "KeyCDN answered ListZones in a shape this tool does not understand: the body is not JSON.",
      action: "Run it again; if it happens again, follow the manual checklist for this host and report the message above.",
    });
    await faults([{ match: "ListZones", status: 200, times: 1, body: '{"status":"success","description":"ok","data":{"zones":{"id":1}}}' }]);
    expect((await keycdnServer.apply(creds(), input([H1]), ctx)).hosts[0]!.error).toMatchObject({
      code: "unexpected_response",
      message: "KeyCDN answered ListZones in a shape this tool does not understand: zones: expected array.",
    });
  });

  it("canary: the key never appears in results or errors, even when the API echoes it", async () => {
    const basic = Buffer.from(`${CANARY}:`).toString("base64");
    const ok = await keycdnServer.apply(creds(CANARY), input([H1]), ctx);
    await faults([{ match: "ListZoneAliases", status: 400, times: 1, body: JSON.stringify({ status: "error", description: `bad key ${CANARY} (Authorization: Basic ${basic})` }) }]);
    const bad = await keycdnServer.apply(creds(CANARY), input([H2]), ctx);
    expect(bad.hosts[0]!.error?.code).toBe("bad_request");
    const wrong = await keycdnServer.apply(creds(`${CANARY}x`), input([H1]), ctx);
    const preview = await keycdnServer.preview(creds(CANARY), input([H1]), ctx);
    const status = await keycdnServer.status(creds(CANARY), input([H1]), ctx);
    for (const out of [ok, bad, wrong, preview, status]) {
      const text = JSON.stringify(out);
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(basic);
    }
  });
});
