import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolver, type DnsClient } from "./dns";
import { startDnsServer, type TestDnsServer, type TestRecord } from "./testing/dns-server";
import { startWorld, type World } from "./testing/world";
import type { CheckId, CheckResult, HostReport } from "./types";
import { verifyHosts, type VerifyInput } from "./verify";

/**
 * A link host whose CNAME chain reaches neither SendGrid nor the CDN (a stale distribution, another CDN, a typo)
 * fails the DNS check and is never ready, however well the CDN answers: every site here is served correctly by
 * the loopback servers, so only the DNS check can keep the lock closed.
 */

const LINK = "/ls/click?upn=u001.AbC-123";
const D = "links.customer.com";
const TARGET = "d111111abcdef8.cloudfront.net";
const OLD_CDN = "old-cdn.example.net";
const STALE = "dstale0000000.cloudfront.net";
const hostOf = (name: string) => `${name}.${D}`;
const checkOf = (h: HostReport, id: CheckId): CheckResult => h.checks.find((c) => c.id === id)!;
const statuses = (h: HostReport) => h.checks.map((c) => [c.id, c.status]);
const textOf = (c: CheckResult) => (c.status === "fail" ? { cause: c.cause, fix: c.fix } : c.status === "pending" ? { reason: c.reason } : c.status);

let world: World;
const run = (input: Partial<VerifyInput> & { hosts: string[] }, dns?: DnsClient) =>
  verifyHosts({ cdn: "cloudfront", link: LINK, ...input }, { settings: world.settings, dns });

beforeAll(async () => {
  const dns: Record<string, TestRecord> = {
    "customer.com": { a: ["127.0.0.1"] },
    "sendgrid.net": { a: ["127.0.0.1"] },
    [TARGET]: { a: ["127.0.0.1"] },
    [OLD_CDN]: { a: ["127.0.0.1"] },
    [STALE]: { a: ["127.0.0.1"] },
    "hop1.example.net": { cname: "hop2.example.net" },
    "hop2.example.net": { a: ["127.0.0.1"] },
    "alias.customer-dns.example": { cname: "sendgrid.net" },
    "broker.example.net": { cname: TARGET },
    [hostOf("third")]: { cname: OLD_CDN },
    [hostOf("stale")]: { cname: STALE },
    [hostOf("chain")]: { cname: "hop1.example.net" },
    [hostOf("viasendgrid")]: { cname: "alias.customer-dns.example" },
    [hostOf("viatarget")]: { cname: "broker.example.net" },
    // The server hands these out as written: mixed case, which the verifier must read as the same names.
    [hostOf("mixedorigin")]: { cname: "SendGrid.NET" },
    [hostOf("mixedtarget")]: { cname: "D111111ABCDEF8.CloudFront.net" },
    [hostOf("cfthird")]: { cname: OLD_CDN },
    [hostOf("cfpartial")]: { cname: `${hostOf("cfpartial")}.cdn.cloudflare.net` },
    [`${hostOf("cfpartial")}.cdn.cloudflare.net`]: { a: ["127.0.0.1"] },
    [hostOf("cfproxied")]: { a: ["127.0.0.1"] },
    [hostOf("notarget")]: { cname: TARGET },
  };
  const sites = Object.fromEntries(Object.keys(dns).filter((n) => n.endsWith(`.${D}`)).map((n) => [n, {}]));
  world = await startWorld({ sites: { "customer.com": { https: { status: 200 } }, ...sites }, dns });
});
afterAll(() => world?.close());

describe("before the switch, with the CDN address given", () => {
  it("a CNAME to another CDN fails DNS, names both right places and the fix, and keeps the lock closed", async () => {
    const r = await run({ hosts: [hostOf("third")], targets: [TARGET] });
    const h = r.hosts[0]!;
    expect(h.phase).toBe("before");
    expect(statuses(h)).toEqual([
      ["hsts", "pass"],
      ["cdn-before-switch", "pass"],
      ["dns", "fail"],
      ["tls", "pass"],
      ["http", "pass"],
      ["https", "pass"],
    ]);
    const dns = checkOf(h, "dns");
    expect(dns).toMatchObject({ diagnosis: "cname-wrong-target", fixTopic: "dns" });
    expect(textOf(dns)).toEqual({
      cause: `${hostOf("third")} points at ${OLD_CDN}, which is neither SendGrid (sendgrid.net) nor the CDN address ${TARGET}. Until the switch it must point at sendgrid.net; after it, at ${TARGET}.`,
      fix: `Edit the CNAME for ${hostOf("third")} so it points to sendgrid.net, exactly as SendGrid shows it (replace the record, do not add a second one), then Re-check. If that name is another CDN serving these links over HTTPS today, pointing back at SendGrid would break them: leave it until this CDN passes the check, then switch straight to it with the override.`,
    });
    expect(dns.seen).toEqual([`${hostOf("third")} → ${OLD_CDN} → 127.0.0.1`, `authoritative (${world.settings.dnsServers[0]}): CNAME ${OLD_CDN}`]);
    expect(h.readyToSwitch).toBe(false);
    expect(r.readyToSwitch).toBe(false);
    expect(r.pending).toBe(false);
    expect(h.readiness).toBe(`Not ready: ${dns.status === "fail" && dns.cause}`);
  });

  it("a stale distribution of the same CDN is a third name too", async () => {
    const h = (await run({ hosts: [hostOf("stale")], targets: [TARGET] })).hosts[0]!;
    expect(checkOf(h, "dns")).toMatchObject({ status: "fail", diagnosis: "cname-wrong-target" });
    expect(h.readiness.startsWith(`Not ready: ${hostOf("stale")} points at ${STALE}, which is neither SendGrid (sendgrid.net) nor the CDN address ${TARGET}.`)).toBe(true);
    expect(h.readyToSwitch).toBe(false);
  });

  it("names every name of a chain that reaches neither", async () => {
    const h = (await run({ hosts: [hostOf("chain")], targets: [TARGET], phase: "before" })).hosts[0]!;
    expect((checkOf(h, "dns") as { cause: string }).cause.startsWith(`${hostOf("chain")} points at hop1.example.net (→ hop2.example.net), which is neither`)).toBe(true);
  });

  it("a chain that reaches SendGrid through another name passes, and so does one written in mixed case", async () => {
    const r = await run({ hosts: [hostOf("viasendgrid"), hostOf("mixedorigin")], targets: [TARGET, `${TARGET.toUpperCase()}.`] });
    expect(r.hosts.map((h) => [h.phase, checkOf(h, "dns").status, h.readyToSwitch])).toEqual([
      ["before", "pass", true],
      ["before", "pass", true],
    ]);
    expect(checkOf(r.hosts[0]!, "dns").seen).toEqual([`${hostOf("viasendgrid")} → alias.customer-dns.example → sendgrid.net → 127.0.0.1`, "points at SendGrid, as it should until the switch"]);
    expect(r.hosts[1]!.target).toBe(TARGET);
  });
});

describe("after the switch", () => {
  it("a chain that reaches the target through another name, or in mixed case with a trailing dot, is switched", async () => {
    const r = await run({ hosts: [hostOf("viatarget"), hostOf("mixedtarget")], targets: [TARGET, "D111111ABCDEF8.cloudfront.NET."] });
    expect(r.hosts.map((h) => [h.phase, checkOf(h, "dns").status, h.readyToSwitch])).toEqual([
      ["after", "pass", true],
      ["after", "pass", true],
    ]);
    expect(checkOf(r.hosts[0]!, "dns").seen.at(-1)).toBe(`points at ${TARGET}`);
  });

  it("a third name after the switch names the CDN address as the fix", async () => {
    const h = (await run({ hosts: [hostOf("third")], targets: [TARGET], phase: "after" })).hosts[0]!;
    expect(textOf(checkOf(h, "dns"))).toEqual({
      cause: `${hostOf("third")} points at ${OLD_CDN}, which is neither the CDN address ${TARGET} nor SendGrid (sendgrid.net), so clicks do not go through the CDN you set up.`,
      fix: `Edit the CNAME for ${hostOf("third")} so it points to ${TARGET} (replace the record, do not add a second one).`,
    });
    // TLS, HTTP and HTTPS pass by name (the old CDN answers well here): only DNS keeps it from "Switched".
    expect(statuses(h).filter(([id]) => id === "tls" || id === "http" || id === "https").map(([, s]) => s)).toEqual(["pass", "pass", "pass"]);
    expect(h.readyToSwitch).toBe(false);
  });

  it("without a target: a name of the CDN's own shape is switched; a third name is not this CDN, so it is before the switch", async () => {
    const r = await run({ hosts: [hostOf("notarget"), hostOf("third")] });
    const [own, third] = r.hosts;
    expect([own!.phase, checkOf(own!, "dns").status, own!.readyToSwitch]).toEqual(["after", "pass", true]);
    expect([third!.phase, third!.readyToSwitch]).toEqual(["before", false]);
    // Nothing is tested by name: what answers there is not this CDN.
    expect(statuses(third!)).toEqual([
      ["hsts", "pass"],
      ["cdn-before-switch", "skipped"],
      ["dns", "fail"],
      ["tls", "skipped"],
      ["http", "skipped"],
      ["https", "skipped"],
    ]);
    expect((checkOf(third!, "dns") as { cause: string }).cause).toBe(
      `${hostOf("third")} points at ${OLD_CDN}, which is neither SendGrid (sendgrid.net) nor a CloudFront distribution's domain name (….cloudfront.net). Until the switch it must point at sendgrid.net; after it, at the distribution's domain name (d111111abcdef8.cloudfront.net).`,
    );
  });

  it("without a target, checked after the switch: a third name asks for the CDN's address", async () => {
    const third = (await run({ hosts: [hostOf("third")], phase: "after" })).hosts[0]!;
    expect(textOf(checkOf(third, "dns"))).toEqual({
      cause: `${hostOf("third")} points at ${OLD_CDN}, which is neither a CloudFront distribution's domain name (….cloudfront.net) nor SendGrid (sendgrid.net), so clicks do not go through the CDN you set up.`,
      fix: `Edit the CNAME for ${hostOf("third")} so it points to the distribution's domain name (d111111abcdef8.cloudfront.net) (replace the record, do not add a second one), and enter that address in the Test step so the check compares it exactly.`,
    });
  });

  it("no target and the chain still at SendGrid is not switched (it used to pass)", async () => {
    const h = (await run({ hosts: [hostOf("viasendgrid")], phase: "after" })).hosts[0]!;
    expect(checkOf(h, "dns")).toMatchObject({ status: "fail", diagnosis: "dns-not-switched" });
    expect(h.readyToSwitch).toBe(false);
  });
});

describe("a CDN that proxies in place (Cloudflare)", () => {
  it("a visible CNAME to a third name fails; its partial-setup address and proxied addresses pass", async () => {
    const r = await verifyHosts({ cdn: "cloudflare", hosts: [hostOf("cfthird"), hostOf("cfpartial"), hostOf("cfproxied")], link: LINK, phase: "after" }, { settings: world.settings });
    const [third, partial, proxied] = r.hosts;
    expect(r.hosts.map((h) => [h.phase, checkOf(h, "dns").status, h.readyToSwitch])).toEqual([
      ["after", "fail", false],
      ["after", "pass", true],
      ["after", "pass", true],
    ]);
    expect(textOf(checkOf(third!, "dns"))).toEqual({
      cause: `${hostOf("cfthird")} points at ${OLD_CDN}, which is neither SendGrid (sendgrid.net) nor Cloudflare's address for it (${hostOf("cfthird")}.cdn.cloudflare.net, in a partial setup). Public resolvers see the CNAME, so the record is not proxied and clicks do not go through Cloudflare.`,
      fix: `In Cloudflare DNS, make the record for ${hostOf("cfthird")} a CNAME to sendgrid.net (replace the record, do not add a second one), and turn the proxy on (orange cloud) once its certificate is active and SSL is Full.`,
    });
    expect(checkOf(partial!, "dns").seen.at(-1)).toBe(`points at ${hostOf("cfpartial")}.cdn.cloudflare.net`);
    expect(checkOf(proxied!, "dns").seen.at(-1)).toBe("answers with addresses and no CNAME, as a proxied record does");
  });

  it("a third name is before the switch (Cloudflare is not in the path): it must point at SendGrid, proxied after", async () => {
    const h = (await verifyHosts({ cdn: "cloudflare", hosts: [hostOf("cfthird")], link: LINK }, { settings: world.settings })).hosts[0]!;
    expect([h.phase, h.readyToSwitch]).toEqual(["before", false]);
    expect((checkOf(h, "dns") as { cause: string }).cause).toBe(
      `${hostOf("cfthird")} points at ${OLD_CDN}, which is neither SendGrid (sendgrid.net) nor Cloudflare's address for it (${hostOf("cfthird")}.cdn.cloudflare.net, in a partial setup). Until the switch it must point at sendgrid.net; after it, at sendgrid.net with the proxy on.`,
    );
  });
});

describe("the zone's own servers and the public resolver disagree", () => {
  let zone: TestDnsServer;
  const withZone = (): DnsClient => ({
    public: createResolver(world.settings.dnsServers, 2000),
    authoritative: async () => ({ ok: true, zone: "customer.com", servers: ["ns1.customer-dns.example"], resolver: createResolver([zone.server], 2000) }),
  });
  beforeAll(async () => {
    zone = await startDnsServer({
      // The zone moved these to a third name; the public resolver still has the target / SendGrid.
      [hostOf("viatarget")]: { cname: OLD_CDN },
      [hostOf("viasendgrid")]: { cname: STALE },
      // The zone moved these to the right place (through another name for one); the public resolver still has the old CDN.
      [hostOf("third")]: { cname: "broker.example.net" },
      [hostOf("stale")]: { cname: "sendgrid.net" },
    });
  });
  afterAll(() => zone?.close());

  it("a change on its way to a third name fails at once, naming what the zone says (never 'wait')", async () => {
    const r = await run({ hosts: [hostOf("viatarget"), hostOf("viasendgrid")], targets: [TARGET, TARGET] }, withZone());
    const [after, before] = r.hosts;
    expect(after!.phase).toBe("after");
    expect(checkOf(after!, "dns")).toMatchObject({ status: "fail", diagnosis: "cname-wrong-target" });
    expect((checkOf(after!, "dns") as { cause: string }).cause).toBe(
      `${hostOf("viatarget")} points at ${OLD_CDN} (so say the zone's own servers; the public resolver still says broker.example.net), which is neither the CDN address ${TARGET} nor SendGrid (sendgrid.net), so clicks do not go through the CDN you set up.`,
    );
    expect(after!.readyToSwitch).toBe(false);
    // Before the switch the public answer (SendGrid) is right, and the zone is not asked: the before-switch checks decide.
    expect([before!.phase, checkOf(before!, "dns").status]).toEqual(["before", "pass"]);
    expect(r.pending).toBe(false);
  });

  it("a change on its way from a third name to the target or to SendGrid is pending, and does not lock", async () => {
    const r = await run({ hosts: [hostOf("third"), hostOf("stale")], targets: [TARGET, TARGET] }, withZone());
    const [toTarget, toSendGrid] = r.hosts;
    expect(textOf(checkOf(toTarget!, "dns"))).toEqual({
      reason: `The change is propagating: the zone's own servers say CNAME broker.example.net, the public resolver still says ${OLD_CDN}. It is complete when the old record's TTL has run out everywhere. Nothing to change: wait a few minutes and Re-check.`,
    });
    expect(checkOf(toSendGrid!, "dns")).toMatchObject({ status: "pending", diagnosis: "dns-propagation" });
    expect(r.pending).toBe(true);
    expect(r.hosts.map((h) => [h.phase, h.readyToSwitch])).toEqual([
      ["before", true],
      ["before", true],
    ]);
  });
});
