import type { CachePolicyConfig, DistributionConfig, OriginRequestPolicyConfig } from "@aws-sdk/client-cloudfront";
import type { EspPlanRules } from "@/lib/domain/esp";
import { originCustomHeaders, type CloudfrontRules } from "./behavior";
import { distributionConfig, FORWARD_EVERYTHING } from "./distribution-config";
import { LABELS, OPTION } from "./labels";
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES } from "./managed-policies";

/**
 * How an adopted distribution differs from the plan, in sentences people can act on: what is set, what
 * breaks because of it, and the fix. Only settings that change what clicks do are compared, against the email
 * provider's rules (invariants 2–6, docs/esps.md#invariants), whichever form the distribution uses (legacy cache
 * settings or policies); price class, logging, IPv6 and the like are the owner's choice.
 */

/** What the plan wants for a host: the ESP's origin, name and rules, and how CloudFront keeps them. */
export interface Wanted {
  origin: string;
  espName: string;
  rules: Pick<EspPlanRules, "forwardHeaders" | "forwardCookies" | "maxRequestHeaderBytes" | "cache" | "methods" | "methodsWhy">;
  cf: CloudfrontRules;
}

/** The configs of the policies a distribution names, by id; managed ones are known, custom ones apply reads first. */
export interface PolicyLookup {
  originRequest: (id: string) => OriginRequestPolicyConfig | undefined;
  cache: (id: string) => CachePolicyConfig | undefined;
}

export const MANAGED_ONLY: PolicyLookup = { originRequest: (id) => MANAGED_ORIGIN_REQUEST_POLICIES[id], cache: (id) => MANAGED_CACHE_POLICIES[id] };

const label = (key: keyof typeof LABELS) => LABELS[key].label;
const optionLabel = (options: Record<string, string>, value: string | undefined) => (value && options[value]) ?? value ?? "not set";
const has = (items: readonly string[] | undefined, value: string) => (items ?? []).some((i) => i.toLowerCase() === value.toLowerCase());
const policyName = (config: { Name?: string } | undefined, id: string) => (config?.Name ?? id).replace(/^Managed-/, "");

/** What reaches the origin, and how long an answer may be kept, as the distribution is set up. */
interface Forwarding {
  form: "legacy" | "policies";
  /** Names the Host and other checks use: "all" when every viewer header goes, else the list (Host included when it goes). */
  headers: "all" | string[];
  /** Headers left out of "all" (AllViewerExceptHostHeader). */
  except: string[];
  cookies: "forwarded" | "none";
  query: boolean;
  /** Seconds an answer may be kept; undefined when the cache policy could not be read. */
  keptFor: number | undefined;
  orp?: { id: string; name: string };
  cachePolicy?: { id: string; name: string; config?: CachePolicyConfig };
}

function forwardingOf(actual: DistributionConfig, policies: PolicyLookup): Forwarding {
  const b = actual.DefaultCacheBehavior;
  const fv = b?.ForwardedValues;
  if (fv) {
    const headers = fv.Headers?.Items ?? [];
    return {
      form: "legacy",
      headers: has(headers, "*") ? "all" : headers,
      except: [],
      cookies: fv.Cookies?.Forward === "none" ? "none" : "forwarded",
      query: fv.QueryString === true,
      // With every header forwarded CloudFront caches nothing (docs/providers/cloudfront.md#distribution-settings).
      keptFor: has(headers, "*") ? 0 : (b?.MaxTTL ?? 0),
    };
  }
  const orpId = b?.OriginRequestPolicyId ?? "";
  const orp = orpId ? policies.originRequest(orpId) : undefined;
  const cacheId = b?.CachePolicyId ?? "";
  const cache = cacheId ? policies.cache(cacheId) : undefined;
  const hc = orp?.HeadersConfig;
  const all = hc?.HeaderBehavior === "allViewer" || hc?.HeaderBehavior === "allViewerAndWhitelistCloudFront" || hc?.HeaderBehavior === "allExcept";
  const cacheQuery = cache?.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig?.QueryStringBehavior;
  return {
    form: "policies",
    headers: all ? "all" : hc?.HeaderBehavior === "whitelist" ? (hc.Headers?.Items ?? []) : [],
    except: hc?.HeaderBehavior === "allExcept" ? (hc.Headers?.Items ?? []) : [],
    cookies: !orp || orp.CookiesConfig?.CookieBehavior === "none" ? "none" : "forwarded",
    query: orp?.QueryStringsConfig?.QueryStringBehavior === "all" || cacheQuery === "all",
    keptFor: cache ? (cache.MaxTTL ?? 0) : undefined,
    orp: orpId ? { id: orpId, name: policyName(orp, orpId) } : undefined,
    cachePolicy: cacheId ? { id: cacheId, name: policyName(cache, cacheId), config: cache } : undefined,
  };
}

const sends = (f: Forwarding, header: string) => (f.headers === "all" ? !has(f.except, header) : has(f.headers, header));

/** The fix for forwarding, in the form the distribution uses. */
function forwardingFix(want: Wanted, f: Forwarding, what: string): string {
  if (want.cf.cache.kind === "policies") {
    const p = want.cf.cache.originRequestPolicy;
    return `use the origin request policy ${p.name} (${p.headers.join(", ")}, every query string, ${p.cookies === "all" ? "every cookie" : "no cookies"})`;
  }
  return f.form === "legacy" ? what : "use the AllViewer origin request policy";
}

type Origin = NonNullable<NonNullable<DistributionConfig["Origins"]>["Items"]>[number];

function forwardingDifferences(want: Wanted, f: Forwarding, host: string, target: Origin | undefined): string[] {
  const out: string[] = [];
  const esp = want.espName;
  const hostDropped = `${esp} cannot tell which link host a click belongs to`;
  if (f.form === "policies" && !f.orp && want.cf.route.via === "host") {
    out.push(`No origin request policy is attached: the Host header and query string reach ${esp} only if the cache policy includes them. Fix: attach ${forwardingFix(want, f, "").replace(/^use /, "")}.`);
    return out;
  }
  if (want.cf.route.via === "host" && !sends(f, "Host")) {
    out.push(
      f.form === "legacy"
        ? `${label("headers")} do not include Host: ${hostDropped}. Fix: ${forwardingFix(want, f, "forward all headers")}.`
        : `The origin request policy ${f.orp!.name} drops the Host header: ${hostDropped}. Fix: ${forwardingFix(want, f, "")}.`,
    );
  }
  for (const header of want.rules.forwardHeaders.filter((h) => !sends(f, h))) {
    out.push(`${f.form === "legacy" ? label("headers") : `The origin request policy ${f.orp?.name ?? "(none)"}`} ${f.form === "legacy" ? "do" : "does"} not send ${header}, which ${esp} needs. Fix: ${forwardingFix(want, f, `forward ${header}`)}.`);
  }
  if (want.rules.forwardCookies === "none" && f.cookies === "forwarded") {
    out.push(
      `Cookies are forwarded, and ${esp} refuses requests past ${want.rules.maxRequestHeaderBytes ?? "its limit of"} bytes of headers and cookies: a visitor with large cookies gets an error instead of the link. Fix: ${forwardingFix(want, f, `set ${label("cookies")} to None`)}.`,
    );
  }
  if (!f.query) {
    out.push(`${label("queryStrings")} are not forwarded: the link's query string never reaches ${esp} and clicks can fail. Fix: ${forwardingFix(want, f, "forward all query strings")}.`);
  }
  const header = originCustomHeaders(want.cf, host)[0];
  return out.concat(header ? originHeaderDifference(header, want, target) : []);
}

function originHeaderDifference(header: { HeaderName: string; HeaderValue: string }, want: Wanted, target: Origin | undefined): string[] {
  const found = target?.CustomHeaders?.Items?.find((h) => h.HeaderName?.toLowerCase() === header.HeaderName.toLowerCase());
  if (found?.HeaderValue === header.HeaderValue) return [];
  return [
    `The origin's custom header ${header.HeaderName} is ${found ? `"${found.HeaderValue}"` : "missing"}: ${want.espName} reads the link host from it here and cannot tell which link host a click belongs to. Fix: add the custom header ${header.HeaderName} with the value ${header.HeaderValue}.`,
  ];
}

function cacheDifferences(want: Wanted, f: Forwarding): string[] {
  const max = want.rules.cache.maxTtl;
  const esp = want.espName;
  const plannedCache = want.cf.cache.kind === "policies" ? want.cf.cache.cachePolicy : undefined;
  const fix = plannedCache?.kind === "custom" ? `use the cache policy ${plannedCache.spec.name} (${plannedCache.spec.minTtl}/${plannedCache.spec.defaultTtl}/${plannedCache.spec.maxTtl} s, keyed on every query string)` : "use the CachingDisabled cache policy";
  if (f.form === "policies" && f.keptFor === undefined) {
    return max === 0
      ? ["A cache policy other than CachingDisabled is attached: redirects can be cached and repeat clicks go uncounted. Fix: use the CachingDisabled cache policy."]
      : [`The cache policy ${f.cachePolicy?.name ?? "(none)"} could not be read, so how long it keeps a click is unknown; ${esp} allows at most ${max} s. Fix: ${fix}.`];
  }
  const kept = f.keptFor ?? 0;
  if (kept > max) {
    return max === 0
      ? [
          f.form === "policies"
            ? "A cache policy other than CachingDisabled is attached: redirects can be cached and repeat clicks go uncounted. Fix: use the CachingDisabled cache policy."
            : `${label("maxTtl")} is ${kept} s: redirects can be cached and repeat clicks go uncounted. Fix: forward all headers (CloudFront then caches nothing).`,
        ]
      : [`A click may be kept for ${kept} s; ${esp} allows at most ${max} s, so a person's repeat clicks go uncounted. Fix: ${fix}.`];
  }
  const keyed = f.cachePolicy?.config?.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig?.QueryStringBehavior;
  if (f.form === "policies" && kept > 0 && keyed !== "all") {
    return [`The cache policy ${f.cachePolicy!.name} keeps clicks without every query string in its key: one link's answer can be served for another. Fix: ${fix}.`];
  }
  return [];
}

export function differences(actual: DistributionConfig, host: string, want: Wanted, policies: PolicyLookup = MANAGED_ONLY): string[] {
  const planned = distributionConfig(host, want.origin, "", "", { rules: want.cf });
  const wantOrigin = planned.Origins!.Items![0]!;
  const wantBehavior = planned.DefaultCacheBehavior!;
  const behavior = actual.DefaultCacheBehavior;
  const target = actual.Origins?.Items?.find((o) => o.Id === behavior?.TargetOriginId);
  const esp = want.espName;
  const out: string[] = [];

  if (actual.Enabled === false) out.push("The distribution is disabled, so it serves nothing. Fix: enable it on the distribution's General tab.");

  if (target && target.DomainName !== wantOrigin.DomainName) {
    out.push(`${label("originDomain")} is ${target.DomainName}, not ${wantOrigin.DomainName}: clicks reach the wrong origin and fail. Fix: set it to ${wantOrigin.DomainName}.`);
  }
  const policy = target?.CustomOriginConfig?.OriginProtocolPolicy;
  const wantPolicy = wantOrigin.CustomOriginConfig!.OriginProtocolPolicy!;
  if (target && policy !== wantPolicy) {
    out.push(`${label("originProtocol")} is ${policy ?? "not a custom origin"}: clicks may reach ${esp} without TLS. Fix: choose ${optionLabel(OPTION.originProtocolPolicy, wantPolicy)}.`);
  }
  const tls = wantOrigin.CustomOriginConfig!.OriginSslProtocols!.Items!;
  if (target?.CustomOriginConfig && !tls.every((p) => has(target.CustomOriginConfig?.OriginSslProtocols?.Items, p))) {
    out.push(`${label("minOriginSsl")} does not allow ${tls.join(", ")}: CloudFront may fail to connect to ${esp} (502). Fix: allow ${tls.join(", ")}.`);
  }

  const viewer = behavior?.ViewerProtocolPolicy;
  if (viewer !== wantBehavior.ViewerProtocolPolicy) {
    out.push(
      `${label("viewerProtocol")} is ${viewer ?? "not set"}: http:// links in mail already sent ${viewer === "https-only" ? "are refused" : "take an extra redirect"}. Fix: choose ${optionLabel(OPTION.viewerProtocolPolicy, wantBehavior.ViewerProtocolPolicy)}.`,
    );
  }

  const methods = behavior?.AllowedMethods?.Items ?? [];
  const missing = want.rules.methods.filter((m) => !has(methods, m));
  if (missing.length > 0) {
    const set = wantBehavior.AllowedMethods!.Items!;
    out.push(`${label("allowedMethods")} are ${methods.join(", ") || "not set"}: ${missing.join(", ")} cannot pass. ${want.rules.methodsWhy} Fix: allow ${set.length === FORWARD_EVERYTHING.allowedMethods.length ? `all ${set.length} methods` : "the set"} (${set.join(", ")}).`);
  }

  if (behavior) {
    const f = forwardingOf(actual, policies);
    out.push(...forwardingDifferences(want, f, host, target), ...cacheDifferences(want, f));
  }

  if (actual.ViewerCertificate?.SSLSupportMethod === "vip") {
    out.push(`${label("legacyClients")} is on (dedicated IP addresses), which costs extra and is not needed. Fix: turn it off (SNI only).`);
  }
  return out;
}
