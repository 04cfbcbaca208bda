import { describe, expect, it } from "vitest";
import type { PlanInput } from "@/lib/plan/types";
import { cloudflareServer } from "@/lib/providers/cloudflare/apply";
import { cloudfrontServer } from "@/lib/providers/cloudfront/apply";
import { fastlyServer } from "@/lib/providers/fastly/apply";
import { keycdnServer } from "@/lib/providers/keycdn/apply";
import { sandboxAccount } from "./accounts";

// The in-app sandbox as the wizard's server actions use it.
const input = (hosts: string[]): PlanInput => ({ hosts, region: "global" });

describe("the in-app sandbox account", () => {
  it("CloudFront: working fake credentials and endpoints on loopback", async () => {
    const { credentials, ctx } = await sandboxAccount("cloudfront");
    const aws = cloudfrontServer.credentialsSchema.parse(credentials);
    expect(aws).toEqual(credentials);
    expect(ctx.endpoints.cloudfront).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ctx.endpoints.acm).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = await cloudfrontServer.apply(aws, input(["ablink.sandbox.example.com"]), ctx);
    expect([report.hosts[0]?.outcome, report.hosts[0]?.records.length]).toEqual(["pending", 1]);
  });

  it("Cloudflare: starts the fake once and applies against zones it creates on demand", async () => {
    const { credentials, ctx } = await sandboxAccount("cloudflare");
    const again = await sandboxAccount("cloudflare");
    expect(again.ctx.endpoints.cloudflare).toBe(ctx.endpoints.cloudflare);
    expect(new URL(ctx.endpoints.cloudflare).hostname).toBe("127.0.0.1");
    const report = await cloudflareServer.apply(cloudflareServer.credentialsSchema.parse(credentials), input(["ablink.x.sandbox-example.com"]), ctx);
    expect(report.hosts[0]).toMatchObject({ outcome: "pending" });
    expect(report.hosts[0]?.resources.map((r) => r.kind)).toEqual(["DNS record", "Advanced certificate", "Configuration Rule"]);
  });

  it("Fastly: starts its own fake and apply works against it", async () => {
    const { credentials, ctx } = await sandboxAccount("fastly");
    expect(fastlyServer.credentialsSchema.safeParse(credentials).success).toBe(true);
    expect(ctx.endpoints.fastly).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fastlyServer.apply(fastlyServer.credentialsSchema.parse(credentials), input(["ablink.sandbox.example.com"]), ctx);
    expect(r.hosts[0]!.error).toBeUndefined();
  });

  it("KeyCDN: starts its own fake and apply works against it", async () => {
    const { credentials, ctx } = await sandboxAccount("keycdn");
    expect(keycdnServer.credentialsSchema.safeParse(credentials).success).toBe(true);
    expect(ctx.endpoints.keycdn).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await keycdnServer.apply(keycdnServer.credentialsSchema.parse(credentials), input(["ablink.sandbox.example.com"]), ctx);
    expect(r.hosts[0]!.error).toBeUndefined();
  });

});
