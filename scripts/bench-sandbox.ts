/**
 * Sandbox memory benchmark (figures, not pass/fail): `npm run bench:sandbox`.
 *
 * 1,000 visitors, each applying 2 hostnames in the in-app sandbox (the CDNs in turn), against one set of
 * per-visitor accounts with the app's limits (lib/security/limits.json), kept in a memory store as without
 * REDIS_URL (each account's fake state as JSON, lib/sandbox/account-records.ts). Prints, every 100 visitors, the
 * accounts held, the visitors refused because the sandbox was full, and the heap after a full GC; then moves
 * the accounts' clock past the idle time and prints the heap once they are dropped. The heap should level off
 * once the account cap is reached and fall back when the accounts expire.
 *
 * Runs with --expose-gc and `--conditions=react-server` (so `import "server-only"` resolves). Everything is on 127.0.0.1.
 */
import { CDN_IDS, type CdnId } from "@/lib/domain/plan";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import type { ServerProvider } from "@/lib/providers/server-types";
import { createVisitorAccounts, sandboxAccount } from "@/lib/sandbox/accounts";
import { startFake, type FakeApi, type RunningFake } from "@/lib/sandbox/http-fake";
import { newVisitorId } from "@/lib/sandbox/visitor";
import { SandboxLimitError } from "@/lib/sandbox/visitor-accounts";
import limits from "@/lib/security/limits.json";
import { MemoryStore } from "@/lib/store/memory";

const VISITORS = 1000;
const HOSTS_PER_VISITOR = 2;
const CONCURRENCY = 8;
const REPORT_EVERY = 100;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench:sandbox)");
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function main() {
  const clock = { ms: 0 };
  const servers = new Map<string, Promise<RunningFake>>();
  const start = (name: string, api: () => FakeApi) => {
    if (!servers.has(name)) servers.set(name, startFake(api()));
    return servers.get(name)!;
  };
  // The app's default without REDIS_URL: accounts in this process's memory store, on the clock moved below.
  const store = new MemoryStore({ now: () => clock.ms });
  const accounts = createVisitorAccounts({ start, store: () => store, now: () => clock.ms });
  const counts = { applied: 0, full: 0, failedHosts: 0 };

  async function visit(i: number) {
    const cdn: CdnId = CDN_IDS[i % CDN_IDS.length]!;
    const hosts = Array.from({ length: HOSTS_PER_VISITOR }, (_, h) => `ablink.v${i}h${h}.bench-customer.com`);
    try {
      const { credentials, ctx } = await sandboxAccount(cdn, newVisitorId(), hosts, accounts);
      const report = await (SERVER_PROVIDERS[cdn] as ServerProvider<unknown>).apply(credentials, { hosts, region: "global" }, ctx);
      counts.applied += 1;
      counts.failedHosts += report.hosts.filter((h) => h.outcome === "failed").length;
    } catch (error) {
      if (!(error instanceof SandboxLimitError)) throw error;
      counts.full += 1;
    }
  }

  console.log(`limits: ${JSON.stringify(limits.sandbox)}; ${VISITORS} visitors × ${HOSTS_PER_VISITOR} hosts, CDNs in turn (${CDN_IDS.join(", ")})`);
  console.log("visitors  accounts  applied  refused(full)  failed hosts  heap MB");
  const row = async (visitors: number | string) =>
    console.log(`${String(visitors).padStart(8)}  ${String(await accounts.count()).padStart(8)}  ${String(counts.applied).padStart(7)}  ${String(counts.full).padStart(13)}  ${String(counts.failedHosts).padStart(12)}  ${heapMb().toFixed(1).padStart(7)}`);
  await row(0);
  let next = 0;
  for (let done = 0; done < VISITORS; done += REPORT_EVERY) {
    const batchEnd = Math.min(VISITORS, done + REPORT_EVERY);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batchEnd) await visit(next++);
      }),
    );
    await row(batchEnd);
  }
  clock.ms += limits.sandbox.idleMinutes * 60_000;
  accounts.sweep();
  await row(`+${limits.sandbox.idleMinutes} min`);
  await Promise.all([...servers.values()].map(async (s) => (await s).close()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
