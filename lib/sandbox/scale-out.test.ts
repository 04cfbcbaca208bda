import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CDN_IDS, type CdnId, type PlanInput } from "@/lib/domain/plan";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import type { ServerProvider } from "@/lib/providers/server-types";
import type { ApplyReport, UndoTarget } from "@/lib/providers/types";
import { MemoryStore } from "@/lib/store/memory";
import { RedisStore } from "@/lib/store/redis";
import { describeWithRedisServer } from "@/lib/store/testing/describe-redis";
import { startRedisServer, type TestRedisServer } from "@/lib/store/testing/redis-server";
import { storeDouble } from "@/lib/store/testing/store-double";
import { StoreUnavailableError, type Store } from "@/lib/store/types";
import { createVisitorAccounts, sandboxAccount } from "./accounts";
import { startFake, type FakeApi, type RunningFake } from "./http-fake";
import { SANDBOX_FULL, tooManyHosts, type SandboxLimits } from "./visitor-accounts";

// Sandbox accounts kept in a shared store: two instances of the app (each its own VisitorAccounts and loopback
// fakes) with one store and one SANDBOX_SECRET serve the same accounts.
const started: RunningFake[] = [];
afterAll(() => Promise.all(started.map((f) => f.close())));

const LIMITS: SandboxLimits = { maxAccounts: 500, idleMinutes: 60, maxHostsPerAccount: 10 };

/** One app instance: its own loopback servers, the given store and secret. */
function instance(store: () => Store, secret: Buffer, limits: Partial<SandboxLimits> = {}) {
  const servers = new Map<string, Promise<RunningFake>>();
  const start = (name: string, api: () => FakeApi) => {
    if (!servers.has(name)) servers.set(name, startFake(api()).then((f) => (started.push(f), f)));
    return servers.get(name)!;
  };
  return createVisitorAccounts({ limits: { ...LIMITS, ...limits }, start, store, secret });
}

const input = (hosts: string[]): PlanInput => ({ hosts, region: "global" });
const provider = (cdn: CdnId) => SERVER_PROVIDERS[cdn] as ServerProvider<unknown>;
const created = (report: ApplyReport): UndoTarget[] =>
  report.hosts.flatMap((h) => h.resources.filter((r) => r.createdByThisRun).map((r) => ({ kind: r.kind as UndoTarget["kind"], id: r.id, host: h.host })));
const visitor = () => randomBytes(16).toString("base64url");

/** A new visitor's preview, then the preview once that visitor's apply ran (as in visitor-accounts.test.ts). */
const PREVIEWS: Record<CdnId, [string[], string[]]> = {
  cloudfront: [["create", "create"], ["reuse", "create"]],
  cloudflare: [["reuse", "create", "create", "create"], ["reuse", "reuse", "reuse", "reuse"]],
  fastly: [["create", "create"], ["reuse", "reuse"]],
  keycdn: [["create", "create"], ["reuse", "reuse"]],
};

function sharedStoreCases(makeStore: () => Store) {
  const secret = randomBytes(32);
  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;
  beforeAll(() => {
    const store = makeStore();
    [a, b] = [instance(() => store, secret), instance(() => store, secret)];
  });

  it.each(CDN_IDS)("%s: applied on one instance, previewed and undone on the other; another visitor sees none of it", async (cdn) => {
    const [alice, host] = [visitor(), `ablink.scale-${cdn}.customer.com`];
    const onA = await sandboxAccount(cdn, alice, [host], a);
    const report = await provider(cdn).apply(onA.credentials, input([host]), onA.ctx);
    expect(report.hosts[0]!.error).toBeUndefined();

    const onB = await sandboxAccount(cdn, alice, [host], b);
    expect(onB.credentials).toEqual(onA.credentials);
    expect(onB.ctx.endpoints).not.toEqual(onA.ctx.endpoints);
    const preview = async (account: typeof onA) => (await provider(cdn).preview(account.credentials, input([host]), account.ctx)).hosts[0]!.changes.map((c) => c.action);
    const bob = await sandboxAccount(cdn, visitor(), [host], b);
    expect([await preview(onB), await preview(bob)]).toEqual([PREVIEWS[cdn][1], PREVIEWS[cdn][0]]);

    const targets = created(report);
    const undo = await provider(cdn).undo(onB.credentials, targets, onB.ctx);
    expect(undo.results.map((r) => [r.kind, r.id, r.outcome])).toEqual(targets.map((t) => [t.kind, t.id, "removed"]));
    // Instance A sees what B removed: the account is as a new one's again.
    expect(await preview(onA)).toEqual(PREVIEWS[cdn][0]);
  });

  // Twenty at once on one instance pass only thanks to the account's queue (compare-and-set alone gives up after 8
  // lost races). Across instances it is compare-and-set that keeps every write: with Redis, whose round trips let
  // two instances' changes interleave (two instances in one process on a memory store never interleave).
  it("two requests for one account at once never lose a write: twenty on one instance, and ten on each of two", async () => {
    const alice = visitor();
    const [onA, onB] = [await sandboxAccount("keycdn", alice, [], a), await sandboxAccount("keycdn", alice, [], b)];
    const auth = { authorization: `Basic ${Buffer.from(`${onA.credentials.apiKey}:`).toString("base64")}` };
    const addZone = (endpoint: string, name: string) =>
      fetch(`${endpoint}/zones.json`, { method: "POST", headers: { ...auth, "content-type": "application/x-www-form-urlencoded" }, body: `name=${name}&originurl=https://sendgrid.net` }).then((r) => r.status);
    const oneInstance = await Promise.all(Array.from({ length: 20 }, (_, i) => addZone(onA.ctx.endpoints.keycdn!, `one${i}`)));
    const twoInstances = await Promise.all(Array.from({ length: 20 }, (_, i) => addZone((i % 2 === 0 ? onA : onB).ctx.endpoints.keycdn!, `two${i}`)));
    expect([...oneInstance, ...twoInstances]).toEqual(Array(40).fill(200));
    const zones = ((await (await fetch(`${onB.ctx.endpoints.keycdn}/zones.json`, { headers: auth })).json()) as { data: { zones: { id: string }[] } }).data.zones;
    expect(zones.map((z) => Number(z.id)).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => 1000 + i));
  });
}

describe("two instances sharing a memory store", () => {
  sharedStoreCases(() => new MemoryStore());
});

describeWithRedisServer("two instances sharing a redis-server", () => {
  let server: TestRedisServer;
  const stores: RedisStore[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await server?.close();
  });
  sharedStoreCases(() => {
    const store = new RedisStore(server.url);
    stores.push(store);
    return store;
  });
});

describe("the caps count in the store, whichever instance opens", () => {
  it("accounts: the sandbox is full for every instance at once", async () => {
    const store = new MemoryStore();
    const secret = randomBytes(32);
    const [a, b] = [instance(() => store, secret, { maxAccounts: 2 }), instance(() => store, secret, { maxAccounts: 2 })];
    const [alice, bob] = [visitor(), visitor()];
    await a.open("keycdn", alice, []);
    await b.open("keycdn", bob, []);
    await expect(a.open("keycdn", visitor(), [])).rejects.toThrow(SANDBOX_FULL);
    await expect(b.open("fastly", alice, [])).rejects.toThrow(SANDBOX_FULL);
    // Open accounts still open on either instance.
    await expect(b.open("keycdn", alice, ["ablink.a.customer.com"])).resolves.toBeDefined();
    expect([await a.count(), await b.count()]).toEqual([2, 2]);
  });

  it("hostnames: an account's hosts are counted together across instances", async () => {
    const store = new MemoryStore();
    const secret = randomBytes(32);
    const [a, b] = [instance(() => store, secret, { maxHostsPerAccount: 3 }), instance(() => store, secret, { maxHostsPerAccount: 3 })];
    const alice = visitor();
    await a.open("keycdn", alice, ["ablink.h1.customer.com", "ablink.h2.customer.com"]);
    await b.open("keycdn", alice, ["ablink.h3.customer.com"]);
    await expect(a.open("keycdn", alice, ["ablink.h4.customer.com"])).rejects.toThrow(tooManyHosts(3));
    await expect(b.open("keycdn", alice, ["ablink.h1.customer.com"])).resolves.toBeDefined();
  });
});

describe("without a shared secret or store", () => {
  it("instances with different secrets derive different credentials: each serves its own account of the visitor", async () => {
    const store = new MemoryStore();
    const [a, b] = [instance(() => store, randomBytes(32)), instance(() => store, randomBytes(32))];
    const [alice, host] = [visitor(), "ablink.two-secrets.customer.com"];
    const onA = await sandboxAccount("keycdn", alice, [host], a);
    await provider("keycdn").apply(onA.credentials, input([host]), onA.ctx);
    const onB = await sandboxAccount("keycdn", alice, [host], b);
    expect(onB.credentials).not.toEqual(onA.credentials);
    expect((await provider("keycdn").preview(onB.credentials, input([host]), onB.ctx)).hosts[0]!.changes.map((c) => c.action)).toEqual(PREVIEWS.keycdn[0]);
    expect(await a.count()).toBe(2);
  });

  it("while the store is unavailable: open() fails with StoreUnavailableError and the fakes answer 503, saying to try again", async () => {
    const memory = new MemoryStore();
    let down = false;
    const unavailable = () => Promise.reject(new StoreUnavailableError("Redis at redis://127.0.0.1:1/0 is unavailable (ECONNREFUSED)"));
    const switchable = storeDouble({
      getVersioned: (key) => (down ? unavailable() : memory.getVersioned(key)),
      setIfVersion: (...args) => (down ? unavailable() : memory.setIfVersion(...args)),
      claimSlot: (...args) => (down ? unavailable() : memory.claimSlot(...args)),
      slots: (group) => (down ? unavailable() : memory.slots(group)),
    });
    const a = instance(() => switchable, randomBytes(32));
    const alice = visitor();
    const { credentials, ctx } = await sandboxAccount("keycdn", alice, [], a);
    down = true;
    await expect(sandboxAccount("keycdn", alice, [], a)).rejects.toThrow(StoreUnavailableError);
    const res = await fetch(`${ctx.endpoints.keycdn}/zones.json`, { headers: { authorization: `Basic ${Buffer.from(`${credentials.apiKey}:`).toString("base64")}` } });
    expect([res.status, res.headers.get("retry-after"), await res.text()]).toEqual([503, "5", "The sandbox's store is unavailable; try again in a minute."]);
  });
});
