import { beforeEach, describe, expect, it } from "vitest";
import { withFakeServer } from "@/lib/testing/fake-server";
import type { PlanInput } from "@/lib/domain/plan";
import type { ApplyReport } from "@/lib/providers/types";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import { cloudflareServer } from "./apply";
import { CloudflareFake, type TokenPermissions } from "@/lib/sandbox/fakes/cloudflare/fake";

// apply, preview and status against the loopback fake (wire-faithful Cloudflare v4, see fake.test.ts).

const TOKEN = "cf-canary-token-Zq8Xv3Lm9Tp2Rk7Wn4Hy6Bc1Df5Gj0Ks";
const HOSTS = ["ablink.x.level-ex.com", "ablink.mail.brand.co.uk"];
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const fake = new CloudflareFake({ readsUntilActive: 3 });

interface Call {
  op: string;
  method: string;
  path: string;
}

const calls = () => fx.calls();
const writes = (list: Call[]) => list.filter((c) => WRITES.has(c.method));

function input(extra: Partial<PlanInput> = {}): PlanInput {
  return { hosts: HOSTS, region: "global", ...extra };
}

function token(permissions?: TokenPermissions, value = TOKEN) {
  fake.addToken(value, permissions ? { permissions } : {});
  return { apiToken: value };
}

function outcomes(report: ApplyReport) {
  return report.hosts.map((h) => [h.host, h.outcome]);
}

const fx = withFakeServer(fake, "cloudflare", { ctx: { maxRetries: 2, maxRetryDelayMs: 20, concurrency: 4 } });
beforeEach(async () => {
  fake.addZone("level-ex.com", { acm: true });
  fake.addZone("brand.co.uk", { acm: true });
});

describe("Cloudflare apply", () => {
  it("is registered as the cloudflare server provider", () => {
    expect(SERVER_PROVIDERS.cloudflare).toBe(cloudflareServer);
    expect(cloudflareServer.credentialsSchema.safeParse({ apiToken: ` ${TOKEN} ` })).toEqual({ success: true, data: { apiToken: TOKEN } });
    expect(cloudflareServer.credentialsSchema.safeParse({ apiToken: "0123456789abcdef0123456789abcdef01234" }).success).toBe(false);
  });

  it("previews every record, rule and certificate order with the current value, changing nothing", async () => {
    fake.addRecord("level-ex.com", { name: "ablink.x", type: "CNAME", content: "d111111abcdef8.cloudfront.net", proxied: false, ttl: 300 });
    const preview = await cloudflareServer.preview(token(), input({ ownerRecords: ["1234567.x.level-ex.com"] }), fx.ctx);
    expect(writes(await calls())).toEqual([]);
    const [x, mail] = preview.hosts;
    expect(x?.error).toBeUndefined();
    expect(x?.changes).toEqual([
      { resource: "Cloudflare zone", action: "reuse", current: "level-ex.com (active, full setup)", next: "Records go in level-ex.com with Name ablink.x" },
      {
        resource: "DNS record ablink.x.level-ex.com",
        action: "update",
        current: "CNAME ablink.x.level-ex.com → d111111abcdef8.cloudfront.net, DNS only, TTL 300",
        next: "CNAME ablink.x.level-ex.com → sendgrid.net, DNS only, TTL Auto",
      },
      { resource: "DNS record 1234567.x.level-ex.com", action: "create", next: "CNAME 1234567.x.level-ex.com → sendgrid.net, DNS only, TTL Auto" },
      {
        resource: "Certificate for ablink.x.level-ex.com",
        action: "create",
        current: "No certificate names ablink.x.level-ex.com",
        next: "Advanced certificate for level-ex.com, ablink.x.level-ex.com (TXT Validation, 90 days, Let's Encrypt)",
      },
      {
        resource: "Configuration Rule for ablink.x.level-ex.com",
        action: "create",
        current: "No Configuration Rules yet",
        next: '(http.host in {"ablink.x.level-ex.com"}) → SSL Full',
      },
    ]);
    expect(x?.notes).toEqual([
      "ablink.x.level-ex.com stays DNS only until you confirm in the wizard: SendGrid shows this link branding as verified (I validated it while the records were DNS only).",
    ]);
    expect(mail?.notes).toContain(
      "The owner record is not in brand.co.uk and was not pasted: add <user_id>.mail.brand.co.uk CNAME sendgrid.net, DNS only, with <user_id> from your link-branding chart.",
    );
  });

  it("applies in order of work, re-runs without duplicates, and proxies only after validation and an active certificate", async () => {
    const creds = token();
    const zones = ["level-ex.com", "brand.co.uk"].map((z) => fake.state(z).zone.id);

    // Run 1: records DNS only, certificate ordered, SSL Full rule; pending until validation.
    const first = await cloudflareServer.apply(creds, input({ ownerRecords: ["1234567.x.level-ex.com"] }), fx.ctx);
    expect(outcomes(first)).toEqual([
      ["ablink.x.level-ex.com", "pending"],
      ["ablink.mail.brand.co.uk", "pending"],
    ]);
    expect(first.complete).toBe(false);
    expect(first.hosts[0]?.summary).toBe(
      "Certificate initializing: Cloudflare validates the TXT record itself when your DNS is on Cloudflare; check again in a few minutes. The records are DNS only. Needed before the proxy goes on: Link branding exists and is validated in SendGrid while its records still point at SendGrid (DNS only). Confirm it in the wizard, then apply again to turn on the proxy.",
    );
    expect(first.hosts[0]?.resources.map((r) => [r.kind, r.createdByThisRun, r.status])).toEqual([
      ["DNS record", true, "CNAME ablink.x.level-ex.com → sendgrid.net, DNS only, TTL Auto"],
      ["DNS record", true, "CNAME 1234567.x.level-ex.com → sendgrid.net, DNS only, TTL Auto"],
      ["Advanced certificate", true, "initializing"],
      ["Configuration Rule", true, "SSL Full"],
    ]);
    expect(first.hosts[1]?.records).toEqual([
      {
        type: "CNAME",
        name: "<user_id>.mail.brand.co.uk",
        relativeName: "<user_id>.mail",
        zone: "brand.co.uk",
        value: "sendgrid.net",
        valueKnown: true,
        proxied: false,
        ttl: "Auto",
        purpose: "SendGrid's owner record (<user id>.<domain>): it stays a DNS-only CNAME to SendGrid. Copy <user_id> from your link-branding chart.",
        phase: "setup",
      },
    ]);

    // Every zone was probed before the first write.
    const log1 = await calls();
    const firstWrite = log1.findIndex((c) => WRITES.has(c.method));
    for (const id of zones) {
      const probe = log1.findIndex((c) => c.op === "ListCertificatePacks" && c.path.includes(id));
      expect(probe).toBeGreaterThanOrEqual(0);
      expect(probe).toBeLessThan(firstWrite);
    }

    const x = fake.state("level-ex.com");
    expect(x.records.map((r) => [r.name, r.type, r.content, r.proxied, r.ttl])).toEqual([
      ["ablink.x.level-ex.com", "CNAME", "sendgrid.net", false, 1],
      ["1234567.x.level-ex.com", "CNAME", "sendgrid.net", false, 1],
    ]);
    expect(x.packs.map((p) => [p.type, p.hosts])).toEqual([
      ["universal", ["level-ex.com", "*.level-ex.com"]],
      ["advanced", ["level-ex.com", "ablink.x.level-ex.com"]],
    ]);
    expect(x.rulesets.http_config_settings?.rules.map((r) => [r.action, r.action_parameters, r.expression, r.enabled])).toEqual([
      ["set_config", { ssl: "full" }, '(http.host in {"ablink.x.level-ex.com"})', true],
    ]);
    expect(fake.state("brand.co.uk").records.map((r) => r.name)).toEqual(["ablink.mail.brand.co.uk"]);

    // Run 2, same input: nothing written, nothing duplicated.
    const before = (await calls()).length;
    const second = await cloudflareServer.apply(creds, input({ ownerRecords: ["1234567.x.level-ex.com"] }), fx.ctx);
    expect(outcomes(second)).toEqual(outcomes(first));
    expect(writes((await calls()).slice(before))).toEqual([]);
    expect(fake.state("level-ex.com").records).toHaveLength(2);
    expect(fake.state("level-ex.com").packs).toHaveLength(2);
    expect(fake.state("level-ex.com").rulesets.http_config_settings?.rules).toHaveLength(1);
    expect(second.hosts[0]?.resources.every((r) => !r.createdByThisRun)).toBe(true);

    // status() polls the certificate until it is active, changing nothing.
    expect(second.hosts[0]?.resources.find((r) => r.kind === "Advanced certificate")?.status).toBe("pending issuance");
    const beforeStatus = (await calls()).length;
    const seen: string[] = [];
    for (let i = 0; i < 5 && seen.at(-1) !== "active"; i++) {
      const s = await cloudflareServer.status(creds, input(), fx.ctx);
      seen.push(s.hosts[0]?.resources.find((r) => r.kind === "Advanced certificate")?.status ?? "none");
    }
    expect(seen.at(-1)).toBe("active");
    expect(writes((await calls()).slice(beforeStatus))).toEqual([]);

    // Run 3: not yet confirmed, so still DNS only even with an active certificate.
    const third = await cloudflareServer.apply(creds, input({ ownerRecords: ["1234567.x.level-ex.com"] }), fx.ctx);
    expect(third.hosts[0]?.outcome).toBe("pending");
    expect(fake.state("level-ex.com").records[0]?.proxied).toBe(false);

    // Run 4: the person confirms validation; the link host (only) is proxied.
    fake.settleCertificates();
    const fourth = await cloudflareServer.apply(creds, input({ ownerRecords: ["1234567.x.level-ex.com"], linkBrandingValidated: true }), fx.ctx);
    expect(outcomes(fourth)).toEqual([
      ["ablink.x.level-ex.com", "updated"],
      ["ablink.mail.brand.co.uk", "updated"],
    ]);
    expect(fourth.complete).toBe(true);
    expect(fourth.hosts[0]?.summary).toBe(
      "ablink.x.level-ex.com is proxied by Cloudflare with SSL Full and an active certificate. Test a tracked link over HTTPS. Then: SendGrid support or your account team turns on SSL click tracking, per account (subusers separately).",
    );
    expect(fake.state("level-ex.com").records.map((r) => [r.name, r.proxied])).toEqual([
      ["ablink.x.level-ex.com", true],
      ["1234567.x.level-ex.com", false],
    ]);

    // Run 5: everything matches.
    const before5 = (await calls()).length;
    const fifth = await cloudflareServer.apply(creds, input({ ownerRecords: ["1234567.x.level-ex.com"], linkBrandingValidated: true }), fx.ctx);
    expect(outcomes(fifth)).toEqual([
      ["ablink.x.level-ex.com", "unchanged"],
      ["ablink.mail.brand.co.uk", "unchanged"],
    ]);
    expect(writes((await calls()).slice(before5))).toEqual([]);
    const status = await cloudflareServer.status(creds, input(), fx.ctx);
    expect(status.complete).toBe(true);
  });

  it("adopts what exists: fixes records, keeps other Configuration Rules, reports Page Rules and the zone-wide mode", async () => {
    fake.addZone("other.com");
    fake.addRecord("level-ex.com", { name: "ablink.x", type: "CNAME", content: "sendgrid.net", proxied: false, ttl: 3600 });
    fake.addRecord("level-ex.com", { name: "7654321.x", type: "CNAME", content: "sendgrid.net", proxied: true });
    fake.addPageRule("level-ex.com", "ablink.x.level-ex.com/*", [{ id: "ssl", value: "flexible" }]);
    fake.setRules("level-ex.com", "http_config_settings", [
      { action: "set_config", action_parameters: { rocket_loader: false }, expression: '(http.host eq "www.level-ex.com")', description: "keep me" },
      { action: "set_config", action_parameters: { ssl: "strict" }, expression: '(http.host in {"ablink.x.level-ex.com"})', description: "old", enabled: false },
    ]);
    const keep = fake.state("level-ex.com").rulesets.http_config_settings!.rules[0]!;

    const creds = token();
    const zoneId = fake.state("level-ex.com").zone.id;
    await fetch(`${fx.server.url}/zones/${zoneId}/settings/ssl`, { method: "PATCH", headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ value: "strict" }) });

    const report = await cloudflareServer.apply(creds, input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    const host = report.hosts[0]!;
    expect(host.outcome).toBe("pending");
    expect(host.records).toEqual([]);
    expect(fake.state("level-ex.com").ssl).toBe("strict");
    const s = fake.state("level-ex.com");
    expect(s.records.map((r) => [r.name, r.content, r.proxied, r.ttl])).toEqual([
      ["ablink.x.level-ex.com", "sendgrid.net", false, 1],
      ["7654321.x.level-ex.com", "sendgrid.net", false, 1],
    ]);
    const rules = s.rulesets.http_config_settings!.rules;
    expect(rules.map((r) => [r.id, r.description, r.action_parameters, r.enabled])).toEqual([
      [keep.id, "keep me", { rocket_loader: false }, true],
      [rules[1]!.id, "old", { ssl: "full" }, true],
    ]);
    expect(host.resources.find((r) => r.kind === "Configuration Rule")?.createdByThisRun).toBe(false);
    expect(host.differences).toEqual([
      "The zone-wide SSL/TLS mode is Full (strict); the Configuration Rule sets Full for ablink.x.level-ex.com only and leaves the rest of the zone as it is.",
      "A Page Rule (ablink.x.level-ex.com/*) sets SSL to flexible for ablink.x.level-ex.com. Page Rules are deprecated; the Configuration Rule takes precedence over it, and you may delete the Page Rule once the rule is deployed.",
    ]);
  });

  it("serialises rule writes per zone, so concurrent hosts never drop each other's rules", async () => {
    const hosts = ["ablink.a.level-ex.com", "ablink.b.level-ex.com", "ablink.c.level-ex.com", "ablink.d.level-ex.com"];
    const report = await cloudflareServer.apply(token(), { hosts, region: "eu" }, { ...fx.ctx, concurrency: 4 });
    expect(report.hosts.map((h) => h.outcome)).toEqual(["pending", "pending", "pending", "pending"]);
    const s = fake.state("level-ex.com");
    expect(s.rulesets.http_config_settings?.rules.map((r) => r.expression)).toEqual(hosts.map((h) => `(http.host in {"${h}"})`));
    expect(s.records.map((r) => r.content)).toEqual(["eu.sendgrid.net", "eu.sendgrid.net", "eu.sendgrid.net", "eu.sendgrid.net"]);
  });

  it("uses a delegated sub-zone (longest suffix first), where Universal SSL covers the link host", async () => {
    fake.addZone("x.level-ex.com", { acm: true });
    const report = await cloudflareServer.apply(token(), input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(report.hosts[0]?.resources.map((r) => [r.kind, r.createdByThisRun])).toEqual([
      ["DNS record", true],
      ["Universal SSL certificate", false],
      ["Configuration Rule", true],
    ]);
    expect(fake.state("x.level-ex.com").records.map((r) => r.name)).toEqual(["ablink.x.level-ex.com"]);
    expect(fake.state("x.level-ex.com").packs).toHaveLength(1);
    expect(fake.state("level-ex.com").records).toEqual([]);
  });

  it("names the missing permission before changing anything", async () => {
    const noRules = token({ zone: "read", dns: "edit", ssl: "edit" }, "cf-token-without-config-rules-0123456789ab");
    const report = await cloudflareServer.apply(noRules, input(), fx.ctx);
    expect(report.hosts.map((h) => h.error)).toEqual([
      {
        code: "10000",
        message: "The API token lacks Zone › Config Rules Edit for level-ex.com. Nothing was changed in level-ex.com.",
        action: "Edit the token in My Profile › API Tokens: add Zone › Config Rules Edit, with level-ex.com included under Zone Resources. Then run apply again.",
      },
      {
        code: "10000",
        message: "The API token lacks Zone › Config Rules Edit for brand.co.uk. Nothing was changed in brand.co.uk.",
        action: "Edit the token in My Profile › API Tokens: add Zone › Config Rules Edit, with brand.co.uk included under Zone Resources. Then run apply again.",
      },
    ]);
    expect(writes(await calls())).toEqual([]);

    const zoneOnly = token({ zone: "read" }, "cf-token-zone-read-only-0123456789abcdefgh");
    const preview = await cloudflareServer.preview(zoneOnly, input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(preview.hosts[0]?.error?.message).toBe(
      "The API token lacks Zone › DNS Edit and Zone › Config Rules Edit and Zone › SSL and Certificates Edit for level-ex.com. Nothing was changed in level-ex.com.",
    );

    const noZoneRead = token({ dns: "edit", configRules: "edit", ssl: "edit" }, "cf-token-without-zone-read-0123456789abc");
    const r2 = await cloudflareServer.apply(noZoneRead, input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(r2.hosts[0]?.error?.message).toBe("The API token lacks Zone › Zone Read for x.level-ex.com. Nothing was changed in x.level-ex.com.");
  });

  it("names DNS Edit when a read-only DNS token is refused at the first write", async () => {
    const dnsRead = token({ zone: "read", dns: "read", configRules: "edit", ssl: "edit" }, "cf-token-dns-read-only-0123456789abcdefg");
    const report = await cloudflareServer.apply(dnsRead, input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(report.hosts[0]?.outcome).toBe("failed");
    expect(report.hosts[0]?.error).toEqual({
      code: "10000",
      message: "The API token lacks Zone › DNS Edit for level-ex.com.",
      action: "Edit the token in My Profile › API Tokens: add Zone › DNS Edit, with level-ex.com included under Zone Resources. Then run apply again.",
    });
  });

  it("reports a zone that is not in the account without hiding the other host", async () => {
    const report = await cloudflareServer.apply(token(), input({ hosts: ["ablink.news.example.org", "ablink.x.level-ex.com"] }), fx.ctx);
    expect(report.hosts[0]).toMatchObject({
      host: "ablink.news.example.org",
      outcome: "failed",
      error: {
        code: "zone_not_found",
        message: "No Cloudflare zone for ablink.news.example.org is visible to this token (looked for news.example.org, example.org).",
      },
    });
    expect(report.hosts[1]?.outcome).toBe("pending");
    expect(fake.state("level-ex.com").records).toHaveLength(1);
  });

  it("reports a zone without Advanced Certificate Manager (1450) and still does the rest", async () => {
    fake.addZone("noacm.com");
    const report = await cloudflareServer.apply(token(), input({ hosts: ["ablink.x.noacm.com"] }), fx.ctx);
    const host = report.hosts[0]!;
    expect(host.outcome).toBe("failed");
    expect(host.error).toEqual({
      code: "1450",
      message: "Cloudflare refused the certificate order: noacm.com has no Advanced Certificate Manager.",
      action: "Subscribe noacm.com to Advanced Certificate Manager (SSL/TLS › Edge Certificates), or upload a custom certificate naming the host; then run apply again.",
    });
    expect(fake.state("noacm.com").records).toHaveLength(1);
    expect(fake.state("noacm.com").rulesets.http_config_settings?.rules).toHaveLength(1);
  });

  it("retries an injected 429 (bounded Retry-After) and 5xx without duplicating anything", async () => {
    await fx.faults([
      { match: "CreateDnsRecord", status: 429, times: 1, retryAfter: 300, body: JSON.stringify({ success: false, errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }], messages: [], result: null }) },
      { match: "GetEntrypoint", status: 502, times: 1, body: "<html>bad gateway</html>", contentType: "text/html" },
    ]);
    const report = await cloudflareServer.apply(token(), input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(report.hosts[0]?.outcome).toBe("pending");
    expect(report.hosts[0]?.error).toBeUndefined();
    const ops = (await calls()).map((c) => c.op);
    expect(ops.filter((o) => o === "CreateDnsRecord")).toHaveLength(2);
    expect(fake.state("level-ex.com").records).toHaveLength(1);
  });

  it("adopts a record Cloudflare says already exists (81057) instead of showing the error", async () => {
    // The record appears between the read and the create (another tab, a retried create): the reads see nothing, the create gets 81057.
    fake.addRecord("level-ex.com", { name: "ablink.x", type: "CNAME", content: "sendgrid.net" });
    const empty = JSON.stringify({ success: true, errors: [], messages: [], result: [], result_info: { page: 1, per_page: 100, count: 0, total_count: 0, total_pages: 1 } });
    await fx.faults([{ match: "ListDnsRecords", status: 200, times: 2, body: empty }]);
    const report = await cloudflareServer.apply(token(), input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(report.hosts[0]?.error).toBeUndefined();
    expect(report.hosts[0]?.resources[0]).toMatchObject({ kind: "DNS record", createdByThisRun: false });
    expect((await calls()).filter((c) => c.op === "CreateDnsRecord")).toHaveLength(1);
    expect(fake.state("level-ex.com").records).toHaveLength(1);
  });

  it("refuses to put a CNAME beside another record at the link host, and says what to do", async () => {
    fake.addRecord("level-ex.com", { name: "ablink.x", type: "A", content: "192.0.2.10" });
    const report = await cloudflareServer.apply(token(), input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(report.hosts[0]?.error).toEqual({
      code: "81053",
      message: "ablink.x.level-ex.com already has a record of type A (192.0.2.10), and a CNAME cannot sit beside it.",
      action: "In DNS › Records, delete the A record with Name ablink.x (or pick another link host in SendGrid), then run apply again.",
    });
    expect(fake.state("level-ex.com").records.map((r) => r.type)).toEqual(["A"]);
  });

  it("gives up after the bounded retries and says what to do", async () => {
    await fx.faults([{ match: "OrderCertificatePack", status: 429, times: 10, retryAfter: 1 }]);
    const report = await cloudflareServer.apply(token(), input({ hosts: ["ablink.x.level-ex.com"] }), fx.ctx);
    expect(report.hosts[0]?.error).toEqual({
      code: "429",
      message: "Cloudflare's rate limit was reached (1,200 requests per five minutes per token).",
      action: "Wait five minutes, then run apply again; it continues where it stopped.",
    });
    expect((await calls()).filter((c) => c.op === "OrderCertificatePack")).toHaveLength(3);
  });

  it("refuses an unknown token for every host", async () => {
    const report = await cloudflareServer.apply({ apiToken: "cf-unknown-token-0123456789abcdefghijklmn" }, input(), fx.ctx);
    expect(report.hosts.map((h) => [h.outcome, h.error?.code])).toEqual([
      ["failed", "1000"],
      ["failed", "1000"],
    ]);
    expect(report.hosts[0]?.error?.action).toBe("Create an API token in My Profile › API Tokens › Create Token with the permissions listed, paste it, and run apply again.");
  });

  it("canary: the token never appears in any result, even when Cloudflare echoes it", async () => {
    const creds = token();
    await fx.faults([
      { match: "OrderCertificatePack", status: 400, times: 5, body: JSON.stringify({ success: false, errors: [{ code: 1001, message: `bad request from Bearer ${TOKEN} (token ${TOKEN})` }], messages: [], result: null }) },
    ]);
    const results = [
      await cloudflareServer.preview(creds, input(), fx.ctx),
      await cloudflareServer.apply(creds, input(), fx.ctx),
      await cloudflareServer.status(creds, input(), fx.ctx),
      await cloudflareServer.apply({ apiToken: `${TOKEN}x` }, input(), fx.ctx),
    ];
    const text = JSON.stringify(results);
    expect(text).toContain("Cloudflare refused to order a certificate for ablink.x.level-ex.com: bad request from Bearer [redacted] (token [redacted])");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(8, 30));
  });
});
