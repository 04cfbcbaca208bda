import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CloudFrontClient,
  CreateOriginRequestPolicyCommand,
  GetDistributionConfigCommand,
  ListCachePoliciesCommand,
  ListDistributionsCommand,
  ListOriginRequestPoliciesCommand,
} from "@aws-sdk/client-cloudfront";
import type { EspId } from "@/lib/domain/ids";
import type { ApplyContext } from "@/lib/providers/server-types";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import type { UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import type { FakeCall } from "@/lib/sandbox/http-fake";
import { startCloudfrontFakes } from "@/lib/sandbox/fakes/cloudfront/start";
import { cloudfrontServer } from "./apply";
import { MANAGED_POLICY } from "./settings";
import type { CloudfrontCredentials } from "./credentials";

/**
 * Apply, re-apply and undo for each email provider's rules against the fakes: SparkPost gets the X-Forwarded-Host
 * origin header, GET/HEAD and a 1/10/10 cache policy; Amazon SES an origin request policy with Host and User-Agent
 * and no cookies, with CachingDisabled. docs/providers/cloudfront.md#per-email-provider, #policies
 */

const KEY = "AKIAESPAPPLYTESTKEY1";
const SECRET = "espApplyTestSecret/000000000000000000000";
const A = "click.news.example.com";
const B = "click.info.example.com";
const creds: CloudfrontCredentials = { accessKeyId: KEY, secretAccessKey: SECRET };

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
let ctx: ApplyContext;

beforeAll(async () => {
  fakes = await startCloudfrontFakes({ controls: true, accounts: { [KEY]: { secret: SECRET, accountId: "111122223333" } }, deployAfter: { calls: 1 }, issueAfterDescribes: 1, recordAfterDescribes: 1 });
  const unused = "http://127.0.0.1:9";
  ctx = { endpoints: { cloudfront: fakes.cloudfrontUrl, acm: fakes.acmUrl, cloudflare: unused, fastly: unused, keycdn: unused }, maxRetries: 2, maxRetryDelayMs: 50, sleep: async () => {} };
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
});

const cf = () => new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials: creds, maxAttempts: 1 });
const calls = async () => (await (await fetch(`${fakes.cloudfrontUrl}/__sandbox/calls`)).json()) as FakeCall[];
const ops = async () => (await calls()).map((c) => c.op);

async function customPolicies() {
  const orp = await cf().send(new ListOriginRequestPoliciesCommand({ Type: "custom" }));
  const cache = await cf().send(new ListCachePoliciesCommand({ Type: "custom" }));
  return {
    originRequest: (orp.OriginRequestPolicyList?.Items ?? []).map((s) => ({ id: s.OriginRequestPolicy!.Id!, config: s.OriginRequestPolicy!.OriginRequestPolicyConfig! })),
    cache: (cache.CachePolicyList?.Items ?? []).map((s) => ({ id: s.CachePolicy!.Id!, config: s.CachePolicy!.CachePolicyConfig! })),
  };
}

/** Applies until done, collecting what the runs created. */
async function applied(esp: EspId, region: string, hosts: string[]): Promise<UndoTarget[]> {
  let targets: UndoTarget[] = [];
  for (let i = 0; i < 5; i++) {
    const report = await cloudfrontServer.apply(creds, { hosts, esp, region }, ctx);
    targets = createdTargets(report, targets);
    expect(report.hosts.map((h) => h.error)).toEqual(hosts.map(() => undefined));
    if (report.complete) return targets;
  }
  throw new Error("apply did not complete");
}

async function distributionOf(host: string) {
  const list = await cf().send(new ListDistributionsCommand({}));
  const id = list.DistributionList!.Items!.find((d) => d.Aliases?.Items?.includes(host))!.Id!;
  return (await cf().send(new GetDistributionConfigCommand({ Id: id }))).DistributionConfig!;
}

describe("CloudFront apply for SparkPost (EU)", () => {
  it("creates the policies once, a distribution per host with X-Forwarded-Host, and re-applying changes nothing", async () => {
    const targets = await applied("sparkpost", "eu", [A, B]);
    const policies = await customPolicies();
    expect(policies.originRequest.map((p) => [p.config.Name, p.config.HeadersConfig, p.config.CookiesConfig, p.config.QueryStringsConfig])).toEqual([
      ["ssl-click-tracking-user-agent", { HeaderBehavior: "whitelist", Headers: { Quantity: 1, Items: ["User-Agent"] } }, { CookieBehavior: "none" }, { QueryStringBehavior: "all" }],
    ]);
    expect(policies.cache.map((p) => [p.config.Name, p.config.MinTTL, p.config.DefaultTTL, p.config.MaxTTL, p.config.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig])).toEqual([
      ["ssl-click-tracking-ttl-1-10-10", 1, 10, 10, { QueryStringBehavior: "all" }],
    ]);
    for (const host of [A, B]) {
      const d = await distributionOf(host);
      const origin = d.Origins!.Items![0]!;
      expect([origin.DomainName, origin.CustomHeaders]).toEqual(["eu.spgo.io", { Quantity: 1, Items: [{ HeaderName: "X-Forwarded-Host", HeaderValue: host }] }]);
      const b = d.DefaultCacheBehavior!;
      expect([b.AllowedMethods?.Items, b.AllowedMethods?.CachedMethods?.Items, b.CachePolicyId, b.OriginRequestPolicyId, b.ForwardedValues]).toEqual([
        ["GET", "HEAD"],
        ["GET", "HEAD"],
        policies.cache[0]!.id,
        policies.originRequest[0]!.id,
        undefined,
      ]);
    }
    expect(targets.filter((t) => t.kind !== RESOURCE_KIND.acmCertificate && t.kind !== RESOURCE_KIND.cloudfrontDistribution)).toEqual([
      { kind: RESOURCE_KIND.cloudfrontOriginRequestPolicy, id: policies.originRequest[0]!.id, host: A },
      { kind: RESOURCE_KIND.cloudfrontCachePolicy, id: policies.cache[0]!.id, host: A },
    ]);

    const before = (await ops()).length;
    const again = await cloudfrontServer.apply(creds, { hosts: [A, B], esp: "sparkpost", region: "eu" }, ctx);
    expect(again.hosts.map((h) => [h.outcome, h.differences])).toEqual([
      ["unchanged", []],
      ["unchanged", []],
    ]);
    expect((await ops()).slice(before).filter((o) => o.startsWith("Create") || o.startsWith("Update") || o.startsWith("Delete"))).toEqual([]);
  });

  it("undo removes the distributions, then the certificates, then the policies", async () => {
    const targets = await applied("sparkpost", "us", [A]);
    const first = await cloudfrontServer.undo(creds, targets, ctx);
    expect(first.results.filter((r) => r.kind.includes("policy")).map((r) => [r.kind, r.outcome, r.message])).toEqual([
      [RESOURCE_KIND.cloudfrontOriginRequestPolicy, "waiting", "Deleted after the distributions that use it are gone: undo again then."],
      [RESOURCE_KIND.cloudfrontCachePolicy, "waiting", "Deleted after the distributions that use it are gone: undo again then."],
    ]);
    let second = await cloudfrontServer.undo(creds, targets, ctx);
    for (let i = 0; i < 3 && !second.complete; i++) second = await cloudfrontServer.undo(creds, targets, ctx);
    expect(second.complete).toBe(true);
    expect(second.results.filter((r) => r.kind.includes("policy")).map((r) => r.message)).toEqual([
      "Deleted the policy ssl-click-tracking-user-agent.",
      "Deleted the policy ssl-click-tracking-ttl-1-10-10.",
    ]);
    expect(await customPolicies()).toEqual({ originRequest: [], cache: [] });
  });

  it("adopts the policy whose create answer was lost, and creates no second one", async () => {
    await fetch(`${fakes.cloudfrontUrl}/__sandbox/faults`, { method: "POST", body: JSON.stringify([{ match: "CreateOriginRequestPolicy", status: 500, drop: "after-handling", times: 1 }]) });
    const targets = await applied("sparkpost", "us", [A]);
    expect((await calls()).filter((c) => c.op === "CreateOriginRequestPolicy").map((c) => c.fault)).toEqual(["dropped", undefined]);
    expect(targets.filter((t) => t.kind === RESOURCE_KIND.cloudfrontOriginRequestPolicy)).toHaveLength(1);
    expect((await customPolicies()).originRequest.map((p) => p.config.Name)).toEqual(["ssl-click-tracking-user-agent"]);
    expect((await distributionOf(A)).DefaultCacheBehavior!.OriginRequestPolicyId).toBe((await customPolicies()).originRequest[0]!.id);
  });

  it("refuses to use a policy of its name with other settings, and creates no distribution", async () => {
    await cf().send(
      new CreateOriginRequestPolicyCommand({
        OriginRequestPolicyConfig: { Name: "ssl-click-tracking-user-agent", HeadersConfig: { HeaderBehavior: "allViewer" }, CookiesConfig: { CookieBehavior: "all" }, QueryStringsConfig: { QueryStringBehavior: "all" } },
      }),
    );
    let report = await cloudfrontServer.apply(creds, { hosts: [A], esp: "sparkpost", region: "us" }, ctx);
    report = await cloudfrontServer.apply(creds, { hosts: [A], esp: "sparkpost", region: "us" }, ctx);
    const h = report.hosts[0]!;
    expect([h.outcome, h.error?.code]).toEqual(["failed", "PolicyDiffers"]);
    expect(h.error?.message).toMatch(/^The origin-request policy ssl-click-tracking-user-agent \([0-9a-f-]{36}\) exists with other settings: its headers are allViewer, not User-Agent; its cookies are all, not none\. Other distributions may use it, so apply neither uses nor changes it\.$/);
    expect((await cf().send(new ListDistributionsCommand({}))).DistributionList?.Quantity).toBe(0);
  });
});

describe("CloudFront preview for SparkPost", () => {
  it("lists the policies it will create, then the ones it will reuse, reading them once per run", async () => {
    const input = { hosts: [A, B], esp: "sparkpost" as const, region: "us" };
    const policyChanges = async () =>
      (await cloudfrontServer.preview(creds, input, ctx)).hosts.map((h) => h.changes.filter((c) => c.resource.includes("policy")).map((c) => [c.resource, c.action]));
    const before = (await ops()).length;
    expect(await policyChanges()).toEqual([
      [
        [`${RESOURCE_KIND.cloudfrontOriginRequestPolicy} ssl-click-tracking-user-agent`, "create"],
        [`${RESOURCE_KIND.cloudfrontCachePolicy} ssl-click-tracking-ttl-1-10-10`, "create"],
      ],
      [
        [`${RESOURCE_KIND.cloudfrontOriginRequestPolicy} ssl-click-tracking-user-agent`, "create"],
        [`${RESOURCE_KIND.cloudfrontCachePolicy} ssl-click-tracking-ttl-1-10-10`, "create"],
      ],
    ]);
    expect((await ops()).slice(before).filter((o) => o.endsWith("Policies"))).toEqual(["ListOriginRequestPolicies", "ListCachePolicies"]);
    await applied("sparkpost", "us", [A]);
    expect((await policyChanges())[1]).toEqual([
      [`${RESOURCE_KIND.cloudfrontOriginRequestPolicy} ssl-click-tracking-user-agent`, "reuse"],
      [`${RESOURCE_KIND.cloudfrontCachePolicy} ssl-click-tracking-ttl-1-10-10`, "reuse"],
    ]);
  });
});

describe("CloudFront apply for Amazon SES (eu-central-1)", () => {
  it("forwards Host and User-Agent without cookies through a custom origin request policy, and caches nothing", async () => {
    await applied("ses", "eu-central-1", [A]);
    const policies = await customPolicies();
    expect(policies.originRequest.map((p) => [p.config.Name, p.config.HeadersConfig?.Headers?.Items, p.config.CookiesConfig?.CookieBehavior, p.config.QueryStringsConfig?.QueryStringBehavior])).toEqual([
      ["ssl-click-tracking-host-user-agent", ["Host", "User-Agent"], "none", "all"],
    ]);
    expect(policies.cache).toEqual([]);
    const d = await distributionOf(A);
    expect([d.Origins!.Items![0]!.DomainName, d.Origins!.Items![0]!.CustomHeaders?.Quantity, d.DefaultCacheBehavior!.CachePolicyId, d.DefaultCacheBehavior!.AllowedMethods?.Quantity]).toEqual([
      "r.eu-central-1.awstrack.me",
      0,
      MANAGED_POLICY.cachingDisabled,
      7,
    ]);
  });
});
