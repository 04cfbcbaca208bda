import type { CachePolicyConfig, OriginRequestPolicyConfig } from "@aws-sdk/client-cloudfront";
import type { CachePolicySpec, OriginRequestPolicySpec } from "./behavior";

/**
 * The API documents of the custom policies (behavior.ts): what apply sends to CreateOriginRequestPolicy and
 * CreateCachePolicy, what the AWS CLI export writes, and what a policy found by name is compared with. Shapes:
 * the Smithy model's OriginRequestPolicyConfig and CachePolicyConfig (@aws-sdk/client-cloudfront, CreateOriginRequestPolicyCommand
 * and CreateCachePolicyCommand); docs/providers/cloudfront.md#policies.
 */

export function originRequestPolicyConfig(p: OriginRequestPolicySpec): OriginRequestPolicyConfig {
  return {
    Name: p.name,
    Comment: p.comment,
    HeadersConfig: p.headers.length > 0 ? { HeaderBehavior: "whitelist", Headers: { Quantity: p.headers.length, Items: [...p.headers] } } : { HeaderBehavior: "none" },
    CookiesConfig: { CookieBehavior: p.cookies },
    QueryStringsConfig: { QueryStringBehavior: p.queryStrings },
  };
}

export function cachePolicyConfig(p: CachePolicySpec): CachePolicyConfig {
  return {
    Name: p.name,
    Comment: p.comment,
    MinTTL: p.minTtl,
    DefaultTTL: p.defaultTtl,
    MaxTTL: p.maxTtl,
    ParametersInCacheKeyAndForwardedToOrigin: {
      EnableAcceptEncodingGzip: p.acceptEncodingGzip,
      EnableAcceptEncodingBrotli: p.acceptEncodingBrotli,
      HeadersConfig: { HeaderBehavior: "none" },
      CookiesConfig: { CookieBehavior: "none" },
      QueryStringsConfig: { QueryStringBehavior: p.queryStrings },
    },
  };
}

const names = (items: readonly string[] | undefined) => (items ?? []).map((i) => i.toLowerCase()).sort().join(",");

/** How a policy found by the wizard's name differs from what the plan needs, in words; empty when it matches. */
export function originRequestPolicyDifferences(have: OriginRequestPolicyConfig, want: OriginRequestPolicyConfig): string[] {
  const out: string[] = [];
  const h = have.HeadersConfig;
  const w = want.HeadersConfig!;
  if (h?.HeaderBehavior !== w.HeaderBehavior || names(h?.Headers?.Items) !== names(w.Headers?.Items)) {
    out.push(`its headers are ${h?.HeaderBehavior ?? "not set"} ${(h?.Headers?.Items ?? []).join(", ")}, not ${(w.Headers?.Items ?? []).join(", ") || "none"}`.replace(/\s+,/g, ","));
  }
  if (have.CookiesConfig?.CookieBehavior !== want.CookiesConfig!.CookieBehavior) out.push(`its cookies are ${have.CookiesConfig?.CookieBehavior ?? "not set"}, not ${want.CookiesConfig!.CookieBehavior}`);
  if (have.QueryStringsConfig?.QueryStringBehavior !== want.QueryStringsConfig!.QueryStringBehavior) {
    out.push(`its query strings are ${have.QueryStringsConfig?.QueryStringBehavior ?? "not set"}, not ${want.QueryStringsConfig!.QueryStringBehavior}`);
  }
  return out;
}

export function cachePolicyDifferences(have: CachePolicyConfig, want: CachePolicyConfig): string[] {
  const out: string[] = [];
  const ttl = (c: CachePolicyConfig) => `${c.MinTTL ?? 0}/${c.DefaultTTL ?? "unset"}/${c.MaxTTL ?? "unset"}`;
  if (ttl(have) !== ttl(want)) out.push(`its TTLs (minimum/default/maximum) are ${ttl(have)}, not ${ttl(want)}`);
  const hq = have.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig?.QueryStringBehavior;
  const wq = want.ParametersInCacheKeyAndForwardedToOrigin!.QueryStringsConfig!.QueryStringBehavior;
  if (hq !== wq) out.push(`its cache key has query strings ${hq ?? "not set"}, not ${wq}`);
  return out;
}
