import { afterAll, describe, expect, it } from "vitest";
import type { CdnId, PlanInput } from "@/lib/domain/plan";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import { MemoryStore } from "@/lib/store/memory";
import type { ServerProvider } from "@/lib/providers/server-types";
import { createVisitorAccounts, sandboxAccount } from "./accounts";
import { startFake, type FakeApi, type RunningFake } from "./http-fake";
import { SANDBOX_FULL, tooManyHosts, type SandboxLimits } from "./visitor-accounts";

// Sandbox accounts per visitor: each visitor's own credentials and fakes, dropped after an hour idle, capped.
const started: RunningFake[] = [];
afterAll(() => Promise.all(started.map((f) => f.close())));

/** A set of accounts with its own loopback servers and store, and a clock the test moves. */
function accountsWith(limits: Partial<SandboxLimits> = {}) {
  const clock = { ms: 0 };
  const servers = new Map<string, Promise<RunningFake>>();
  const start = (name: string, api: () => FakeApi) => {
    if (!servers.has(name)) servers.set(name, startFake(api()).then((f) => (started.push(f), f)));
    return servers.get(name)!;
  };
  const store = new MemoryStore({ now: () => clock.ms });
  const accounts = createVisitorAccounts({ limits: { maxAccounts: 500, idleMinutes: 60, maxHostsPerAccount: 10, ...limits }, start, store: () => store, now: () => clock.ms });
  return { accounts, clock };
}

const input = (hosts: string[]): PlanInput => ({ hosts, region: "global" });
const provider = (cdn: CdnId) => SERVER_PROVIDERS[cdn] as ServerProvider<unknown>;
const ALICE = "aliceVisitor0000000000";
const BOB = "bobVisitor000000000000";
const MINUTE = 60_000;

/**
 * A new visitor's preview, then the first visitor's once its apply ran: CloudFront's distribution waits for its
 * certificate to be issued; a Cloudflare zone is always reused (the sandbox makes it on demand).
 */
const PREVIEWS: Record<CdnId, [string[], string[]]> = {
  cloudfront: [["create", "create"], ["reuse", "create"]],
  cloudflare: [["reuse", "create", "create", "create"], ["reuse", "reuse", "reuse", "reuse"]],
  fastly: [["create", "create"], ["reuse", "reuse"]],
  keycdn: [["create", "create"], ["reuse", "reuse"]],
};

describe("two visitors applying the same hostname", () => {
  const { accounts } = accountsWith();
  it.each(["cloudfront", "cloudflare", "fastly", "keycdn"] as const)("%s: each creates its own, neither sees the other's", async (cdn) => {
    const host = `ablink.same-${cdn}.customer.com`;
    const runs = [];
    for (const visitor of [ALICE, BOB]) {
      const { credentials, ctx } = await sandboxAccount(cdn, visitor, [host], accounts);
      runs.push({ credentials, report: await provider(cdn).apply(credentials, input([host]), ctx) });
    }
    expect(runs[0]!.credentials).not.toEqual(runs[1]!.credentials);
    for (const { report } of runs) {
      const h = report.hosts[0]!;
      expect([h.error, h.resources.length > 0, h.resources.every((r) => r.createdByThisRun)]).toEqual([undefined, true, true]);
    }
    // The same visitor comes back to the same account, where the host's resources are; a new visitor has none.
    const actions = async (visitor: string) => {
      const { credentials, ctx } = await sandboxAccount(cdn, visitor, [host], accounts);
      return { credentials, actions: (await provider(cdn).preview(credentials, input([host]), ctx)).hosts[0]!.changes.map((c) => c.action) };
    };
    const [again, carol] = [await actions(ALICE), await actions("carolVisitor0000000000")];
    expect(again.credentials).toEqual(runs[0]!.credentials);
    expect([carol.actions, again.actions]).toEqual(PREVIEWS[cdn]);
  });
});

describe("lifetime", () => {
  it("an account idle for an hour is dropped with its state; its credentials are then refused", async () => {
    const { accounts, clock } = accountsWith();
    const host = "ablink.expiry.customer.com";
    const first = await sandboxAccount("keycdn", ALICE, [host], accounts);
    await provider("keycdn").apply(first.credentials, input([host]), first.ctx);
    const listZones = () => fetch(`${first.ctx.endpoints.keycdn}/zones.json`, { headers: { authorization: `Basic ${Buffer.from(`${first.credentials.apiKey}:`).toString("base64")}` } });

    clock.ms += 59 * MINUTE; // used again within the hour: kept, and the hour starts over
    expect(((await (await listZones()).json()) as { data: { zones: unknown[] } }).data.zones).toHaveLength(1);
    clock.ms += 60 * MINUTE - 1;
    accounts.sweep();
    expect(await accounts.count()).toBe(1);

    clock.ms += 1;
    accounts.sweep();
    expect(await accounts.count()).toBe(0);
    const refused = await listZones();
    expect([refused.status, await refused.json()]).toEqual([403, { status: "error", description: "Access denied. Please check your API key." }]);

    // Coming back later gives the same credentials and an empty account.
    const later = await sandboxAccount("keycdn", ALICE, [host], accounts);
    expect(later.credentials).toEqual(first.credentials);
    const preview = await provider("keycdn").preview(later.credentials, input([host]), later.ctx);
    expect(preview.hosts[0]!.changes.map((c) => c.action)).toContain("create");
  });
});

describe("caps", () => {
  it("refuses a new account when the sandbox is full, until one expires", async () => {
    const { accounts, clock } = accountsWith({ maxAccounts: 2 });
    await sandboxAccount("keycdn", ALICE, [], accounts);
    clock.ms += 10 * MINUTE;
    await sandboxAccount("fastly", ALICE, [], accounts);
    await expect(sandboxAccount("keycdn", BOB, [], accounts)).rejects.toThrow(SANDBOX_FULL);
    expect(SANDBOX_FULL).toBe("The sandbox is full right now; use the manual values or try again later.");
    // Existing accounts still work while it is full.
    clock.ms += 10 * MINUTE;
    await expect(sandboxAccount("keycdn", ALICE, ["ablink.a.customer.com"], accounts)).resolves.toBeDefined();

    clock.ms += 50 * MINUTE; // Alice's Fastly account has been idle for an hour; her KeyCDN one for 50 minutes
    await expect(sandboxAccount("keycdn", BOB, [], accounts)).resolves.toBeDefined();
    expect(await accounts.count()).toBe(2);
    await expect(sandboxAccount("fastly", BOB, [], accounts)).rejects.toThrow(SANDBOX_FULL);
  });

  it("refuses hosts past the per-account cap; the same hosts again do not count, another account counts its own", async () => {
    const { accounts } = accountsWith({ maxHostsPerAccount: 3 });
    const hosts = ["ablink.h1.customer.com", "ablink.h2.customer.com", "ablink.h3.customer.com"];
    await sandboxAccount("keycdn", ALICE, hosts.slice(0, 2), accounts);
    await sandboxAccount("keycdn", ALICE, hosts, accounts);
    await expect(sandboxAccount("keycdn", ALICE, ["ablink.h4.customer.com"], accounts)).rejects.toThrow(tooManyHosts(3));
    expect(tooManyHosts(3)).toBe(
      "A sandbox account takes at most 3 different hostnames, and yours has them all; it is cleared after an hour unused. Until then, use the manual values or hostnames you already tried here.",
    );
    await expect(sandboxAccount("keycdn", ALICE, [hosts[0]!], accounts)).resolves.toBeDefined();
    // Another visitor, or another CDN, has its own count.
    await expect(sandboxAccount("keycdn", BOB, ["ablink.h4.customer.com"], accounts)).resolves.toBeDefined();
    await expect(sandboxAccount("fastly", ALICE, ["ablink.h4.customer.com"], accounts)).resolves.toBeDefined();
  });
});
