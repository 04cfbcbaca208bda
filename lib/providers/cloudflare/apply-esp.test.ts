import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type RunningFake } from "@/lib/sandbox/http-fake";
import type { ApplyContext } from "@/lib/providers/server-types";
import { CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";
import { cloudflareServer } from "./apply";

/**
 * Cloudflare apply for an email provider that keeps no record beside the tracking record and checks nothing before
 * the switch (SparkPost: CDN and certificate first, then `secure` and verify through the CDN): only the tracking
 * record, and the proxy goes on as soon as the certificate is active, without the person's confirmation.
 */
const TOKEN = "cf-esp-token-Zq8Xv3Lm9Tp2Rk7Wn4Hy6Bc1Df5Gj0Ks";
const HOST = "click.x.level-ex.com";
let running: RunningFake;
const fake = new CloudflareFake({ readsUntilActive: 1 });
let ctx: ApplyContext;

beforeAll(async () => {
  running = await startFake(fake, { controls: true });
  ctx = { endpoints: { cloudflare: running.url, fastly: running.url, keycdn: running.url }, maxRetries: 2, maxRetryDelayMs: 20, concurrency: 4 };
});
afterAll(() => running.close());
beforeEach(async () => {
  await fetch(`${running.url}/__sandbox/reset`, { method: "POST", body: "{}" });
  fake.addZone("level-ex.com", { acm: true });
  fake.addToken(TOKEN, {});
});

describe("Cloudflare apply for SparkPost", () => {
  it("creates only the tracking record and proxies it once the certificate is active, with no confirmation", async () => {
    const input = { hosts: [HOST], esp: "sparkpost" as const, region: "eu" };
    let report = await cloudflareServer.apply({ apiToken: TOKEN }, input, ctx);
    for (let i = 0; i < 4 && !report.complete; i++) report = await cloudflareServer.apply({ apiToken: TOKEN }, input, ctx);
    const h = report.hosts[0]!;
    expect([report.complete, h.outcome, h.error]).toEqual([true, "updated", undefined]);
    expect(h.resources.filter((r) => r.kind === "DNS record").map((r) => r.status)).toEqual([`CNAME ${HOST} → eu.spgo.io, Proxied, TTL Auto`]);
    expect(h.records.filter((r) => r.name.includes("<user_id>"))).toEqual([]);
    expect(h.summary).toBe(
      `${HOST} is proxied by Cloudflare with SSL Full and an active certificate. Test a tracked link over HTTPS. Then: You do, in SparkPost: set the tracking domain's secure flag once the CDN serves it, then verify it through the CDN.`,
    );
    expect(fake.state("level-ex.com").records.map((r) => [r.name, r.content, r.proxied])).toEqual([[HOST, "eu.spgo.io", true]]);
  });
});
