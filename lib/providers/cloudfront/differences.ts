import type { DistributionConfig } from "@aws-sdk/client-cloudfront";
import { distributionConfig } from "./distribution-config";
import { LABELS, OPTION } from "./labels";
import { MANAGED_POLICY } from "./settings";

/**
 * How an adopted distribution differs from the plan, in sentences people can act on: what is set, what
 * breaks because of it, and the fix. Only settings that change what clicks do are compared
 * (invariants 2–6, docs/sendgrid.md#the-ten-invariants); price class, logging, IPv6 and the like are the owner's choice.
 */
const label = (key: keyof typeof LABELS) => LABELS[key].label;
const optionLabel = (options: Record<string, string>, value: string | undefined) => (value && options[value]) ?? value ?? "not set";
const has = (items: readonly string[] | undefined, value: string) => (items ?? []).some((i) => i.toLowerCase() === value.toLowerCase());

export function differences(actual: DistributionConfig, host: string, origin: string): string[] {
  const want = distributionConfig(host, origin, "");
  const wantOrigin = want.Origins!.Items![0]!;
  const wantBehavior = want.DefaultCacheBehavior!;
  const behavior = actual.DefaultCacheBehavior;
  const target = actual.Origins?.Items?.find((o) => o.Id === behavior?.TargetOriginId);
  const out: string[] = [];

  if (actual.Enabled === false) out.push("The distribution is disabled, so it serves nothing. Fix: enable it on the distribution's General tab.");

  if (target && target.DomainName !== wantOrigin.DomainName) {
    out.push(`${label("originDomain")} is ${target.DomainName}, not ${wantOrigin.DomainName}: clicks reach the wrong origin and fail. Fix: set it to ${wantOrigin.DomainName}.`);
  }
  const policy = target?.CustomOriginConfig?.OriginProtocolPolicy;
  const wantPolicy = wantOrigin.CustomOriginConfig!.OriginProtocolPolicy!;
  if (target && policy !== wantPolicy) {
    out.push(
      `${label("originProtocol")} is ${policy ?? "not a custom origin"}: clicks may reach SendGrid without TLS. Fix: choose ${optionLabel(OPTION.originProtocolPolicy, wantPolicy)}.`,
    );
  }
  const tls = wantOrigin.CustomOriginConfig!.OriginSslProtocols!.Items!;
  if (target?.CustomOriginConfig && !tls.every((p) => has(target.CustomOriginConfig?.OriginSslProtocols?.Items, p))) {
    out.push(`${label("minOriginSsl")} does not allow ${tls.join(", ")}: CloudFront may fail to connect to SendGrid (502). Fix: allow ${tls.join(", ")}.`);
  }

  const viewer = behavior?.ViewerProtocolPolicy;
  if (viewer !== wantBehavior.ViewerProtocolPolicy) {
    out.push(
      `${label("viewerProtocol")} is ${viewer ?? "not set"}: http:// links in mail already sent ${viewer === "https-only" ? "are refused" : "take an extra redirect"}. Fix: choose ${optionLabel(OPTION.viewerProtocolPolicy, wantBehavior.ViewerProtocolPolicy)}.`,
    );
  }

  const methods = behavior?.AllowedMethods?.Items ?? [];
  const wantMethods = wantBehavior.AllowedMethods!.Items!;
  if (!wantMethods.every((m) => has(methods, m))) {
    out.push(`${label("allowedMethods")} are ${methods.join(", ") || "not set"}: one-click unsubscribe (POST) fails. Fix: allow all ${wantMethods.length} methods (${wantMethods.join(", ")}).`);
  }

  const hostDropped = "SendGrid cannot tell which link branding a click belongs to";
  const forwarded = behavior?.ForwardedValues;
  if (forwarded) {
    if (!forwarded.QueryString) out.push(`${label("queryStrings")} are not forwarded: the recipient's token (?upn=…) never reaches SendGrid and clicks fail. Fix: forward all query strings.`);
    const headers = forwarded.Headers?.Items ?? [];
    if (!has(headers, "*") && !has(headers, "Host")) out.push(`${label("headers")} do not include Host: ${hostDropped}. Fix: forward all headers.`);
  } else if (behavior?.CachePolicyId) {
    const request = behavior.OriginRequestPolicyId;
    if (request === MANAGED_POLICY.allViewerExceptHostHeader) {
      out.push(`The origin request policy AllViewerExceptHostHeader drops the Host header: ${hostDropped}. Fix: use the AllViewer origin request policy.`);
    } else if (!request) {
      out.push("No origin request policy is attached: the Host header and query string reach SendGrid only if the cache policy includes them. Fix: attach the AllViewer origin request policy.");
    }
    if (behavior.CachePolicyId !== MANAGED_POLICY.cachingDisabled) {
      out.push("A cache policy other than CachingDisabled is attached: redirects can be cached and repeat clicks go uncounted. Fix: use the CachingDisabled cache policy.");
    }
  }

  if (actual.ViewerCertificate?.SSLSupportMethod === "vip") {
    out.push(`${label("legacyClients")} is on (dedicated IP addresses), which costs extra and is not needed. Fix: turn it off (SNI only).`);
  }
  return out;
}
