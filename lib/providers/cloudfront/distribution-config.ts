import type { DistributionConfig } from "@aws-sdk/client-cloudfront";
import { randomUUID } from "node:crypto";
import { ALLOWED_METHODS, CACHED_METHODS, CLOUDFRONT, ORIGIN_ID } from "./settings";

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

/**
 * The DistributionConfig for one link-branding host: the seed's values (docs/providers/cloudfront.md#distribution-settings). A config
 * that is sent to CloudFront takes newCallerReference(); one that is only read (preview, comparisons, the
 * Terraform export) has none.
 */
export function distributionConfig(host: string, origin: string, certificateArn: string, callerReference = ""): DistributionConfig {
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
          Id: ORIGIN_ID,
          DomainName: origin,
          OriginPath: CLOUDFRONT.originPath,
          CustomHeaders: { Quantity: 0, Items: [] },
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
      TargetOriginId: ORIGIN_ID,
      ViewerProtocolPolicy: CLOUDFRONT.viewerProtocolPolicy,
      AllowedMethods: {
        Quantity: ALLOWED_METHODS.length,
        Items: [...ALLOWED_METHODS],
        CachedMethods: { Quantity: CACHED_METHODS.length, Items: [...CACHED_METHODS] },
      },
      Compress: CLOUDFRONT.compress,
      ForwardedValues: {
        QueryString: CLOUDFRONT.forwardQueryString,
        Cookies: { Forward: CLOUDFRONT.forwardCookies },
        Headers: { Quantity: CLOUDFRONT.forwardedHeaders.length, Items: [...CLOUDFRONT.forwardedHeaders] },
        QueryStringCacheKeys: { Quantity: 0, Items: [] },
      },
      MinTTL: CLOUDFRONT.minTtl,
      DefaultTTL: CLOUDFRONT.defaultTtl,
      MaxTTL: CLOUDFRONT.maxTtl,
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
