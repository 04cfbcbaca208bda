import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolver, type DnsQuestioner } from "@/lib/verify/dns";
import { startDnsServer, type TestDnsServer } from "@/lib/verify/testing/dns-server";
import { detectDnsHosts } from "./detect";

let server: TestDnsServer;
let resolver: DnsQuestioner;

beforeAll(async () => {
  server = await startDnsServer({
    // A Route 53 zone at the registrable domain; the link host is a CNAME to SendGrid (whose zone is elsewhere).
    "r53.example": { ns: ["ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com", "ns-1024.awsdns-00.org", "ns-512.awsdns-00.net"] },
    "ablink.news.r53.example": { cname: "sendgrid.net" },
    "sendgrid.net": { ns: ["ns1.sendgrid-dns.example"], a: ["127.0.0.1"] },
    // A delegated sub-zone on Cloudflare below a Route 53 domain: the sub-zone's host wins.
    "news.r53.example": { ns: ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"] },
    "ablink.other.r53.example": { cname: "sendgrid.net" },
    // A zone on a host the wizard only names.
    "azure.example": { ns: ["ns1-01.azure-dns.com", "ns2-01.azure-dns.net"] },
    "ablink.azure.example": { cname: "sendgrid.net" },
    // Split between two hosts.
    "split.example": { ns: ["ns-1.awsdns-01.org", "ada.ns.cloudflare.com"] },
    "ablink.split.example": { cname: "sendgrid.net" },
    // Unrecognised.
    "own.example": { ns: ["ns1.own.example"] },
    "ablink.own.example": { cname: "sendgrid.net" },
  });
  resolver = createResolver([server.server], 2000);
});
afterAll(() => server.close());

describe("detectDnsHosts", () => {
  it("walks up to the zone cut, skipping CNAMEs, and matches the zone's name servers", async () => {
    const found = await detectDnsHosts(["ablink.news.r53.example", "ablink.other.r53.example", "ablink.azure.example", "ablink.split.example", "ablink.own.example", "ablink.nowhere.example"], resolver);
    expect(found.map((f) => [f.host, f.zone, f.dnsHost, f.knownAs])).toEqual([
      ["ablink.news.r53.example", "news.r53.example", "cloudflare", null],
      ["ablink.other.r53.example", "r53.example", "route53", null],
      ["ablink.azure.example", "azure.example", null, "Azure DNS"],
      ["ablink.split.example", "split.example", null, null],
      ["ablink.own.example", "own.example", null, null],
      ["ablink.nowhere.example", null, null, null],
    ]);
    expect(found[1]!.nameServers).toEqual(["ns-0.awsdns-00.com", "ns-1024.awsdns-00.org", "ns-1536.awsdns-00.co.uk", "ns-512.awsdns-00.net"]);
    expect(found[3]!.note).toBe("The zone's name servers belong to more than one DNS host (Amazon Route 53, Cloudflare DNS): change the record at each of them by hand.");
    expect(found[5]!.note).toBe("No zone was found for ablink.nowhere.example in the DNS.");
    // The link hosts' NS questions are never asked: they are CNAMEs (a resolver would answer for sendgrid.net).
    expect(server.queries.filter((q) => q.type === "NS" && q.name.startsWith("ablink.") && q.name !== "ablink.nowhere.example")).toEqual([]);
  });
});
