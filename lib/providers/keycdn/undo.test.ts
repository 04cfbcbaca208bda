import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type FakeCall, type Fault, type RunningFake } from "@/lib/sandbox/http-fake";
import type { ApplyContext } from "@/lib/providers/server-types";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import type { UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import { keycdnServer } from "./apply";
import { KeycdnClient } from "./client";
import { KeycdnFake } from "@/lib/sandbox/fakes/keycdn/fake";
import { zoneName } from "./settings";

const KEY = "sk_test_keycdn_undo_000000000001";
const H1 = "ablink.undo-one.customer.com";
const H2 = "ablink.undo-two.customer.com";

const fake = new KeycdnFake({ keys: [KEY] });
let server: RunningFake;
let ctx: ApplyContext;

beforeAll(async () => {
  server = await startFake(fake, { controls: true });
  ctx = { endpoints: { cloudflare: "http://127.0.0.1:1", fastly: "http://127.0.0.1:1", keycdn: server.url }, maxRetryDelayMs: 50, requestTimeoutMs: 2000 };
});
afterAll(() => server.close());
beforeEach(() => fetch(`${server.url}/__sandbox/reset`, { method: "POST" }));

const creds = { apiKey: KEY };
const ops = async () => ((await (await fetch(`${server.url}/__sandbox/calls`)).json()) as { op: string }[]).map((c) => c.op);
const deletes = async () => (await ops()).filter((o) => o.startsWith("Delete"));
const api = () => new KeycdnClient({ baseUrl: server.url, apiKey: KEY });
const faults = (list: Fault[]) => fetch(`${server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
const calls = async () => (await (await fetch(`${server.url}/__sandbox/calls`)).json()) as FakeCall[];
const lost = (match: string): Fault => ({ match, status: 0, drop: "after-handling", times: 1 });

async function applied(hosts: string[]): Promise<UndoTarget[]> {
  const report = await keycdnServer.apply(creds, { hosts, region: "global" }, ctx);
  expect(report.hosts.map((h) => h.outcome)).toEqual(hosts.map(() => "created"));
  return createdTargets(report);
}

describe("KeyCDN undo", () => {
  it("removes exactly what apply created: the alias, then the zone", async () => {
    const handmade = await api().createZone({ name: "handmade1", type: "pull", originurl: "https://example.org" });
    const targets = await applied([H1, H2]);
    expect(targets.map((t) => [t.kind, t.host])).toEqual([
      [RESOURCE_KIND.keycdnZone, H1],
      [RESOURCE_KIND.keycdnAlias, H1],
      [RESOURCE_KIND.keycdnZone, H2],
      [RESOURCE_KIND.keycdnAlias, H2],
    ]);

    const report = await keycdnServer.undo(creds, targets, ctx);
    expect(report.complete).toBe(true);
    expect(report.results.map((r) => [r.kind, r.host, r.outcome, r.message])).toEqual([
      [RESOURCE_KIND.keycdnZone, H1, "removed", `Deleted the pull zone "${zoneName(H1)}".`],
      [RESOURCE_KIND.keycdnAlias, H1, "removed", `Removed the Zonealias ${H1} from the zone "${zoneName(H1)}".`],
      [RESOURCE_KIND.keycdnZone, H2, "removed", `Deleted the pull zone "${zoneName(H2)}".`],
      [RESOURCE_KIND.keycdnAlias, H2, "removed", `Removed the Zonealias ${H2} from the zone "${zoneName(H2)}".`],
    ]);
    // Aliases before zones; the zone someone made by hand is still there.
    expect(await deletes()).toEqual(["DeleteZoneAlias", "DeleteZoneAlias", "DeleteZone", "DeleteZone"]);
    expect(fake.state()).toEqual({ zones: [expect.objectContaining({ id: handmade.id, name: "handmade1" })], aliases: [] });
  });

  it("removes what apply adopted after a create's answer was lost: the account ends empty", async () => {
    await faults([lost("AddZone"), lost("AddZoneAlias")]);
    const targets = await applied([H1]);
    expect((await calls()).filter((c) => c.fault !== undefined).map((c) => [c.op, c.fault])).toEqual([
      ["AddZone", "dropped"],
      ["AddZoneAlias", "dropped"],
    ]);
    const made = fake.state();
    expect(targets).toEqual([
      { kind: RESOURCE_KIND.keycdnZone, id: made.zones[0]!.id, host: H1 },
      { kind: RESOURCE_KIND.keycdnAlias, id: made.aliases[0]!.id, host: H1 },
    ]);

    const report = await keycdnServer.undo(creds, targets, ctx);
    expect(report.results.map((r) => r.outcome)).toEqual(["removed", "removed"]);
    expect(fake.state()).toEqual({ zones: [], aliases: [] });
  });

  it("running it again changes nothing and reports everything as already gone", async () => {
    const targets = await applied([H1]);
    await keycdnServer.undo(creds, targets, ctx);
    const before = (await deletes()).length;
    const again = await keycdnServer.undo(creds, targets, ctx);
    expect(again.complete).toBe(true);
    expect(again.results.map((r) => [r.outcome, r.message])).toEqual([
      ["removed", "Already gone: it no longer exists in this account."],
      ["removed", "Already gone: it no longer exists in this account."],
    ]);
    expect((await deletes()).length).toBe(before);
  });

  it("refuses what it did not create: another zone, an alias of another name, a zone that still serves other names", async () => {
    const handmade = await api().createZone({ name: "handmade2", type: "pull", originurl: "https://example.org" });
    const otherAlias = await api().createZoneAlias(handmade.id, "cdn.customer.com");
    const targets = await applied([H1]);
    const ourZone = targets.find((t) => t.kind === RESOURCE_KIND.keycdnZone)!;
    // Someone added a second name to the zone apply created.
    const extra = await api().createZoneAlias(ourZone.id, "extra.customer.com");
    const before = fake.state();

    const report = await keycdnServer.undo(
      creds,
      [
        { kind: RESOURCE_KIND.keycdnZone, id: handmade.id, host: H1 },
        { kind: RESOURCE_KIND.keycdnAlias, id: otherAlias.id, host: H1 },
        { kind: RESOURCE_KIND.keycdnZone, id: ourZone.id, host: H1 },
        { kind: RESOURCE_KIND.acmCertificate, id: "arn:aws:acm:us-east-1:111122223333:certificate/x", host: H1 },
      ],
      ctx,
    );
    expect(report.results.map((r) => [r.outcome, r.message])).toEqual([
      ["refused", `Not removed: the zone is named "handmade2"; apply names the zone for ${H1} "${zoneName(H1)}".`],
      ["refused", `Not removed: this Zonealias is cdn.customer.com, not ${H1}.`],
      [
        "refused",
        `Not removed: the zone "${zoneName(H1)}" still serves ${H1}, extra.customer.com, which this undo did not remove. Remove those Zonealiases first if you mean to delete the zone.`,
      ],
      ["refused", "Not removed: undo removes no ACM certificate for this CDN."],
    ]);
    expect(report.complete).toBe(true);
    expect(await deletes()).toEqual([]);
    expect(fake.state()).toEqual(before);
    expect(before.aliases.map((a) => a.id)).toContain(extra.id);
  });

  it("a wrong key fails every resource with what to do, and deletes nothing", async () => {
    const targets = await applied([H1]);
    const report = await keycdnServer.undo({ apiKey: "sk_wrong_key_000000000000000001" }, targets, ctx);
    expect(report.complete).toBe(false);
    expect(report.results.map((r) => [r.outcome, r.error?.code])).toEqual([
      ["failed", "unauthorized"],
      ["failed", "unauthorized"],
    ]);
    expect(await deletes()).toEqual([]);
  });
});
