import Cloudflare from "cloudflare";
import { beforeEach, describe, expect, it } from "vitest";
import { withFakeServer } from "@/lib/testing/fake-server";
import type { Fault } from "@/lib/sandbox/http-fake";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import { createdTargets } from "@/lib/providers/undo-targets";
import { cloudflareServer } from "./apply";
import { CloudflareClient } from "./client";
import { CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";

// A create whose answer is lost on the way back: Cloudflare made the record or ordered the certificate, the
// client saw only a dropped connection. Apply must report it as created by this run, so that undo removes
// it (docs/providers/cloudflare.md#lost-answers).

const TOKEN = "cf-lost-token-Vb4Nm6Qa8Ws1Ed3Rf5Tg7Yh9Uj2Ik0Ol";
const ZONE = "level-ex.com";
const X = "ablink.x.level-ex.com";
const OWNER = "1234567.x.level-ex.com";
const Y = "ablink.y.level-ex.com";
const OTHER_RULE = { action: "set_config", action_parameters: { ssl: "strict" }, expression: '(http.host eq "www.level-ex.com")', description: "someone else's rule", enabled: true };

// Certificates stay pending: one apply, then undo.
const fake = new CloudflareFake({ readsUntilActive: 1000 });
const creds = { apiToken: TOKEN };

const calls = () => fx.calls();

/** The zone without what the API stamps on every write (a ruleset's and its rules' version and last_updated). */
function contents(zone: ReturnType<CloudflareFake["state"]>) {
  const unstamped = <T extends { version: string; last_updated: string }>(x: T): Omit<T, "version" | "last_updated"> => {
    const copy: Partial<T> = { ...x };
    delete copy.version;
    delete copy.last_updated;
    return copy as Omit<T, "version" | "last_updated">;
  };
  const rulesets = Object.fromEntries(Object.entries(zone.rulesets).map(([phase, ruleset]) => [phase, { ...unstamped(ruleset), rules: ruleset.rules.map(unstamped) }]));
  return { ...zone, rulesets };
}

/** Every record, certificate pack and rule in the zone, by id. */
function ids(zone: ReturnType<CloudflareFake["state"]>): string[] {
  return [...zone.records.map((r) => r.id), ...zone.packs.map((p) => p.id), ...Object.values(zone.rulesets).flatMap((r) => r.rules.map((rule) => rule.id))];
}

const fx = withFakeServer(fake, "cloudflare", { ctx: { maxRetries: 1, maxRetryDelayMs: 20, concurrency: 4 } });
beforeEach(async () => {
  fake.addToken(TOKEN);
  fake.addZone(ZONE, { acm: true });
  fake.addRecord(ZONE, { name: "www", type: "A", content: "192.0.2.10", proxied: true });
  fake.setRules(ZONE, "http_config_settings", [OTHER_RULE]);
});

const LOST: { name: string; fault: Fault }[] = [
  { name: "the link record", fault: { match: "CreateDnsRecord", bodyIncludes: X, drop: "after-handling", status: 0, times: 1 } },
  { name: "the owner record", fault: { match: "CreateDnsRecord", bodyIncludes: OWNER, drop: "after-handling", status: 0, times: 1 } },
  { name: "a certificate order", fault: { match: "OrderCertificatePack", bodyIncludes: Y, drop: "after-handling", status: 0, times: 1 } },
];

describe("Cloudflare apply: a create whose answer is lost", () => {
  // With no retries left, the create is still looked for once (lib/providers/create-once.ts), just never sent again.
  for (const [{ name, fault }, maxRetries] of LOST.flatMap((lost) => [1, 0].map((retries) => [lost, retries] as const))) {
    it(`${name} (maxRetries ${maxRetries}): it is reported as created by this run, never made twice, and undo leaves the zone as it was`, async () => {
      const before = fake.state(ZONE);
      await fx.faults([fault]);

      const report = await cloudflareServer.apply(creds, { hosts: [X, Y], region: "global", ownerRecords: [OWNER] }, { ...fx.ctx, maxRetries });

      const log = await calls();
      expect(log.filter((c) => c.fault !== undefined).map((c) => [c.op, c.fault])).toEqual([[fault.match, "dropped"]]);
      // Each create sent once: what the lost answer made was found, not made again.
      expect(log.filter((c) => c.method === "POST").map((c) => c.op).sort()).toEqual(["CreateDnsRecord", "CreateDnsRecord", "CreateDnsRecord", "OrderCertificatePack", "OrderCertificatePack"]);
      expect(report.hosts.map((h) => [h.host, h.outcome, h.error])).toEqual([
        [X, "pending", undefined],
        [Y, "pending", undefined],
      ]);
      // Everything apply made is reported as created by this run, once.
      const existed = new Set(ids(before));
      const reported = report.hosts.flatMap((h) => h.resources.filter((r) => r.createdByThisRun).map((r) => r.id));
      expect(reported.sort()).toEqual(ids(fake.state(ZONE)).filter((id) => !existed.has(id)).sort());
      const targets = createdTargets(report);
      expect(targets.map((t) => [t.host, t.kind])).toEqual([
        [X, RESOURCE_KIND.dnsRecord],
        [X, RESOURCE_KIND.dnsRecord],
        [X, RESOURCE_KIND.advancedCertificate],
        [X, RESOURCE_KIND.configurationRule],
        [Y, RESOURCE_KIND.dnsRecord],
        [Y, RESOURCE_KIND.advancedCertificate],
        [Y, RESOURCE_KIND.configurationRule],
      ]);

      const undone = await cloudflareServer.undo(creds, targets, fx.ctx);
      expect(undone.results.map((r) => [r.id, r.outcome])).toEqual(targets.map((t) => [t.id, "removed"]));
      expect(contents(fake.state(ZONE))).toEqual(contents(before));
    });
  }
});

describe("Cloudflare certificate order whose outcome is unknown", () => {
  const SERVER_ERROR = JSON.stringify({ success: false, errors: [{ code: 10000, message: "Internal error" }], messages: [], result: null });
  const sdk = () => new Cloudflare({ apiToken: TOKEN, apiKey: null, apiEmail: null, userServiceKey: null, baseURL: fx.server.url, maxRetries: 0, logLevel: "off" });

  // Packs someone else ordered while apply's order was under way: they cover the host, but are not this order.
  const FOREIGN: { name: string; add: (zoneId: string) => Promise<string> }[] = [
    { name: "a wildcard pack covering the host", add: async () => fake.addPack(ZONE, [ZONE, `*.x.${ZONE}`], "pending_validation").id },
    {
      name: "a pack for the same hosts from another authority",
      add: async (zone_id) =>
        (await sdk().ssl.certificatePacks.create({ zone_id, type: "advanced", hosts: [ZONE, X], validation_method: "txt", validity_days: 90, certificate_authority: "google" })).id,
    },
  ];

  it("an order answered with a 2xx it cannot read, made nothing on any try: looked for, sent again, then reported in words", async () => {
    await fx.faults([{ match: "OrderCertificatePack", status: 200, times: 2, body: '{"success":true,"result":{"id":' }]);
    const report = await cloudflareServer.apply(creds, { hosts: [X], region: "global" }, { ...fx.ctx, maxRetries: 1 });
    const log = await calls();
    const packCalls = log.filter((c) => c.op === "OrderCertificatePack" || c.op === "ListCertificatePacks").map((c) => [c.op, c.fault]);
    const firstOrder = packCalls.findIndex(([op]) => op === "OrderCertificatePack");
    expect(packCalls.slice(firstOrder)).toEqual([
      ["OrderCertificatePack", 200],
      ["ListCertificatePacks", undefined],
      ["OrderCertificatePack", 200],
      ["ListCertificatePacks", undefined],
    ]);
    expect(report.hosts[0]!.error).toEqual({
      code: "unexpected_response",
      message: `Cloudflare answered in a shape this tool does not understand while trying to order a certificate for ${X}: the body is not JSON.`,
      action: "Run apply again; it continues where it stopped. If it happens again, follow the manual checklist for this host and report the message above.",
    });
  });

  for (const { name, add } of FOREIGN) {
    it(`${name} is not taken as the order: the order is sent again and its own pack returned`, async () => {
      const client = new CloudflareClient(TOKEN, { ...fx.ctx, maxRetries: 1 });
      const zoneId = (await client.findZone(ZONE))!.id;
      const foreign = await add(zoneId);
      const from = (await calls()).length;
      await fx.faults([{ match: "OrderCertificatePack", status: 503, times: 1, body: SERVER_ERROR }]);

      const pack = await client.orderCertificate({ id: zoneId, name: ZONE }, X);

      const orders = (await calls()).slice(from).filter((c) => c.op === "OrderCertificatePack");
      expect(orders.map((c) => c.fault)).toEqual([503, undefined]);
      expect([pack.id === foreign, pack.hosts, pack.certificate_authority]).toEqual([false, [ZONE, X], "lets_encrypt"]);
    });
  }
});
