import { describe, expect, it } from "vitest";
import { cloudflareDnsServer } from "@/lib/dns-hosts/cloudflare/server";
import { route53Server } from "@/lib/dns-hosts/route53/server";
import { createVisitorAccounts, dnsSandboxAccount } from "./accounts";

// The sandbox DNS hosts as the DNS actions use them: a fake per visitor, seeded for each new hostname.
const HOST = "ablink.news.sandbox-dns-accounts.com";

describe("the sandbox DNS hosts", () => {
  it("Route 53 and Cloudflare DNS: the link record points at SendGrid and an owner record sits beside it, in the visitor's own account", async () => {
    const accounts = createVisitorAccounts();
    const r53 = await dnsSandboxAccount("route53", "dnsVisitorAaaaaaaaaaaa", [HOST], accounts);
    const read = await route53Server.read(route53Server.credentialsSchema.parse(r53.credentials), HOST, r53.ctx);
    expect(read.ok && [read.zone.name, read.record]).toEqual(["sandbox-dns-accounts.com", { name: HOST, type: "CNAME", ttl: 3600, value: "sendgrid.net" }]);

    const cf = await dnsSandboxAccount("cloudflare", "dnsVisitorAaaaaaaaaaaa", [HOST], accounts);
    const token = cloudflareDnsServer.credentialsSchema.parse(cf.credentials);
    const cfRead = await cloudflareDnsServer.read(token, HOST, cf.ctx);
    expect(cfRead.ok && [cfRead.record.value, cfRead.record.ttl, cfRead.record.proxied]).toEqual(["sendgrid.net", 3600, false]);
    const owner = await cloudflareDnsServer.read(token, "31415926.news.sandbox-dns-accounts.com", cf.ctx);
    expect(owner.ok && owner.record.value).toBe("sendgrid.net");

    // Another visitor has an account of their own, which has never seen the host.
    const other = await dnsSandboxAccount("route53", "dnsVisitorBbbbbbbbbbbb", [], accounts);
    const otherRead = await route53Server.read(route53Server.credentialsSchema.parse(other.credentials), HOST, other.ctx);
    expect(otherRead.ok ? "found" : otherRead.error.code).toBe("zone_not_found");
  });
});
