/**
 * Benchmark: verify 50 link hosts against loopback servers that answer every DNS question, TLS/HTTP request
 * and preload look-up after 100 ms, and compare with one host (issue 6 target: ≤ 3×).
 *
 *   npm run bench:verify     (= npx tsx --conditions=react-server scripts/bench-verify.ts)
 *
 * `--conditions=react-server` lets `import "server-only"` resolve to its empty module outside Next.js.
 * Everything runs on 127.0.0.1; the verifier is given the test-only settings directly.
 */
import { startWorld } from "@/lib/verify/testing/world";
import { verifyHosts } from "@/lib/verify/verify";

const LATENCY_MS = 100;
const HOSTS = 50;
const RUNS = 3;
const TARGET_RATIO = 3;
const CDN_ADDRESS = "d111111abcdef8.cloudfront.net";

const hosts = Array.from({ length: HOSTS }, (_, i) => `ablink${i}.links.customer.com`);

async function main() {
  const world = await startWorld({
    latencyMs: LATENCY_MS,
    sites: Object.fromEntries([...hosts, "customer.com"].map((h) => [h, {}])),
    dns: {
      ...Object.fromEntries(hosts.map((h) => [h, { cname: "sendgrid.net" }])),
      "sendgrid.net": { a: ["127.0.0.1"] },
      [CDN_ADDRESS]: { a: ["127.0.0.1"] },
      "customer.com": { a: ["127.0.0.1"] },
    },
  });
  const run = async (list: string[]) => {
    const started = performance.now();
    const report = await verifyHosts({ cdn: "cloudfront", hosts: list, targets: list.map(() => CDN_ADDRESS), link: "/ls/click?upn=u001.bench" }, { settings: world.settings });
    const ms = performance.now() - started;
    const ready = report.hosts.filter((h) => h.readyToSwitch).length;
    if (ready !== list.length) throw new Error(`only ${ready} of ${list.length} hosts verified: ${JSON.stringify(report.hosts.find((h) => !h.readyToSwitch)?.readiness)}`);
    return ms;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    await run(hosts.slice(0, 1)); // warm-up: TLS contexts, JIT
    const one: number[] = [];
    const many: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      one.push(await run(hosts.slice(0, 1)));
      many.push(await run(hosts));
    }
    const a = median(one);
    const b = median(many);
    const ratio = b / a;
    console.log(`injected latency: ${LATENCY_MS} ms per DNS answer, TLS/HTTP response and preload look-up`);
    console.log(`1 host:   ${a.toFixed(0)} ms (median of ${RUNS})`);
    console.log(`${HOSTS} hosts: ${b.toFixed(0)} ms (median of ${RUNS})`);
    console.log(`ratio:    ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? "ok" : "TOO SLOW"}`);
    process.exitCode = ratio <= TARGET_RATIO ? 0 : 1;
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
