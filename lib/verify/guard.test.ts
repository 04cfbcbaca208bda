import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolver } from "./dns";
import { checkAddress, Guard, isAllowedAddress, netConnector, Semaphore, type CheckedAddress } from "./guard";
import { recordingConnector, startWorld, type World } from "./testing/world";
import { verifyHosts } from "./verify";

/**
 * The SSRF guard. Nothing here sends a packet anywhere but to the loopback servers this file starts: refused
 * targets are proven refused by the pure decision and by a connector that records attempts instead of
 * connecting.
 */

// ≥ 20 forbidden targets (issue 6), each with the range ipaddr.js (or the guard's IPv6 rule) puts it in.
const FORBIDDEN: [ip: string, range: string][] = [
  ["127.0.0.1", "loopback"],
  ["127.53.0.9", "loopback"],
  ["::1", "loopback"],
  ["10.0.0.1", "private"],
  ["10.255.255.53", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.254", "private"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "linkLocal"],
  ["169.254.170.2", "linkLocal"],
  ["fd00::1", "uniqueLocal"],
  ["fd00:ec2::254", "uniqueLocal"],
  ["fc00::5", "uniqueLocal"],
  ["fe80::1", "linkLocal"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:169.254.169.254", "linkLocal"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["::", "unspecified"],
  ["100.64.0.1", "carrierGradeNat"],
  ["100.127.255.254", "carrierGradeNat"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["ff02::1", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["192.0.2.10", "reserved"],
  ["198.18.0.1", "reserved"],
  ["240.0.0.1", "reserved"],
  ["2001:db8::1", "reserved"],
  ["64:ff9b::a00:1", "rfc6052"],
  ["2002:a00:1::1", "6to4"],
  ["2001:0:4136:e378::1", "teredo"],
  ["::7f00:1", "ipv4Compatible"],
  ["fec0::1", "deprecatedSiteLocal"],
  ["4000::1", "notGlobalUnicast"],
];

// Forms that parse to a forbidden address: the WHATWG URL parser / inet_aton accept them.
const ODD_FORMS: [ip: string, range: string][] = [
  ["0x7f.1", "loopback"],
  ["2130706433", "loopback"],
  ["0177.0.0.1", "loopback"],
  ["fe80::1%eth0", "linkLocal"],
];

// Public unicast, decided only: no traffic is ever sent to these.
const PUBLIC = ["93.184.216.34", "151.101.1.140", "2606:4700::6810:84e5", "2a04:4e42::223"];

describe("checkAddress: the pure decision", () => {
  it.each(FORBIDDEN)("refuses %s (%s)", (ip, range) => {
    const d = checkAddress(ip, { allowLoopback: false });
    expect(d.allowed).toBe(false);
    expect(d.range).toBe(range);
    expect(isAllowedAddress(ip, { allowLoopback: false })).toBe(false);
  });

  it.each(ODD_FORMS)("refuses the odd form %s (%s)", (ip, range) => {
    expect(checkAddress(ip, { allowLoopback: false })).toMatchObject({ allowed: false, range });
  });

  it("has at least 20 forbidden targets in its corpus", () => {
    expect(FORBIDDEN.length).toBeGreaterThanOrEqual(20);
  });

  it.each(PUBLIC)("allows public unicast %s", (ip) => {
    expect(checkAddress(ip, { allowLoopback: false })).toEqual({ allowed: true, ip, range: "unicast" });
  });

  it("names the metadata address plainly and shows the written form of a mapped address", () => {
    expect(checkAddress("169.254.169.254", { allowLoopback: false })).toEqual({
      allowed: false,
      ip: "169.254.169.254",
      range: "linkLocal",
      reason: "169.254.169.254 is a cloud metadata address, which the verifier never connects to",
    });
    expect(checkAddress("::ffff:10.1.2.3", { allowLoopback: false })).toEqual({
      allowed: false,
      ip: "10.1.2.3",
      range: "private",
      reason: "10.1.2.3 (written as ::ffff:10.1.2.3) is a private address, which the verifier never connects to",
    });
  });

  it("refuses what is not an address", () => {
    expect(checkAddress("localhost", { allowLoopback: true })).toMatchObject({ allowed: false, range: "invalid" });
    expect(checkAddress("", { allowLoopback: true })).toMatchObject({ allowed: false, range: "invalid" });
  });

  it("with allowLoopback lets through 127.0.0.0/8 and ::1 only", () => {
    const allow = { allowLoopback: true };
    expect(checkAddress("127.0.0.1", allow).allowed).toBe(true);
    expect(checkAddress("127.9.8.7", allow).allowed).toBe(true);
    expect(checkAddress("::1", allow).allowed).toBe(true);
    // Mapped and wrapped forms of loopback stay refused, as does everything else in the corpus.
    expect(checkAddress("::ffff:127.0.0.1", allow).allowed).toBe(false);
    expect(checkAddress("::7f00:1", allow).allowed).toBe(false);
    const stillRefused = FORBIDDEN.filter(([, range]) => range !== "loopback").map(([ip]) => ip);
    expect(stillRefused.filter((ip) => checkAddress(ip, allow).allowed)).toEqual([]);
  });
});

describe("the real connector checks again and dials IP literals only", () => {
  it("never dials a forged CheckedAddress in a refused range", async () => {
    const dialled: { host: string; port: number }[] = [];
    const connector = netConnector({ allowLoopback: false }, (o) => {
      dialled.push(o);
      throw new Error("must not be reached");
    });
    for (const [ip] of FORBIDDEN) {
      const forged = { ip, family: ip.includes(":") ? 6 : 4, name: "forged.example.com" } as unknown as CheckedAddress;
      await expect(connector.connect(forged, 443)).rejects.toMatchObject({ code: "EGUARDREFUSED" });
    }
    expect(dialled).toEqual([]);
  });

  it("dials the checked literal itself, so Node does no lookup", async () => {
    const dialled: { host: string; port: number }[] = [];
    const connector = netConnector({ allowLoopback: true }, (o) => {
      dialled.push(o);
      return { once: () => undefined } as unknown as net.Socket;
    });
    await connector.connect({ ip: "127.0.0.1", family: 4, name: "x.example.com" } as unknown as CheckedAddress, 8443);
    expect(dialled).toEqual([{ host: "127.0.0.1", port: 8443 }]);
  });
});

describe("Semaphore", () => {
  it("holds the bound and hands slots on in order", async () => {
    const s = new Semaphore(2);
    const a = await s.acquire();
    const b = await s.acquire();
    const order: string[] = [];
    const c = s.acquire().then((release) => {
      order.push("c");
      return release;
    });
    expect(s.inUse).toBe(2);
    a();
    a(); // releasing twice frees one slot only
    const releaseC = await c;
    expect(order).toEqual(["c"]);
    expect(s.inUse).toBe(2);
    b();
    releaseC();
    expect(s.inUse).toBe(0);
  });
});

describe("through DNS and the connector (local DNS server, recording connector)", () => {
  let world: World;
  const v4 = FORBIDDEN.filter(([ip]) => !ip.includes(":")).map(([ip]) => ip);
  const v6 = FORBIDDEN.filter(([ip]) => ip.includes(":")).map(([ip]) => ip);
  const all = [...v4, ...v6];
  const dnsRecords: Record<string, { a?: string[]; aaaa?: string[]; cname?: string }> = {
    "victim-example.com": { a: ["10.0.0.1"] },
    "sendgrid.net": { a: ["192.168.0.2"] },
    "mixed.attacker-example.com": { a: ["93.184.216.34", "10.0.0.7"] },
  };
  all.forEach((ip, i) => {
    dnsRecords[`t${i}.attacker-example.com`] = ip.includes(":") ? { aaaa: [ip] } : { a: [ip] };
    dnsRecords[`h${i}.links.victim-example.com`] = ip.includes(":") ? { aaaa: [ip] } : { a: [ip] };
    dnsRecords[`c${i}.links.victim-example.com`] = { cname: `t${i}.attacker-example.com` };
    dnsRecords[`b${i}.links.victim-example.com`] = { cname: "sendgrid.net" };
  });

  beforeAll(async () => {
    world = await startWorld({ sites: {}, dns: dnsRecords });
  });
  afterAll(() => world?.close());

  it("refuses a name if ANY of its addresses is forbidden, and says which", async () => {
    const guard = new Guard({ settings: { ...world.settings, allowLoopback: false }, resolver: createResolver(world.settings.dnsServers, 2000) });
    const r = await guard.resolve("mixed.attacker-example.com");
    expect(r).toEqual({
      ok: false,
      name: "mixed.attacker-example.com",
      kind: "refused",
      addresses: ["93.184.216.34", "10.0.0.7"],
      refused: [{ allowed: false, ip: "10.0.0.7", range: "private", reason: "10.0.0.7 is a private address, which the verifier never connects to" }],
      message: "mixed.attacker-example.com resolves to 10.0.0.7 is a private address, which the verifier never connects to",
    });
  });

  it("refuses IP literals without asking DNS", async () => {
    const guard = new Guard({ settings: { ...world.settings, allowLoopback: false }, resolver: createResolver(world.settings.dnsServers, 2000) });
    const before = world.dns.queries.length;
    for (const literal of ["169.254.169.254", "[::1]", "0x7f.1", "::ffff:127.0.0.1"]) {
      expect(await guard.resolve(literal)).toMatchObject({ ok: false, kind: "refused" });
    }
    expect(world.dns.queries.length).toBe(before);
  });

  it("connects to none of the forbidden targets: as CDN address, by name, or behind a CNAME", async () => {
    const settings = { ...world.settings, allowLoopback: false };
    const { attempts, connector } = recordingConnector(settings, { passLoopback: false });
    const before = all.map((_, i) => `b${i}.links.victim-example.com`);
    const byName = all.map((_, i) => `h${i}.links.victim-example.com`);
    const viaCname = all.map((_, i) => `c${i}.links.victim-example.com`);
    const report = await verifyHosts(
      {
        cdn: "cloudfront",
        hosts: [...before, ...byName, ...viaCname, "mixed.links.victim-example.com"],
        targets: [...all.map((_, i) => `t${i}.attacker-example.com`), ...byName.map(() => null), ...all.map((_, i) => `t${i}.attacker-example.com`), "mixed.attacker-example.com"],
        link: "/ls/click?upn=u001.x",
        phase: "auto",
      },
      { settings, connector },
    );
    expect(attempts).toEqual([]);
    for (const host of report.hosts) {
      const refused = host.phase === "before" ? host.checks.find((c) => c.id === "cdn-before-switch") : host.checks.find((c) => c.id === "tls");
      expect(refused, host.host).toMatchObject({ status: "fail", diagnosis: "guard-refused" });
      expect(host.readyToSwitch).toBe(false);
    }
    expect(report.hosts.filter((h) => h.phase === "after").map((h) => h.host)).toEqual([...byName, ...viaCname]);
    // The HSTS fetch of victim-example.com (10.0.0.1) and the preload API on loopback were refused as well.
    expect(report.hsts[0]!.header).toMatchObject({ state: "unknown" });
    expect(report.hsts[0]!.preload).toMatchObject({ status: "unknown" });
  });

  it("with loopback allowed, lets through exactly the loopback literals and nothing else", async () => {
    const settings = { ...world.settings, allowLoopback: true };
    // passLoopback: false — the attempts are recorded, but not even these reach the network.
    const { attempts, connector } = recordingConnector(settings, { passLoopback: false });
    await verifyHosts(
      { cdn: "fastly", hosts: all.map((_, i) => `b${i}.links.victim-example.com`), targets: all.map((_, i) => `t${i}.attacker-example.com`), link: "/ls/click?upn=x" },
      { settings, connector },
    );
    expect([...new Set(attempts.map((a) => a.ip))].sort()).toEqual(["127.0.0.1", "127.53.0.9", "::1"]);
  });
});

describe("redirects and DNS rebinding", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({
      sites: {
        "meta.links.customer.com": { https: { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/iam/" } } },
        "private.links.customer.com": { https: { status: 307, headers: { location: "https://10.0.0.1/admin" } } },
      },
      dns: {
        "meta.links.customer.com": { cname: "sendgrid.net" },
        "private.links.customer.com": { cname: "sendgrid.net" },
        "sendgrid.net": { a: ["127.0.0.1"] },
        "rebind.cdn-example.net": { a: ["127.0.0.1"] },
        "customer.com": { a: ["127.0.0.1"] },
      },
    });
  });
  afterAll(() => world?.close());

  it("reports a redirect to a private or metadata address and never follows it", async () => {
    const { attempts, connector } = recordingConnector(world.settings, { passLoopback: true });
    const report = await verifyHosts(
      { cdn: "keycdn", hosts: ["meta.links.customer.com", "private.links.customer.com"], targets: ["rebind.cdn-example.net", "rebind.cdn-example.net"], link: "/ls/click?upn=1" },
      { settings: world.settings, connector },
    );
    expect([...new Set(attempts.map((a) => a.ip))]).toEqual(["127.0.0.1"]);
    const https = report.hosts[0]!.checks.find((c) => c.id === "https")!;
    expect(https.seen[1]).toBe("HTTP 302 → http://169.254.169.254/latest/meta-data/iam/");
    expect(world.requests.filter((r) => r.host === "10.0.0.1" || r.host === "169.254.169.254")).toEqual([]);
  });

  it("looks a CDN address up once and connects to that checked IP for every probe (no second lookup)", async () => {
    world.dns.queries.length = 0;
    const { attempts, connector } = recordingConnector(world.settings, { passLoopback: true });
    // Rebinding attempt: whatever DNS would say later, the probes use the address checked first.
    const report = await verifyHosts(
      { cdn: "fastly", hosts: ["meta.links.customer.com"], targets: ["rebind.cdn-example.net"], link: "/ls/click?upn=1" },
      { settings: world.settings, connector },
    );
    expect(report.hosts[0]!.checks.find((c) => c.id === "https")!.status).toBe("pass");
    expect(world.dns.queries.filter((q) => q.name === "rebind.cdn-example.net")).toEqual([
      { name: "rebind.cdn-example.net", type: "A" },
      { name: "rebind.cdn-example.net", type: "AAAA" },
    ]);
    const toTarget = attempts.filter((a) => a.name === "rebind.cdn-example.net");
    expect(toTarget.map((a) => a.port).sort()).toEqual([world.settings.httpPort, world.settings.httpsPort].sort());
  });
});
