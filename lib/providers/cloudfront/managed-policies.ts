import type { CachePolicyConfig, OriginRequestPolicyConfig } from "@aws-sdk/client-cloudfront";
import { MANAGED_POLICY } from "./settings";

/**
 * AWS's managed policies that an adopted distribution may use, with what they forward, so its differences from the
 * plan can be judged without reading them (CloudFront developer guide, "Use managed origin request policies" and
 * "Use managed cache policies"; docs/providers/cloudfront.md#policies). HostHeaderOnly was added on 2025-09-03 (the
 * guide's document history); its id is from public Terraform and test code, **unverified** against AWS's page: were it
 * wrong, an adopted distribution using it would be read through GetOriginRequestPolicy like a custom policy.
 */

const whitelist = (...headers: string[]): OriginRequestPolicyConfig["HeadersConfig"] => ({ HeaderBehavior: "whitelist", Headers: { Quantity: headers.length, Items: headers } });

export const MANAGED_ORIGIN_REQUEST_POLICIES: Readonly<Record<string, OriginRequestPolicyConfig>> = {
  [MANAGED_POLICY.allViewer]: {
    Name: "Managed-AllViewer",
    HeadersConfig: { HeaderBehavior: "allViewer" },
    CookiesConfig: { CookieBehavior: "all" },
    QueryStringsConfig: { QueryStringBehavior: "all" },
  },
  [MANAGED_POLICY.allViewerExceptHostHeader]: {
    Name: "Managed-AllViewerExceptHostHeader",
    HeadersConfig: { HeaderBehavior: "allExcept", Headers: { Quantity: 1, Items: ["Host"] } },
    CookiesConfig: { CookieBehavior: "all" },
    QueryStringsConfig: { QueryStringBehavior: "all" },
  },
  [MANAGED_POLICY.hostHeaderOnly]: {
    Name: "Managed-HostHeaderOnly",
    HeadersConfig: whitelist("Host"),
    CookiesConfig: { CookieBehavior: "none" },
    QueryStringsConfig: { QueryStringBehavior: "none" },
  },
  [MANAGED_POLICY.userAgentRefererHeaders]: {
    Name: "Managed-UserAgentRefererHeaders",
    HeadersConfig: whitelist("User-Agent", "Referer"),
    CookiesConfig: { CookieBehavior: "none" },
    QueryStringsConfig: { QueryStringBehavior: "none" },
  },
};

const noKey = {
  EnableAcceptEncodingGzip: false,
  HeadersConfig: { HeaderBehavior: "none" },
  CookiesConfig: { CookieBehavior: "none" },
  QueryStringsConfig: { QueryStringBehavior: "none" },
} as const;

export const MANAGED_CACHE_POLICIES: Readonly<Record<string, CachePolicyConfig>> = {
  [MANAGED_POLICY.cachingDisabled]: { Name: "Managed-CachingDisabled", MinTTL: 0, DefaultTTL: 0, MaxTTL: 0, ParametersInCacheKeyAndForwardedToOrigin: noKey },
  [MANAGED_POLICY.cachingOptimized]: {
    Name: "Managed-CachingOptimized",
    MinTTL: 1,
    DefaultTTL: 86400,
    MaxTTL: 31536000,
    ParametersInCacheKeyAndForwardedToOrigin: { ...noKey, EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true },
  },
};
