import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDnsClient, createResolver, firstHop, resolveChain, type DnsQuestioner } from "./dns";
import { zoneCandidates } from "@/lib/hostnames";
import { Guard } from "./guard";
import { DEFAULT_SETTINGS } from "./settings";
import { startDnsServer, type TestDnsServer } from "./testing/dns-server";
import { startDeadServers } from "./testing/world";

let server: TestDnsServer;
let resolver: DnsQuestioner;

beforeAll(async () => {
  server = await startDnsServer({
    "ablink.news.customer.com": { cname: "d1.cloudfront.net" },
    "d1.cloudfront.net": { cname: "edge.cloudfront.net" },
    "edge.cloudfront.net": { a: ["127.0.0.1", "127.0.0.2"], aaaa: ["::1"] },
    "loop1.customer.com": { cname: "loop2.customer.com" },
    "loop2.customer.com": { cname: "loop1.customer.com" },
    "dangling.customer.com": { cname: "gone.cloudfront.net" },
    "empty.customer.com": {},
    "direct.customer.com": { a: ["127.0.0.1"] },
    "customer.com": { ns: ["ns1.customer-dns.example", "ns2.customer-dns.example"] },
    "ns1.customer-dns.example": { a: ["127.0.0.1"] },
    "ns2.customer-dns.example": { a: ["127.0.0.1"] },
    "private-ns.com": { ns: ["ns.private-ns.com"] },
    "ns.private-ns.com": { a: ["10.0.0.53"] },
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`deep${i}.customer.com`, { cname: `deep${i + 1}.customer.com` }])),
    "deep12.customer.com": { a: ["127.0.0.1"] },
  });
  resolver = createResolver([server.server], 2000);
});
afterAll(() => server?.close());

describe("resolveChain", () => {
  it("follows CNAMEs one hop at a time, then asks for A and AAAA", async () => {
    expect(await resolveChain("ABLINK.news.customer.com.", resolver, 8)).toEqual({
      name: "ablink.news.customer.com",
      chain: ["ablink.news.customer.com", "d1.cloudfront.net", "edge.cloudfront.net"],
      addresses: ["127.0.0.1", "127.0.0.2", "::1"],
      outcome: "ok",
      error: null,
    });
  });
  it("NXDOMAIN (ENOTFOUND) for the name itself", async () => {
    expect(await resolveChain("missing.customer.com", resolver, 8)).toMatchObject({ outcome: "nxdomain", chain: ["missing.customer.com"], error: "missing.customer.com: NXDOMAIN (the name does not exist)" });
  });
  it("a dangling CNAME", async () => {
    expect(await resolveChain("dangling.customer.com", resolver, 8)).toMatchObject({ outcome: "dangling", chain: ["dangling.customer.com", "gone.cloudfront.net"] });
  });
  it("a name with no A/AAAA (ENODATA)", async () => {
    expect(await resolveChain("empty.customer.com", resolver, 8)).toMatchObject({ outcome: "nodata", error: "empty.customer.com has no A or AAAA record" });
  });
  it("a loop", async () => {
    expect(await resolveChain("loop1.customer.com", resolver, 8)).toMatchObject({ outcome: "loop", chain: ["loop1.customer.com", "loop2.customer.com", "loop1.customer.com"] });
  });
  it("stops at the depth limit", async () => {
    const r = await resolveChain("deep0.customer.com", resolver, 8);
    expect(r).toMatchObject({ outcome: "too-deep", error: "more than 8 CNAME hops" });
    expect(r.chain).toHaveLength(10);
    expect((await resolveChain("deep0.customer.com", resolver, 12)).outcome).toBe("ok");
  });
  it("a server that does not answer is an error, not NXDOMAIN", async () => {
    const dead = await startDeadServers();
    try {
      const r = await resolveChain("x.customer.com", createResolver([dead.udpServer], 200), 8);
      expect(r).toMatchObject({ outcome: "error", error: "x.customer.com: the DNS server did not answer in time" });
    } finally {
      await dead.close();
    }
  });
});

describe("firstHop", () => {
  it("CNAME, addresses, NXDOMAIN, no data", async () => {
    expect(await firstHop("ablink.news.customer.com", resolver)).toEqual({ kind: "cname", target: "d1.cloudfront.net" });
    expect(await firstHop("direct.customer.com", resolver)).toEqual({ kind: "address", addresses: ["127.0.0.1"] });
    expect(await firstHop("missing.customer.com", resolver)).toEqual({ kind: "nxdomain" });
    expect(await firstHop("empty.customer.com", resolver)).toEqual({ kind: "nodata" });
  });
});

describe("authoritative servers", () => {
  it("zone candidates walk up to the registrable domain", () => {
    expect(zoneCandidates("ablink.news.customer.co.uk")).toEqual(["news.customer.co.uk", "customer.co.uk"]);
    expect(zoneCandidates("ablink.customer.com")).toEqual(["customer.com"]);
  });

  it("with VERIFY_DNS_SERVERS every question, the authoritative ones included, goes to those servers", async () => {
    const settings = { ...DEFAULT_SETTINGS, dnsServers: [server.server], hstsPreloadApiBaseUrl: "http://unused.invalid/" };
    const guard = new Guard({ settings, resolver });
    const client = createDnsClient(settings, guard, resolver);
    const auth = await client.authoritative("ablink.news.customer.com");
    expect(auth).toMatchObject({ ok: true, zone: "customer.com", servers: [server.server] });
    expect(auth.ok && auth.resolver).toBe(resolver);
  });

  it("otherwise finds the zone cut by NS and resolves the name servers through the guard", async () => {
    // The public resolver is the local server here, so no question leaves the machine; the authoritative
    // resolvers are only built, never asked.
    const settings = { ...DEFAULT_SETTINGS, dnsServers: [], allowLoopback: true, hstsPreloadApiBaseUrl: "http://unused.invalid/" };
    const guard = new Guard({ settings, resolver });
    const client = createDnsClient(settings, guard, resolver);
    server.queries.length = 0;
    expect(await client.authoritative("ablink.news.customer.com")).toMatchObject({ ok: true, zone: "customer.com", servers: ["ns1.customer-dns.example", "ns2.customer-dns.example"] });
    expect(server.queries.filter((q) => q.type === "NS").map((q) => q.name)).toEqual(["news.customer.com", "customer.com"]);
    // A zone whose name servers are private is refused, never asked.
    expect(await client.authoritative("ablink.private-ns.com")).toEqual({ ok: false, error: "the name servers of private-ns.com (ns.private-ns.com) could not be used" });
  });
});
