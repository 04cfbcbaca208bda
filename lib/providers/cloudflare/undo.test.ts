import { beforeEach, describe, expect, it } from "vitest";
import { withFakeServer } from "@/lib/testing/fake-server";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import type { UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import { cloudflareServer } from "./apply";
import { CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";
import { RECORD_COMMENT } from "./settings";

const TOKEN = "cf-undo-token-Zq8Xv3Lm9Tp2Rk7Wn4Hy6Bc1Df5Gj0K";
const ZONE = "level-ex.com";
const X = "ablink.x.level-ex.com";
const Y = "ablink.y.level-ex.com";
const OWNER = "1234567.x.level-ex.com";
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const GONE = "Already gone: it no longer exists in this account.";
const OTHER_RULE = { action: "set_config", action_parameters: { ssl: "strict" }, expression: '(http.host eq "www.level-ex.com")', description: "someone else's rule", enabled: true };

const fake = new CloudflareFake({ readsUntilActive: 3 });
const creds = { apiToken: TOKEN };

const calls = () => fx.calls();
const writes = async () => (await calls()).filter((c) => WRITES.has(c.method)).map((c) => c.op);

const fx = withFakeServer(fake, "cloudflare", { ctx: { maxRetries: 1, maxRetryDelayMs: 20, concurrency: 4 } });
beforeEach(async () => {
  fake.addToken(TOKEN);
  fake.addZone(ZONE, { acm: true });
  fake.addRecord(ZONE, { name: "www", type: "A", content: "192.0.2.10", proxied: true });
  fake.setRules(ZONE, "http_config_settings", [OTHER_RULE]);
});

async function applied(): Promise<UndoTarget[]> {
  const report = await cloudflareServer.apply(creds, { hosts: [X, Y], region: "global", ownerRecords: [OWNER] }, fx.ctx);
  expect(report.hosts.map((h) => h.error)).toEqual([undefined, undefined]);
  return createdTargets(report);
}

describe("Cloudflare undo", () => {
  it("removes exactly what apply created: its records, its rule (others stay), its certificates", async () => {
    const targets = await applied();
    expect(targets.map((t) => [t.kind, t.host])).toEqual([
      [RESOURCE_KIND.dnsRecord, X],
      [RESOURCE_KIND.dnsRecord, X],
      [RESOURCE_KIND.advancedCertificate, X],
      [RESOURCE_KIND.configurationRule, X],
      [RESOURCE_KIND.dnsRecord, Y],
      [RESOURCE_KIND.advancedCertificate, Y],
      [RESOURCE_KIND.configurationRule, Y],
    ]);
    // Apply marks what it creates.
    // Hosts of one zone run at once, so the records' order is not fixed: compare sorted.
    const marked = fake.state(ZONE).records.filter((r) => r.name !== `www.${ZONE}`).map((r) => [r.name, r.comment]);
    expect(marked.sort()).toEqual(
      [
        [X, RECORD_COMMENT],
        [OWNER, RECORD_COMMENT],
        [Y, RECORD_COMMENT],
      ].sort(),
    );
    const before = await writes();

    const report = await cloudflareServer.undo(creds, targets, fx.ctx);
    expect(report.complete).toBe(true);
    expect(report.results.map((r) => [r.kind, r.outcome])).toEqual(targets.map((t) => [t.kind, "removed"]));
    expect(report.results.map((r) => r.message)).toEqual([
      `Deleted the CNAME record ${X} → sendgrid.net.`,
      `Deleted the CNAME record ${OWNER} → sendgrid.net.`,
      `Deleted the Advanced certificate for ${ZONE}, ${X}.`,
      `Removed the Configuration Rule for ${X}; the zone's 2 other rules stay as they are.`,
      `Deleted the CNAME record ${Y} → sendgrid.net.`,
      `Deleted the Advanced certificate for ${ZONE}, ${Y}.`,
      `Removed the Configuration Rule for ${Y}; the zone's 1 other rule stays as it is.`,
    ]);
    // Records first, then the rules (one read-merge-write at a time), then the certificates.
    expect((await writes()).slice(before.length)).toEqual([
      "DeleteDnsRecord",
      "DeleteDnsRecord",
      "DeleteDnsRecord",
      "UpdateEntrypoint",
      "UpdateEntrypoint",
      "DeleteCertificatePack",
      "DeleteCertificatePack",
    ]);
    const state = fake.state(ZONE);
    expect(state.records.map((r) => [r.name, r.type, r.content])).toEqual([[`www.${ZONE}`, "A", "192.0.2.10"]]);
    expect(state.rulesets.http_config_settings?.rules.map((r) => [r.description, r.expression, r.action_parameters])).toEqual([
      [OTHER_RULE.description, OTHER_RULE.expression, OTHER_RULE.action_parameters],
    ]);
    expect(state.packs.map((p) => p.type)).toEqual(["universal"]);

    // Again: everything is already gone and nothing is written.
    const again = await cloudflareServer.undo(creds, targets, fx.ctx);
    expect(again.complete).toBe(true);
    expect(again.results.map((r) => r.message)).toEqual(targets.map(() => GONE));
    expect((await writes()).length).toBe(before.length + 7);
  });

  it("refuses records that were there before, other rules, and certificates apply does not order", async () => {
    // The link record for X exists before apply: apply adopts it (not created by this run).
    const existing = fake.addRecord(ZONE, { name: "ablink.x", type: "CNAME", content: "sendgrid.net", comment: "made by hand" });
    const targets = await applied();
    expect(targets.filter((t) => t.kind === RESOURCE_KIND.dnsRecord).map((t) => t.id)).not.toContain(existing.id);
    const state = fake.state(ZONE);
    const otherRule = state.rulesets.http_config_settings!.rules.find((r) => r.description === OTHER_RULE.description)!;
    const universal = state.packs.find((p) => p.type === "universal")!;
    const www = state.records.find((r) => r.name === `www.${ZONE}`)!;
    const before = await writes();

    const report = await cloudflareServer.undo(
      creds,
      [
        { kind: RESOURCE_KIND.dnsRecord, id: existing.id, host: X },
        { kind: RESOURCE_KIND.dnsRecord, id: www.id, host: X },
        { kind: RESOURCE_KIND.configurationRule, id: otherRule.id, host: X },
        { kind: RESOURCE_KIND.advancedCertificate, id: universal.id, host: X },
        { kind: RESOURCE_KIND.universalCertificate, id: universal.id, host: X },
        { kind: RESOURCE_KIND.dnsRecord, id: "0123456789abcdef0123456789abcdef", host: "ablink.x.elsewhere.org" },
      ],
      fx.ctx,
    );
    expect(report.results.map((r) => [r.outcome, r.message])).toEqual([
      ["refused", `Not removed: ${X} does not carry the comment "${RECORD_COMMENT}" that apply puts on the records it creates, so it was there before.`],
      ["refused", `Not removed: www.${ZONE} does not carry the comment "${RECORD_COMMENT}" that apply puts on the records it creates, so it was there before.`],
      ["refused", `Not removed: it is not the rule apply writes for ${X} (description "SSL click tracking: SSL Full for ${X}", expression (http.host in {"${X}"})).`],
      ["refused", `Not removed: it is not the certificate apply orders for ${X} (an advanced certificate for exactly ${ZONE}, ${X}); it covers ${ZONE}, *.${ZONE}.`],
      ["refused", "Not removed: undo removes no Universal SSL certificate for this CDN."],
      ["refused", "Not removed: no Cloudflare zone for ablink.x.elsewhere.org is visible to this token."],
    ]);
    expect((await writes()).length).toBe(before.length);
    expect(fake.state(ZONE)).toEqual(state);
  });

  it("a record apply created is refused when it turns out to be another host's", async () => {
    const targets = await applied();
    const yRecord = targets.find((t) => t.kind === RESOURCE_KIND.dnsRecord && t.host === Y)!;
    const report = await cloudflareServer.undo(creds, [{ ...yRecord, host: "ablink.z.level-ex.com" }], fx.ctx);
    expect(report.results.map((r) => [r.outcome, r.message])).toEqual([["refused", `Not removed: it is the record ${Y}, not ablink.z.level-ex.com or its owner record.`]]);
  });

  it("a revoked token fails every resource and changes nothing", async () => {
    const targets = await applied();
    const before = await writes();
    const report = await cloudflareServer.undo({ apiToken: "cf-unknown-token-000000000000000000000000" }, targets, fx.ctx);
    expect(report.complete).toBe(false);
    expect(new Set(report.results.map((r) => `${r.outcome} ${r.error?.code}`))).toEqual(new Set(["failed 1000"]));
    expect((await writes()).length).toBe(before.length);
  });
});
