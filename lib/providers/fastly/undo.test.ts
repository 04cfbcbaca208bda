import { describe, expect, it } from "vitest";
import { type FakeCall, type Fault } from "@/lib/sandbox/http-fake";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import type { UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import { fastlyServer } from "./apply";
import { FastlyClient } from "./client";
import { FastlyFake } from "@/lib/sandbox/fakes/fastly/fake";
import { serviceName } from "./settings";
import { withFakeServer } from "@/lib/testing/fake-server";

const TOKEN = "undoFastlyToken00000000000000001";
const READ_ONLY = "undoReadOnlyFastlyToken000000002";
const H1 = "ablink.undo-one.customer.com";
const H2 = "ablink.undo-two.customer.com";

const fake = new FastlyFake({ tokens: { [TOKEN]: { scope: "global" }, [READ_ONLY]: { scope: "global:read" } } });
const fx = withFakeServer(fake, "fastly");

const creds = (apiToken = TOKEN) => ({ apiToken });
const ops = async () => ((await (await fetch(`${fx.server.url}/__sandbox/calls`)).json()) as { op: string }[]).map((c) => c.op);
const WRITES = new Set(["DeleteTlsSubscription", "DeactivateVersion", "DeleteService"]);
const writes = async () => (await ops()).filter((o) => WRITES.has(o));
const api = () => new FastlyClient({ baseUrl: fx.server.url, token: TOKEN });
const faults = (list: Fault[]) => fetch(`${fx.server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
/** Calls from `from` on, as `op fault`. */
const marked = async (from = 0) =>
  ((await (await fetch(`${fx.server.url}/__sandbox/calls`)).json()) as FakeCall[]).slice(from).map((c) => (c.fault === undefined ? c.op : `${c.op} ${c.fault}`));
const lost = (match: string): Fault => ({ match, status: 0, drop: "after-handling", times: 1 });

/** Applies until every host is done (the certificate issues after a few reads), collecting what each run created. */
async function applied(hosts: string[]): Promise<UndoTarget[]> {
  let targets: UndoTarget[] = [];
  for (let i = 0; i < 5; i++) {
    const report = await fastlyServer.apply(creds(), { hosts, region: "global" }, fx.ctx);
    targets = createdTargets(report, targets);
    if (report.complete) return targets;
  }
  throw new Error("apply did not complete");
}

describe("Fastly undo", () => {
  it("removes exactly what apply created: the TLS subscription, then the service (deactivated first)", async () => {
    const own = await api().createService("my own service", "vcl");
    const targets = await applied([H1, H2]);
    expect(targets.map((t) => [t.kind, t.host])).toEqual([
      [RESOURCE_KIND.fastlyService, H1],
      [RESOURCE_KIND.fastlyTlsSubscription, H1],
      [RESOURCE_KIND.fastlyService, H2],
      [RESOURCE_KIND.fastlyTlsSubscription, H2],
    ]);

    const report = await fastlyServer.undo(creds(), targets, fx.ctx);
    expect(report.complete).toBe(true);
    expect(report.results.map((r) => [r.kind, r.outcome, r.message])).toEqual([
      [RESOURCE_KIND.fastlyService, "removed", `Deactivated version 1 and deleted the service "${serviceName(H1)}".`],
      [RESOURCE_KIND.fastlyTlsSubscription, "removed", `Deleted the TLS subscription for ${H1} (its service is removed too).`],
      [RESOURCE_KIND.fastlyService, "removed", `Deactivated version 1 and deleted the service "${serviceName(H2)}".`],
      [RESOURCE_KIND.fastlyTlsSubscription, "removed", `Deleted the TLS subscription for ${H2} (its service is removed too).`],
    ]);
    // Subscriptions first; each service is deactivated before it is deleted (the two services run at once).
    const w = await writes();
    expect(w.slice(0, 2)).toEqual(["DeleteTlsSubscription", "DeleteTlsSubscription"]);
    expect(w.slice(2).sort()).toEqual(["DeactivateVersion", "DeactivateVersion", "DeleteService", "DeleteService"]);
    const state = fake.state();
    expect(state.subscriptions).toEqual([]);
    expect(state.services.map((s) => [s.id, s.name])).toEqual([[own.id, "my own service"]]);
  });

  it("running it again changes nothing", async () => {
    const targets = await applied([H1]);
    await fastlyServer.undo(creds(), targets, fx.ctx);
    const before = (await writes()).length;
    const again = await fastlyServer.undo(creds(), targets, fx.ctx);
    expect(again.complete).toBe(true);
    expect(again.results.map((r) => r.message)).toEqual(["Already gone: it no longer exists in this account.", "Already gone: it no longer exists in this account."]);
    expect((await writes()).length).toBe(before);
  });

  it("refuses what it did not create, and a certificate whose host stays served over TLS", async () => {
    const own = await api().createService("my own service", "vcl");
    const targets = await applied([H1]);
    const service = targets.find((t) => t.kind === RESOURCE_KIND.fastlyService)!;
    const subscription = targets.find((t) => t.kind === RESOURCE_KIND.fastlyTlsSubscription)!;
    const before = fake.state();

    const report = await fastlyServer.undo(
      creds(),
      [
        { kind: RESOURCE_KIND.fastlyService, id: own.id, host: H1 },
        { kind: RESOURCE_KIND.fastlyTlsSubscription, id: subscription.id, host: H2 },
      ],
      fx.ctx,
    );
    expect(report.results.map((r) => [r.outcome, r.message])).toEqual([
      ["refused", `Not removed: the service is named "my own service"; apply names the service for ${H1} "${serviceName(H1)}".`],
      ["refused", `Not removed: it covers ${H1}; the subscription apply creates covers exactly ${H2}.`],
    ]);
    expect(await writes()).toEqual([]);

    // The subscription alone: its service stays and serves H1 over TLS, so Fastly keeps it and so does undo.
    const alone = await fastlyServer.undo(creds(), [subscription], fx.ctx);
    expect(alone.results.map((r) => [r.outcome, r.message])).toEqual([
      [
        "refused",
        `Not removed: Fastly keeps it while ${H1} is served over TLS ("Bad request: Subscription has domains in the TLS enabled state (${H1}); use force to delete it"), and the service serving ${H1} is not removed by this undo. Deleting it would break HTTPS for ${H1}: do it under Secure › TLS management if you mean to.`,
      ],
    ]);
    expect(await writes()).toEqual(["DeleteTlsSubscription"]);
    // Nothing changed (reads of a subscription only advance its simulated issuance).
    expect(fake.state().services).toEqual(before.services);
    expect(fake.state().subscriptions.map((x) => x.id)).toEqual(before.subscriptions.map((x) => x.id));

    // A domain someone added to the service apply created keeps the service.
    const v = await api().cloneVersion(service.id, 1, 1);
    await api().createDomain(service.id, v.number, "other.customer.com");
    await api().activateVersion(service.id, v.number);
    const second = await fastlyServer.undo(creds(), [service], fx.ctx);
    expect(second.results.map((r) => [r.outcome, r.message])).toEqual([
      ["refused", "Not removed: it also serves other.customer.com, which apply did not add. Remove those domains from the service first if you mean to delete it."],
    ]);
    expect(fake.state().services.map((s) => s.id)).toContain(service.id);
  });

  it("removes what apply adopted after a create's answer was lost: the account ends empty", async () => {
    await faults([lost("CreateService"), lost("CreateTlsSubscription")]);
    const targets = await applied([H1]);
    expect((await marked()).filter((c) => c.endsWith(" dropped"))).toEqual(["CreateService dropped", "CreateTlsSubscription dropped"]);
    const made = fake.state();
    expect(targets).toEqual([
      { kind: RESOURCE_KIND.fastlyService, id: made.services[0]!.id, host: H1 },
      { kind: RESOURCE_KIND.fastlyTlsSubscription, id: made.subscriptions[0]!.id, host: H1 },
    ]);

    const report = await fastlyServer.undo(creds(), targets, fx.ctx);
    expect(report.results.map((r) => r.outcome)).toEqual(["removed", "removed"]);
    expect(fake.state()).toEqual({ services: [], subscriptions: [] });
  });

  it("a deactivation whose answer was lost is done: the retry's refusal is checked against the service", async () => {
    const [service] = await applied([H1]);
    await faults([lost("DeactivateVersion")]);
    const from = (await marked()).length;
    const report = await fastlyServer.undo(creds(), [service!], fx.ctx);
    expect(report.results.map((r) => [r.outcome, r.message])).toEqual([["removed", `Deactivated version 1 and deleted the service "${serviceName(H1)}".`]]);
    // The retry is refused (the version is no longer active); the service shows it inactive, so undo goes on.
    expect(await marked(from)).toEqual(["GetTokenSelf", "GetService", "GetService", "ListDomains", "DeactivateVersion dropped", "DeactivateVersion", "GetService", "DeleteService"]);
    expect(fake.state().services).toEqual([]);
  });

  it("a deactivation refused while the version is still active is reported, and the service kept", async () => {
    const [service] = await applied([H1]);
    await faults([{ match: "DeactivateVersion", status: 400, times: 1, body: '{"msg":"Bad request","detail":"Something else"}' }]);
    const report = await fastlyServer.undo(creds(), [service!], fx.ctx);
    expect(report.results.map((r) => [r.outcome, r.error?.message])).toEqual([["failed", 'Fastly refused DeactivateVersion (HTTP 400): "Bad request: Something else".']]);
    expect(fake.state().services.map((s) => [s.id, s.versions.map((v) => v.active)])).toEqual([[service!.id, [true]]]);
  });

  it("a token without write scope deletes nothing", async () => {
    const targets = await applied([H1]);
    const report = await fastlyServer.undo(creds(READ_ONLY), targets, fx.ctx);
    expect(report.complete).toBe(false);
    expect(report.results.map((r) => [r.outcome, r.error?.code])).toEqual([
      ["failed", "token_scope"],
      ["failed", "token_scope"],
    ]);
    expect(await writes()).toEqual([]);
  });
});
