import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolver } from "./dns";
import { Guard } from "./guard";
import { ancestors, blastRadius, createHstsChecker, parseHsts, PreloadCache, PRELOADED_TLDS } from "./hsts";
import { startDeadServers, startWorld, type DeadServers, type World } from "./testing/world";
import type { VerifySettings } from "./settings";

describe("parseHsts (RFC 6797 §6.1)", () => {
  it.each([
    ["max-age=31536000; includeSubDomains; preload", { maxAge: 31536000, includeSubDomains: true, preload: true }],
    ["max-age=300", { maxAge: 300, includeSubDomains: false, preload: false }],
    ['MAX-AGE="600" ; INCLUDESUBDOMAINS', { maxAge: 600, includeSubDomains: true, preload: false }],
    ["max-age=0; includeSubDomains", { maxAge: 0, includeSubDomains: true, preload: false }],
    ["includeSubDomains; max-age=10; unknown-directive=1", { maxAge: 10, includeSubDomains: true, preload: false }],
  ])("%s", (value, parsed) => {
    expect(parseHsts(value)).toEqual(parsed);
  });
  it.each(["includeSubDomains", "max-age=abc", "max-age=1; max-age=2", "max-age", ""])("rejects %j", (value) => {
    expect(parseHsts(value)).toBeNull();
  });
});

describe("ancestors", () => {
  it("walks up to the TLD", () => {
    expect(ancestors("brand.co.uk")).toEqual(["brand.co.uk", "co.uk", "uk"]);
  });
});

describe("PRELOADED_TLDS", () => {
  it("says as of when and where from", () => {
    expect(PRELOADED_TLDS.asOf).toMatch(/^\d{4}-\d\d$/);
    expect(PRELOADED_TLDS.names).toContain("dev");
    expect(PRELOADED_TLDS.names).toContain("app");
  });
});

describe("blastRadius", () => {
  const none = { state: "absent" as const, raw: null, maxAge: null, includeSubDomains: false, preload: false, note: null };
  const notPreloaded = { status: "not-preloaded" as const, via: null, source: "status-api" as const, note: null };
  it("no HSTS at all", () => {
    expect(blastRadius("brand.com", ["ablink.m.brand.com"], none, notPreloaded)).toEqual({
      covers: "no",
      words:
        "No HSTS policy covers ablink.m.brand.com from brand.com. Plain http:// tracked links keep working today; HTTPS click tracking still needs a certificate naming each link host, and a parent name that sends includeSubDomains later would make it mandatory.",
    });
  });
  it("a header without includeSubDomains covers the domain only", () => {
    const header = { ...none, state: "present" as const, raw: "max-age=100", maxAge: 100 };
    expect(blastRadius("brand.com", ["a.m.brand.com", "b.m.brand.com", "c.m.brand.com", "d.m.brand.com", "e.m.brand.com"], header, notPreloaded).words).toBe(
      "brand.com sends HSTS without includeSubDomains, which covers brand.com itself only, not a.m.brand.com, b.m.brand.com, c.m.brand.com, d.m.brand.com and 1 more. Plain http:// tracked links keep working today; HTTPS click tracking still needs a certificate naming each link host, and a parent name that sends includeSubDomains later would make it mandatory.",
    );
  });
});

describe("the HSTS checker against loopback servers", () => {
  let world: World;
  let dead: DeadServers;
  const check = (settings: VerifySettings, domain: string, hosts: string[], kept = new PreloadCache()) =>
    createHstsChecker({ guard: new Guard({ settings, resolver: createResolver(settings.dnsServers, 2000) }), settings }, kept).check(domain, hosts);

  beforeAll(async () => {
    world = await startWorld({
      sites: {
        "hsts.com": { https: { status: 200, headers: { "strict-transport-security": "max-age=31536000; includeSubDomains; preload" } } },
        "preloaded.com": { https: { status: 301, headers: { location: "https://www.preloaded.com/" } } },
        "plain.com": { https: { status: 200 } },
        "brand.dev": { https: { status: 200 } },
        "badcert.com": { cert: "self-signed", https: { status: 200, headers: { "strict-transport-security": "max-age=31536000; includeSubDomains" } } },
        "malformed.com": { https: { status: 200, headers: { "strict-transport-security": "includeSubDomains" } } },
        "pending.com": { https: { status: 200, headers: { "strict-transport-security": "max-age=63072000; includeSubDomains; preload" } } },
      },
      dns: Object.fromEntries(["hsts.com", "preloaded.com", "plain.com", "brand.dev", "badcert.com", "malformed.com", "pending.com"].map((d) => [d, { a: ["127.0.0.1"] }])),
      preload: { "preloaded.com": "preloaded", "dev": "preloaded", "pending.com": "pending" },
    });
    dead = await startDeadServers();
  });
  afterAll(async () => {
    await world?.close();
    await dead?.close();
  });

  it("reads the header and asks the status API for the domain and each ancestor", async () => {
    world.preloadRequests.length = 0;
    const r = await check(world.settings, "hsts.com", ["ablink.m.hsts.com"]);
    expect(r).toMatchObject({
      domain: "hsts.com",
      header: { state: "present", raw: "max-age=31536000; includeSubDomains; preload", maxAge: 31536000, includeSubDomains: true, preload: true, note: null },
      preload: { status: "not-preloaded", via: null, source: "status-api" },
      coversLinkHosts: "yes",
    });
    expect(world.preloadRequests.sort()).toEqual(["com", "hsts.com"]);
  });

  it("keeps preload answers across verifications, but not failures", async () => {
    const kept = new PreloadCache();
    world.preloadRequests.length = 0;
    await check(world.settings, "plain.com", ["a.b.plain.com"], kept);
    await check(world.settings, "plain.com", ["a.b.plain.com"], kept);
    expect(world.preloadRequests.sort()).toEqual(["com", "plain.com"]);
    const offline = { ...world.settings, hstsPreloadApiBaseUrl: `http://127.0.0.1:${dead.tcpPort}/api/v2` };
    expect((await check(offline, "plain.com", ["a.b.plain.com"], kept)).preload.status).toBe("unknown");
  });

  it("a domain on the preload list, and a whole preloaded TLD", async () => {
    expect((await check(world.settings, "preloaded.com", ["a.b.preloaded.com"])).preload).toEqual({ status: "preloaded", via: "preloaded.com", source: "status-api", note: null });
    const dev = await check(world.settings, "brand.dev", ["ablink.m.brand.dev"]);
    expect(dev).toMatchObject({ header: { state: "absent" }, preload: { status: "preloaded", via: "dev", source: "status-api" }, coversLinkHosts: "yes" });
    expect(dev.blastRadius.startsWith(".dev is on the browsers' HSTS preload list, so every browser forces HTTPS on every hostname under brand.dev, including ablink.m.brand.dev")).toBe(true);
  });

  it("pending preload", async () => {
    expect(await check(world.settings, "pending.com", ["a.b.pending.com"])).toMatchObject({ preload: { status: "pending", via: "pending.com" }, coversLinkHosts: "yes" });
  });

  it("says plainly when the preload list cannot be reached, and falls back to the TLD list", async () => {
    const offline = { ...world.settings, hstsPreloadApiBaseUrl: `http://127.0.0.1:${dead.tcpPort}/api/v2` };
    const plain = await check(offline, "plain.com", ["ablink.m.plain.com"]);
    expect(plain.preload.status).toBe("unknown");
    expect(plain.preload.note!.startsWith("Preload status unknown: the preload list could not be reached (")).toBe(true);
    expect(plain.preload.note!.endsWith("Only whole-TLD preloads are known offline, and .com is not one of them.")).toBe(true);
    expect(plain.coversLinkHosts).toBe("unknown");
    expect(plain.blastRadius.startsWith("Whether browsers force HTTPS on ablink.m.plain.com is unknown: ")).toBe(true);
    const dev = await check(offline, "brand.dev", ["ablink.m.brand.dev"]);
    expect(dev.preload).toEqual({
      status: "preloaded",
      via: "dev",
      source: "tld-list",
      note: `.dev is preloaded as a whole (in-code list as of ${PRELOADED_TLDS.asOf}, from ${PRELOADED_TLDS.source})`,
    });
    // A header known to cover the hosts answers the question even when the list is unknown.
    expect((await check(offline, "hsts.com", ["a.b.hsts.com"])).coversLinkHosts).toBe("yes");
  });

  it("a header behind an invalid certificate, a malformed header, and a domain without address", async () => {
    expect((await check(world.settings, "badcert.com", ["a.b.badcert.com"])).header).toMatchObject({
      state: "absent",
      note: "https://badcert.com/ has an invalid certificate (DEPTH_ZERO_SELF_SIGNED_CERT), so browsers ignore any header it sends",
    });
    expect((await check(world.settings, "malformed.com", ["a.b.malformed.com"])).header).toMatchObject({ state: "absent", raw: "includeSubDomains" });
    const missing = await check(world.settings, "missing.com", ["a.b.missing.com"]);
    expect(missing.header).toMatchObject({ state: "absent", note: "missing.com has no address, so it sends no header (missing.com: NXDOMAIN (the name does not exist))" });
    expect(missing.coversLinkHosts).toBe("no");
  });
});
