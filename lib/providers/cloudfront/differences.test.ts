import { describe, expect, it } from "vitest";
import { differences } from "./differences";
import { distributionConfig } from "./distribution-config";
import { MANAGED_POLICY } from "./settings";

const HOST = "ablink.news.example.com";
const planned = distributionConfig(HOST, "sendgrid.net", "arn:aws:acm:us-east-1:111122223333:certificate/x");

/** The default cache behavior without legacy cache settings (policies replace them). */
function withoutLegacy() {
  const behavior = { ...planned.DefaultCacheBehavior! };
  delete behavior.ForwardedValues;
  delete behavior.MinTTL;
  delete behavior.DefaultTTL;
  delete behavior.MaxTTL;
  return behavior;
}

describe("differences", () => {
  it("finds none in the planned config, and none for CachingDisabled + AllViewer", () => {
    expect(differences(planned, HOST, "sendgrid.net")).toEqual([]);
    const policies = { ...planned, DefaultCacheBehavior: { ...withoutLegacy(), CachePolicyId: MANAGED_POLICY.cachingDisabled, OriginRequestPolicyId: MANAGED_POLICY.allViewer } };
    expect(differences(policies, HOST, "sendgrid.net")).toEqual([]);
  });

  it("explains each setting that breaks clicks, with its fix", () => {
    const broken = {
      ...planned,
      Enabled: false,
      DefaultCacheBehavior: { ...withoutLegacy(), ViewerProtocolPolicy: "https-only" as const, CachePolicyId: "custom", OriginRequestPolicyId: MANAGED_POLICY.allViewerExceptHostHeader },
    };
    expect(differences(broken, HOST, "eu.sendgrid.net")).toEqual([
      "The distribution is disabled, so it serves nothing. Fix: enable it on the distribution's General tab.",
      "Origin domain is sendgrid.net, not eu.sendgrid.net: clicks reach the wrong origin and fail. Fix: set it to eu.sendgrid.net.",
      "Viewer protocol policy is https-only: http:// links in mail already sent are refused. Fix: choose HTTP and HTTPS.",
      "The origin request policy AllViewerExceptHostHeader drops the Host header: SendGrid cannot tell which link branding a click belongs to. Fix: use the AllViewer origin request policy.",
      "A cache policy other than CachingDisabled is attached: redirects can be cached and repeat clicks go uncounted. Fix: use the CachingDisabled cache policy.",
    ]);
  });
});
