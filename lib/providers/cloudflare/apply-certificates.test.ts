import type { Status } from "cloudflare/resources/ssl/certificate-packs/certificate-packs";
import { beforeEach, describe, expect, it } from "vitest";
import { withFakeServer } from "@/lib/testing/fake-server";
import type { PlanInput } from "@/lib/domain/plan";
import { cloudflareServer } from "./apply";
import { CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";
import { hostExpression, ruleDescription } from "./settings";

// What apply does with a certificate pack that names the host, for each of the 21 pack statuses
// (docs/providers/cloudflare.md#certificate-pack-statuses).

const TOKEN = "cf-packs-token-Mn3Bv5Cx7Zl9Kj1Hg2Fd4Sa6Qw8Er0Ty";
const ZONE = "level-ex.com";
const HOST = "ablink.x.level-ex.com";
const INPUT: PlanInput = { hosts: [HOST], region: "global", linkBrandingValidated: true };

// Packs on their way to active stay where they are during a test.
const fake = new CloudflareFake({ readsUntilActive: 1000 });

const fx = withFakeServer(fake, "cloudflare", { ctx: { maxRetries: 0, maxRetryDelayMs: 20 } });
beforeEach(async () => {
  fake.addToken(TOKEN);
  fake.addZone(ZONE, { acm: true });
  // Everything else is in place: the link record (DNS only, validated in SendGrid) and the SSL Full rule.
  fake.addRecord(ZONE, { name: "ablink.x", type: "CNAME", content: "sendgrid.net" });
  fake.setRules(ZONE, "http_config_settings", [{ action: "set_config", action_parameters: { ssl: "full" }, expression: hostExpression(HOST), description: ruleDescription(HOST) }]);
});

const ORDER = "Advanced certificate for level-ex.com, ablink.x.level-ex.com (TXT Validation, 90 days, Let's Encrypt)";
const WAIT = "Wait until Active";

interface Row {
  /** Certificate orders apply sent. */
  orders: 0 | 1;
  outcome: "updated" | "pending";
  proxied: boolean;
  /** The certificate line of the preview: [action, next]. */
  preview: ["reuse" | "create", string];
}

const usable: Row = { orders: 0, outcome: "updated", proxied: true, preview: ["reuse", "Active"] };
const progressing: Row = { orders: 0, outcome: "pending", proxied: false, preview: ["reuse", WAIT] };
const orderAnew: Row = { orders: 1, outcome: "pending", proxied: false, preview: ["create", ORDER] };
const waitsFor = (next: string): Row => ({ orders: 0, outcome: "pending", proxied: false, preview: ["reuse", next] });

const restart = (id: string) =>
  `The certificate ${id} for ${HOST} timed out in validation. Fix what blocks it (CAA records, DNSSEC), then restart its validation in SSL/TLS › Edge Certificates and apply again; no second certificate is ordered while this one can be restarted.`;
const staging = (id: string, words: string) => `The certificate ${id} for ${HOST} is in the staging environment (${words}). Deploy it to production in SSL/TLS › Edge Certificates, then apply again.`;
const redeploy = (id: string, words: string) =>
  `The certificate ${id} for ${HOST} is ${words}. Deploy it again in SSL/TLS › Edge Certificates, or delete it so that apply orders a new one, then apply again.`;
const backup = (id: string) =>
  `The certificate ${id} for ${HOST} is backup issued: Cloudflare holds backup certificates in reserve and does not normally deploy them. Check in SSL/TLS › Edge Certificates that a certificate covering ${HOST} is Active; if none is, delete this one so that apply orders a new one, then apply again.`;
const check = (id: string) =>
  `The certificate ${id} for ${HOST} is pending cleanup, a status this wizard does not act on. Check it in SSL/TLS › Edge Certificates; delete it if it is no longer wanted, so that apply orders a new one.`;

/** Every status the SDK knows (a Record, so the type checker insists on all 21). */
const TABLE: Record<Status, (id: string) => Row> = {
  active: () => usable,
  pending_expiration: () => usable,
  backup_issued: (id) => waitsFor(backup(id)),
  initializing: () => progressing,
  pending_validation: () => progressing,
  pending_issuance: () => progressing,
  pending_deployment: () => progressing,
  holding_deployment: () => progressing,
  validation_timed_out: (id) => waitsFor(restart(id)),
  staging_deployment: (id) => waitsFor(staging(id, "staging deployment")),
  staging_active: (id) => waitsFor(staging(id, "staging active")),
  deactivating: (id) => waitsFor(redeploy(id, "deactivating")),
  inactive: (id) => waitsFor(redeploy(id, "inactive")),
  pending_cleanup: (id) => waitsFor(check(id)),
  initializing_timed_out: () => orderAnew,
  issuance_timed_out: () => orderAnew,
  deployment_timed_out: () => orderAnew,
  expired: () => orderAnew,
  pending_deletion: () => orderAnew,
  deletion_timed_out: () => orderAnew,
  deleted: () => orderAnew,
};

const STATUSES = Object.keys(TABLE) as Status[];

async function orders(): Promise<number> {
  const calls = await fx.calls();
  return calls.filter((c) => c.op === "OrderCertificatePack").length;
}

describe("Cloudflare apply, certificate pack statuses", () => {
  it("knows all 21 statuses", () => {
    expect(STATUSES).toHaveLength(21);
  });

  it.each(STATUSES)("a pack naming the host in status %s", async (status) => {
    const pack = fake.addPack(ZONE, [ZONE, HOST], status);
    const want = TABLE[status](pack.id);

    const preview = await cloudflareServer.preview({ apiToken: TOKEN }, INPUT, fx.ctx);
    const certificate = preview.hosts[0]?.changes.find((c) => c.resource === `Certificate for ${HOST}`);
    const report = await cloudflareServer.apply({ apiToken: TOKEN }, INPUT, fx.ctx);
    const host = report.hosts[0]!;
    const link = fake.state(ZONE).records.find((r) => r.name === HOST);

    expect({ orders: await orders(), outcome: host.outcome, proxied: link?.proxied, preview: [certificate?.action, certificate?.next] }).toEqual(want);
    expect(host.error).toBeUndefined();
    const ordered = fake.state(ZONE).packs.filter((p) => p.id !== pack.id && p.type === "advanced");
    expect(host.resources.find((r) => r.kind === "Advanced certificate")).toEqual(
      want.orders === 1
        ? { kind: "Advanced certificate", id: ordered[0]?.id, createdByThisRun: true, status: "initializing" }
        : { kind: "Advanced certificate", id: pack.id, createdByThisRun: false, status: status.replaceAll("_", " ") },
    );
    if (want.orders === 1) expect(host.differences).toContain(`An earlier certificate for ${HOST} (${pack.id}) is ${status.replaceAll("_", " ")}; a new one is ordered.`);
    if (want.preview[1] !== WAIT && want.preview[0] === "reuse" && !want.proxied) expect(host.summary).toContain(want.preview[1]);
  });

  it("notes a certificate pending expiration, and prefers a usable pack to a dead one", async () => {
    fake.addPack(ZONE, [ZONE, HOST], "expired");
    const pack = fake.addPack(ZONE, [ZONE, `*.x.${ZONE}`], "pending_expiration");
    const report = await cloudflareServer.apply({ apiToken: TOKEN }, INPUT, fx.ctx);
    expect(await orders()).toBe(0);
    expect(report.hosts[0]?.outcome).toBe("updated");
    expect(report.hosts[0]?.differences).toEqual([`The certificate ${pack.id} for ${HOST} is pending expiration; Cloudflare renews Advanced certificates by itself before they expire.`]);
  });
});
