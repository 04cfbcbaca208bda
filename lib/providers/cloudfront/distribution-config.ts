import type { CacheBehavior, DistributionConfig } from "@aws-sdk/client-cloudfront";
import { randomUUID } from "node:crypto";
import { originCustomHeaders, originIdOf, type CloudfrontRules } from "./behavior";
import { ALLOWED_METHODS, CACHED_METHODS, CLOUDFRONT } from "./settings";

/**
 * A CallerReference never sent before. CloudFront answers DistributionAlreadyExists to any reference it has
 * seen, whatever the config and even once that distribution is deleted, so each create needs a new one; the
 * SDK's retries of one create resend the same request, reference included, and so cannot make a second
 * distribution (docs/providers/cloudfront.md#callerreference).
 */
export function newCallerReference(): string {
  return `ssl-click-${randomUUID()}`;
}

export const DISTRIBUTION_COMMENT_PREFIX = "SSL click tracking for ";

/** The ids of the policies a behaviour in the policy form attaches (custom ones are known once apply created them). */
export interface PolicyIds {
  cachePolicyId: string;
  originRequestPolicyId: string;
}

/** Stands in for a custom policy's id until it exists: the name says which one. */
export const policyIdPlaceholder = (name: string) => `<id of the policy ${name}>`;

/** The policy ids of a config: managed ones as they are, custom ones from `known`, else a placeholder. */
export function policyIdsOf(cf: CloudfrontRules, known: Partial<PolicyIds> = {}): PolicyIds | undefined {
  if (cf.cache.kind === "legacy") return undefined;
  const cache = cf.cache.cachePolicy;
  return {
    cachePolicyId: cache.kind === "managed" ? cache.id : (known.cachePolicyId ?? policyIdPlaceholder(cache.spec.name)),
    originRequestPolicyId: known.originRequestPolicyId ?? policyIdPlaceholder(cf.cache.originRequestPolicy.name),
  };
}

/** The legacy form's cache settings: every header, cookie and query string, as the wizard has always sent them. */
function legacyForwarding(): Partial<CacheBehavior> {
  return {
    ForwardedValues: {
      QueryString: CLOUDFRONT.forwardQueryString,
      Cookies: { Forward: CLOUDFRONT.forwardCookies },
      Headers: { Quantity: CLOUDFRONT.forwardedHeaders.length, Items: [...CLOUDFRONT.forwardedHeaders] },
      QueryStringCacheKeys: { Quantity: 0, Items: [] },
    },
    MinTTL: CLOUDFRONT.minTtl,
    DefaultTTL: CLOUDFRONT.defaultTtl,
    MaxTTL: CLOUDFRONT.maxTtl,
  };
}

/** What the forward-everything form needs: the rules of an ESP whose setup forwards all and caches nothing. */
export const FORWARD_EVERYTHING: CloudfrontRules = {
  route: { via: "host" },
  allowedMethods: ALLOWED_METHODS,
  cachedMethods: CACHED_METHODS,
  cache: { kind: "legacy" },
};

/**
 * The DistributionConfig for one link-branding host: the seed's values (docs/providers/cloudfront.md#distribution-settings)
 * with the email provider's rules as CloudFront keeps them (behavior.ts; docs/providers/cloudfront.md#per-email-provider).
 * A config that is sent to CloudFront takes newCallerReference() and, in the policy form, the ids of its policies;
 * one that is only read (preview, comparisons, exports) has no reference and placeholder ids.
 */
export function distributionConfig(
  host: string,
  origin: string,
  certificateArn: string,
  callerReference = "",
  opts: { rules?: CloudfrontRules; policyIds?: Partial<PolicyIds> } = {},
): DistributionConfig {
  const cf = opts.rules ?? FORWARD_EVERYTHING;
  const ids = policyIdsOf(cf, opts.policyIds);
  const headers = originCustomHeaders(cf, host);
  return {
    CallerReference: callerReference,
    Comment: `${DISTRIBUTION_COMMENT_PREFIX}${host}`.slice(0, 128),
    Enabled: CLOUDFRONT.enabled,
    Aliases: { Quantity: 1, Items: [host] },
    DefaultRootObject: CLOUDFRONT.defaultRootObject,
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: originIdOf(cf),
          DomainName: origin,
          OriginPath: CLOUDFRONT.originPath,
          CustomHeaders: { Quantity: headers.length, Items: headers },
          CustomOriginConfig: {
            HTTPPort: CLOUDFRONT.httpPort,
            HTTPSPort: CLOUDFRONT.httpsPort,
            OriginProtocolPolicy: CLOUDFRONT.originProtocolPolicy,
            OriginSslProtocols: { Quantity: CLOUDFRONT.originSslProtocols.length, Items: [...CLOUDFRONT.originSslProtocols] },
            OriginReadTimeout: CLOUDFRONT.originReadTimeout,
            OriginKeepaliveTimeout: CLOUDFRONT.originKeepaliveTimeout,
          },
        },
      ],
    },
    DefaultCacheBehavior: {
      TargetOriginId: originIdOf(cf),
      ViewerProtocolPolicy: CLOUDFRONT.viewerProtocolPolicy,
      AllowedMethods: {
        Quantity: cf.allowedMethods.length,
        Items: [...cf.allowedMethods],
        CachedMethods: { Quantity: cf.cachedMethods.length, Items: [...cf.cachedMethods] },
      },
      Compress: CLOUDFRONT.compress,
      ...(ids ? { CachePolicyId: ids.cachePolicyId, OriginRequestPolicyId: ids.originRequestPolicyId } : legacyForwarding()),
      SmoothStreaming: false,
      FieldLevelEncryptionId: "",
      LambdaFunctionAssociations: { Quantity: 0, Items: [] },
      FunctionAssociations: { Quantity: 0, Items: [] },
      TrustedSigners: { Enabled: false, Quantity: 0, Items: [] },
      TrustedKeyGroups: { Enabled: false, Quantity: 0, Items: [] },
    },
    CacheBehaviors: { Quantity: 0, Items: [] },
    CustomErrorResponses: { Quantity: 0, Items: [] },
    Logging: { Enabled: CLOUDFRONT.loggingEnabled, IncludeCookies: false, Bucket: "", Prefix: "" },
    PriceClass: CLOUDFRONT.priceClass,
    ViewerCertificate: {
      CloudFrontDefaultCertificate: false,
      ACMCertificateArn: certificateArn,
      SSLSupportMethod: CLOUDFRONT.sslSupportMethod,
      MinimumProtocolVersion: CLOUDFRONT.minimumProtocolVersion,
    },
    Restrictions: { GeoRestriction: { RestrictionType: "none", Quantity: 0, Items: [] } },
    WebACLId: CLOUDFRONT.webAclId,
    HttpVersion: CLOUDFRONT.httpVersion,
    IsIPV6Enabled: CLOUDFRONT.ipv6Enabled,
  };
}
