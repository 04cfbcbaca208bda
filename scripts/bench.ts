/**
 * Benchmarks (figures, not pass/fail): `npm run bench` (= tsx --conditions=react-server scripts/bench.ts).
 *
 * 1. Apply for 1, 10 and 50 hostnames, per provider, against its loopback fake answering every API call
 *    after 100 ms: wall time of one apply from an empty account (median of 3); the same apply as a
 *    sequential loop over the hosts (concurrency 1, once); and the critical path: the wall time for one host
 *    (every host's chain of dependent calls is as long as the first one's, so N independent hosts can at
 *    best take that long), plus the wait a documented per-second quota imposes on N hosts (CloudFront: ACM's
 *    RequestCertificate, 5 per second, which apply paces). Goal: within 1.5× of the critical path.
 * 2. plan() for 100 hostnames, per provider.
 * 3. Server response time of /api/plan and /checklist for 50 hostnames, from the production build (run
 *    `next build` first).
 *
 * `--conditions=react-server` lets `import "server-only"` resolve outside Next.js. Everything is on 127.0.0.1.
 */
import { PROVIDERS } from "@/lib/providers";
import type { ApplyReport } from "@/lib/providers/types";
import { REQUEST_CERTIFICATE_PER_SECOND } from "@/lib/providers/cloudfront/settings";
import { HARNESSES } from "@/lib/testing/provider-harness";
import { startProductionServer } from "./prod-server.mjs";

const LATENCY_MS = 100;
const SIZES = [1, 10, 50];
const GOAL = 1.5;
const RUNS = 3;
/** Calls apply paces to a documented per-second quota (a burst of `perSecond`, then `perSecond` a second). */
const QUOTAS: Partial<Record<string, { perSecond: number; what: string }>> = {
  cloudfront: { perSecond: REQUEST_CERTIFICATE_PER_SECOND, what: "ACM RequestCertificate" },
};
const quotaWait = (id: string, n: number) => {
  const q = QUOTAS[id];
  return q ? (Math.max(0, n - q.perSecond) / q.perSecond) * 1000 : 0;
};
const PLAN_HOSTS = 100;
const SERVER_HOSTS = 50;
const SERVER_REQUESTS = 20;

const hostsOf = (n: number) => Array.from({ length: n }, (_, i) => `ablink.b${i}.customer.com`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (n: number) => `${Math.round(n)}`;
const only = process.argv.slice(2);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

function failures(report: ApplyReport): string[] {
  return report.hosts.filter((h) => h.outcome === "failed").map((h) => `${h.host}: ${h.error?.code} ${h.summary}`);
}

async function benchApply() {
  const rows: Record<string, string | number>[] = [];
  for (const { start } of Object.values(HARNESSES)) {
    const h = await start({ requestTimeoutMs: 30_000 });
    if (only.length > 0 && !only.includes(h.id)) {
      await h.close();
      continue;
    }
    const ctx = { ...h.ctx, maxRetryDelayMs: 1000 };
    const run = async (n: number, concurrency?: number) => {
      await h.reset();
      await h.latency(LATENCY_MS);
      const cpu = process.cpuUsage();
      const { ms: wall, value: report } = await timed(() => h.provider.apply(h.credentials, h.input(hostsOf(n)), concurrency ? { ...ctx, concurrency } : ctx));
      const used = process.cpuUsage(cpu);
      const bad = failures(report);
      if (bad.length > 0) throw new Error(`${h.name}, ${n} hosts: ${bad.slice(0, 3).join("; ")}`);
      return { wall, cpu: (used.user + used.system) / 1000, calls: (await h.calls()).length };
    };
    try {
      await run(1); // warm-up (JIT, connections)
      const medianOf = async (n: number) => {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await run(n));
        return runs.sort((a, b) => a.wall - b.wall)[Math.floor(RUNS / 2)]!;
      };
      const one = await medianOf(1);
      for (const n of SIZES) {
        const parallel = n === 1 ? one : await medianOf(n);
        const sequential = n === 1 ? parallel : await run(n, 1);
        const critical = one.wall + quotaWait(h.id, n);
        rows.push({
          provider: h.name,
          hosts: n,
          "API calls": parallel.calls,
          "wall (ms)": ms(parallel.wall),
          "CPU (ms)": ms(parallel.cpu),
          "sequential loop (ms)": ms(sequential.wall),
          "× faster than sequential": (sequential.wall / parallel.wall).toFixed(1),
          "critical path (ms)": ms(critical),
          "× critical path": (parallel.wall / critical).toFixed(2),
          [`goal ≤ ${GOAL}×`]: parallel.wall / critical <= GOAL ? "ok" : "MISSED",
        });
        console.error(`  ${h.name} ${n}: ${ms(parallel.wall)} ms`);
      }
    } finally {
      await h.latency(0);
      await h.close();
    }
  }
  console.log(`\nApply, one run from an empty account, ${LATENCY_MS} ms per API call; wall = median of ${RUNS}; critical path = the 1-host run + quota pacing:`);
  console.table(rows);
  for (const [id, q] of Object.entries(QUOTAS)) console.log(`Quota pacing: ${id} paces ${q!.what} to ${q!.perSecond}/s (a burst of ${q!.perSecond}, then ${q!.perSecond} a second).`);
}

function benchPlan() {
  const hosts = hostsOf(PLAN_HOSTS);
  const rows = Object.values(PROVIDERS).map((p) => {
    const input = { hosts, region: "global" as const };
    for (let i = 0; i < 3; i++) p.plan(input);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      p.plan(input);
      times.push(performance.now() - started);
    }
    return { provider: p.info.name, hosts: PLAN_HOSTS, "median (ms)": median(times).toFixed(2), "p90 (ms)": percentile(times, 0.9).toFixed(2) };
  });
  console.log(`\nplan() for ${PLAN_HOSTS} hostnames (20 runs after 3 warm-up):`);
  console.table(rows);
}

async function benchServer() {
  const server = await startProductionServer();
  const q = `cdn=cloudfront&${hostsOf(SERVER_HOSTS).map((h) => `host=${h}`).join("&")}`;
  const rows: Record<string, string | number>[] = [];
  try {
    for (const path of [`/api/plan?${q}`, `/checklist?${q}`]) {
      const get = async () => {
        const { ms: t, value: res } = await timed(async () => {
          const r = await fetch(server.url + path);
          return { status: r.status, bytes: (await r.arrayBuffer()).byteLength };
        });
        if (res.status !== 200) throw new Error(`${path.slice(0, 40)}… answered ${res.status}`);
        return { t, bytes: res.bytes };
      };
      for (let i = 0; i < 3; i++) await get();
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < SERVER_REQUESTS; i++) {
        const r = await get();
        times.push(r.t);
        bytes = r.bytes;
      }
      rows.push({ route: path.split("?")[0]!, hosts: SERVER_HOSTS, "median (ms)": ms(median(times)), "p90 (ms)": ms(percentile(times, 0.9)), "body (kB)": (bytes / 1024).toFixed(0) });
    }
  } finally {
    await server.stop();
  }
  console.log(`\nServer response time, production build, ${SERVER_HOSTS} hostnames (CloudFront), ${SERVER_REQUESTS} requests one after another after 3 warm-up:`);
  console.table(rows);
}

async function main() {
  console.log(`Node ${process.version}, ${(await import("node:os")).cpus().length} CPUs, load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  await benchApply();
  benchPlan();
  await benchServer();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
