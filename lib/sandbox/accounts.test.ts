import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlanInput } from "@/lib/domain/plan";
import { cloudflareServer } from "@/lib/providers/cloudflare/apply";
import { cloudfrontServer } from "@/lib/providers/cloudfront/apply";
import { fastlyServer } from "@/lib/providers/fastly/apply";
import { keycdnServer } from "@/lib/providers/keycdn/apply";
import { sandboxAccount } from "./accounts";
import { KeycdnFake } from "./fakes/keycdn/fake";

// The in-app sandbox as the wizard's server actions use it (SANDBOX_CONTROLS is not set in unit tests).
const input = (hosts: string[]): PlanInput => ({ hosts, region: "global" });
const VISITOR = "accountsTestVisitor000";

afterEach(() => vi.restoreAllMocks());

describe("the in-app sandbox account", () => {
  it("CloudFront: working fake credentials and endpoints on loopback", async () => {
    const { credentials, ctx } = await sandboxAccount("cloudfront", VISITOR, ["ablink.sandbox.example.com"]);
    const aws = cloudfrontServer.credentialsSchema.parse(credentials);
    expect(aws).toEqual(credentials);
    expect(ctx.endpoints.cloudfront).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ctx.endpoints.acm).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = await cloudfrontServer.apply(aws, input(["ablink.sandbox.example.com"]), ctx);
    expect([report.hosts[0]?.outcome, report.hosts[0]?.records.length]).toEqual(["pending", 1]);
  });

  it("Cloudflare: starts the fake once and applies against zones it creates on demand", async () => {
    const { credentials, ctx } = await sandboxAccount("cloudflare", VISITOR, ["ablink.x.sandbox-example.com"]);
    const again = await sandboxAccount("cloudflare", VISITOR, ["ablink.x.sandbox-example.com"]);
    expect(again.ctx.endpoints.cloudflare).toBe(ctx.endpoints.cloudflare);
    expect(new URL(ctx.endpoints.cloudflare).hostname).toBe("127.0.0.1");
    const report = await cloudflareServer.apply(cloudflareServer.credentialsSchema.parse(credentials), input(["ablink.x.sandbox-example.com"]), ctx);
    expect(report.hosts[0]).toMatchObject({ outcome: "pending" });
    expect(report.hosts[0]?.resources.map((r) => r.kind)).toEqual(["DNS record", "Advanced certificate", "Configuration Rule"]);
  });

  it("Fastly: starts its own fake and apply works against it", async () => {
    const { credentials, ctx } = await sandboxAccount("fastly", VISITOR, ["ablink.sandbox.example.com"]);
    expect(fastlyServer.credentialsSchema.safeParse(credentials).success).toBe(true);
    expect(ctx.endpoints.fastly).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fastlyServer.apply(fastlyServer.credentialsSchema.parse(credentials), input(["ablink.sandbox.example.com"]), ctx);
    expect(r.hosts[0]!.error).toBeUndefined();
  });

  it("KeyCDN: starts its own fake and apply works against it", async () => {
    const { credentials, ctx } = await sandboxAccount("keycdn", VISITOR, ["ablink.sandbox.example.com"]);
    expect(keycdnServer.credentialsSchema.safeParse(credentials).success).toBe(true);
    expect(ctx.endpoints.keycdn).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await keycdnServer.apply(keycdnServer.credentialsSchema.parse(credentials), input(["ablink.sandbox.example.com"]), ctx);
    expect(r.hosts[0]!.error).toBeUndefined();
  });

  it("has no control endpoints unless SANDBOX_CONTROLS=1: they answer 404 and never reach the provider's API", async () => {
    const { credentials, ctx } = await sandboxAccount("keycdn", VISITOR, ["ablink.controls.example.com"]);
    const operation = vi.spyOn(KeycdnFake.prototype, "operation");
    const handle = vi.spyOn(KeycdnFake.prototype, "handle");
    const everyCallFails = JSON.stringify([{ match: "/", status: 500 }]);
    const answers = [
      await fetch(`${ctx.endpoints.keycdn}/__sandbox/faults`, { method: "POST", body: everyCallFails }),
      await fetch(`${ctx.endpoints.keycdn}/__sandbox/latency`, { method: "POST", body: JSON.stringify({ ms: 5000 }) }),
      await fetch(`${ctx.endpoints.keycdn}/__sandbox/reset`, { method: "POST" }),
      await fetch(`${ctx.endpoints.keycdn}/__sandbox/calls`),
    ];
    expect(await Promise.all(answers.map(async (a) => [a.status, await a.text()]))).toEqual([
      [404, ""],
      [404, ""],
      [404, ""],
      [404, ""],
    ]);
    expect([operation.mock.calls.length, handle.mock.calls.length]).toEqual([0, 0]);

    // The fault was not installed: apply still works.
    const r = await keycdnServer.apply(keycdnServer.credentialsSchema.parse(credentials), input(["ablink.controls.example.com"]), ctx);
    expect(r.hosts[0]!.error).toBeUndefined();
    expect(operation).toHaveBeenCalled();
  });
});
