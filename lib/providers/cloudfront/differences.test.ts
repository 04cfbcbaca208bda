import { describe, expect, it } from "vitest";
import type { DistributionConfig } from "@aws-sdk/client-cloudfront";
import type { EspId } from "@/lib/domain/ids";
import { resolveEsp } from "@/lib/esps/choice";
import { cloudfrontRules } from "./behavior";
import { differences, MANAGED_ONLY, type Wanted } from "./differences";
import { distributionConfig } from "./distribution-config";
import { cachePolicyConfig, originRequestPolicyConfig } from "./policy-configs";
import { MANAGED_POLICY } from "./settings";

const HOST = "ablink.news.example.com";
const ARN = "arn:aws:acm:us-east-1:111122223333:certificate/x";

function wantFor(esp: EspId, region: string): Wanted {
  const e = resolveEsp({ esp, region });
  return { origin: e.origin, espName: e.name, rules: e.rules, cf: cloudfrontRules(e.rules) };
}
const sendgrid = wantFor("sendgrid", "global");
const planned = distributionConfig(HOST, "sendgrid.net", ARN);

/** The default cache behavior without legacy cache settings (policies replace them). */
function withoutLegacy(c: DistributionConfig = planned) {
  const behavior = { ...c.DefaultCacheBehavior! };
  delete behavior.ForwardedValues;
  delete behavior.MinTTL;
  delete behavior.DefaultTTL;
  delete behavior.MaxTTL;
  return behavior;
}

describe("differences for SendGrid (legacy cache settings)", () => {
  it("finds none in the planned config, and none for CachingDisabled + AllViewer", () => {
    expect(differences(planned, HOST, sendgrid)).toEqual([]);
    const policies = { ...planned, DefaultCacheBehavior: { ...withoutLegacy(), CachePolicyId: MANAGED_POLICY.cachingDisabled, OriginRequestPolicyId: MANAGED_POLICY.allViewer } };
    expect(differences(policies, HOST, sendgrid)).toEqual([]);
  });

  it("explains each setting that breaks clicks, with its fix", () => {
    const broken = {
      ...planned,
      Enabled: false,
      DefaultCacheBehavior: { ...withoutLegacy(), ViewerProtocolPolicy: "https-only" as const, CachePolicyId: "custom", OriginRequestPolicyId: MANAGED_POLICY.allViewerExceptHostHeader },
    };
    expect(differences(broken, HOST, wantFor("sendgrid", "eu"))).toEqual([
      "The distribution is disabled, so it serves nothing. Fix: enable it on the distribution's General tab.",
      "Origin domain is sendgrid.net, not eu.sendgrid.net: clicks reach the wrong origin and fail. Fix: set it to eu.sendgrid.net.",
      "Viewer protocol policy is https-only: http:// links in mail already sent are refused. Fix: choose HTTP and HTTPS.",
      "The origin request policy AllViewerExceptHostHeader drops the Host header: SendGrid cannot tell which link host a click belongs to. Fix: use the AllViewer origin request policy.",
      "A cache policy other than CachingDisabled is attached: redirects can be cached and repeat clicks go uncounted. Fix: use the CachingDisabled cache policy.",
    ]);
  });
});

describe("differences for SparkPost (origin custom header, short cache)", () => {
  const want = wantFor("sparkpost", "eu");
  const ids = { cachePolicyId: "11111111-1111-4111-8111-111111111111", originRequestPolicyId: "22222222-2222-4222-8222-222222222222" };
  const plannedSp = distributionConfig(HOST, "eu.spgo.io", ARN, "", { rules: want.cf, policyIds: ids });
  const policies = want.cf.cache.kind === "policies" ? want.cf.cache : undefined;
  const custom = {
    originRequest: (id: string) => (id === ids.originRequestPolicyId ? originRequestPolicyConfig(policies!.originRequestPolicy) : MANAGED_ONLY.originRequest(id)),
    cache: (id: string) => (id === ids.cachePolicyId && policies!.cachePolicy.kind === "custom" ? cachePolicyConfig(policies!.cachePolicy.spec) : MANAGED_ONLY.cache(id)),
  };

  it("finds none in the planned config", () => {
    expect(differences(plannedSp, HOST, want, custom)).toEqual([]);
  });

  it("names a missing X-Forwarded-Host, a long cache and missing User-Agent, each with the fix", () => {
    const origin = { ...plannedSp.Origins!.Items![0]!, CustomHeaders: { Quantity: 0, Items: [] } };
    const broken: DistributionConfig = {
      ...plannedSp,
      Origins: { Quantity: 1, Items: [origin] },
      DefaultCacheBehavior: { ...plannedSp.DefaultCacheBehavior!, CachePolicyId: MANAGED_POLICY.cachingOptimized, OriginRequestPolicyId: MANAGED_POLICY.hostHeaderOnly },
    };
    expect(differences(broken, HOST, want, custom)).toEqual([
      "The origin request policy HostHeaderOnly does not send User-Agent, which SparkPost needs. Fix: use the origin request policy ssl-click-tracking-user-agent (User-Agent, every query string, no cookies).",
      "Query strings are not forwarded: the link's query string never reaches SparkPost and clicks can fail. Fix: use the origin request policy ssl-click-tracking-user-agent (User-Agent, every query string, no cookies).",
      `The origin's custom header X-Forwarded-Host is missing: SparkPost reads the link host from it here and cannot tell which link host a click belongs to. Fix: add the custom header X-Forwarded-Host with the value ${HOST}.`,
      "A click may be kept for 31536000 s; SparkPost allows at most 10 s, so a person's repeat clicks go uncounted. Fix: use the cache policy ssl-click-tracking-ttl-1-10-10 (1/10/10 s, keyed on every query string).",
    ]);
  });
});

describe("differences for Amazon SES (Host without cookies)", () => {
  const want = wantFor("ses", "eu-central-1");

  it("accepts the plan's policy form and refuses AllViewer for its cookies", () => {
    const orpId = "33333333-3333-4333-8333-333333333333";
    const plannedSes = distributionConfig(HOST, "r.eu-central-1.awstrack.me", ARN, "", { rules: want.cf, policyIds: { originRequestPolicyId: orpId } });
    const request = want.cf.cache.kind === "policies" ? originRequestPolicyConfig(want.cf.cache.originRequestPolicy) : undefined;
    const lookup = { originRequest: (id: string) => (id === orpId ? request : MANAGED_ONLY.originRequest(id)), cache: MANAGED_ONLY.cache };
    expect(differences(plannedSes, HOST, want, lookup)).toEqual([]);

    const allViewer = { ...plannedSes, DefaultCacheBehavior: { ...plannedSes.DefaultCacheBehavior!, OriginRequestPolicyId: MANAGED_POLICY.allViewer } };
    expect(differences(allViewer, HOST, want, lookup)).toEqual([
      "Cookies are forwarded, and Amazon SES refuses requests past 8192 bytes of headers and cookies: a visitor with large cookies gets an error instead of the link. Fix: use the origin request policy ssl-click-tracking-host-user-agent (Host, User-Agent, every query string, no cookies).",
    ]);
  });

  it("judges the legacy form by the same rules", () => {
    const legacy = distributionConfig(HOST, "r.eu-central-1.awstrack.me", ARN);
    expect(differences(legacy, HOST, want)).toEqual([
      "Cookies are forwarded, and Amazon SES refuses requests past 8192 bytes of headers and cookies: a visitor with large cookies gets an error instead of the link. Fix: use the origin request policy ssl-click-tracking-host-user-agent (Host, User-Agent, every query string, no cookies).",
    ]);
  });
});
