/**
 * The CloudFront values of the seed, as API values. Both the plan (what a person types) and apply
 * (DistributionConfig) read them from here. Mapping and sources: docs/providers/cloudfront.md#distribution-settings
 * (botocore cloudfront/2020-05-31 service model; AWS "Distribution settings reference").
 */

/**
 * The origin's ID (today's console calls it "Name"): the seed's for the legacy forward-everything form it describes,
 * so distributions made before other email providers were offered keep theirs; a neutral one for the policy form.
 */
export const ORIGIN_ID = "Braze_sendgrid-HSTS-email";
export const POLICY_FORM_ORIGIN_ID = "ssl-click-tracking-origin";

/** ACM certificates used by CloudFront must live in us-east-1. */
export const CERTIFICATE_REGION = "us-east-1";

/** ACM's RequestCertificate rate quota, per second (AWS "ACM quotas" page; docs/providers/cloudfront.md#acm). */
export const REQUEST_CERTIFICATE_PER_SECOND = 5;

/**
 * All seven methods: one-click List-Unsubscribe is a POST to the link host (docs/sendgrid.md#invariant-5-every-method-passes),
 * and CloudFront accepts only the sets of 2, 3 or 7 methods, so the seed's six are not a valid choice.
 */
export const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"] as const;
export const CACHED_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

export const CLOUDFRONT = {
  originPath: "",
  originSslProtocols: ["TLSv1.2"],
  originProtocolPolicy: "https-only",
  originReadTimeout: 30,
  originKeepaliveTimeout: 5,
  httpPort: 80,
  httpsPort: 443,
  viewerProtocolPolicy: "allow-all",
  /** Legacy cache settings: forwarding every header passes Host through to SendGrid (invariant 3). */
  forwardedHeaders: ["*"],
  forwardCookies: "all",
  forwardQueryString: true,
  minTtl: 0,
  defaultTtl: 86400,
  maxTtl: 31536000,
  priceClass: "PriceClass_All",
  webAclId: "",
  enabled: true,
  sslSupportMethod: "sni-only",
  /** There is no bare "TLSv1.2" policy; TLSv1.2_2021 is the console's recommended TLS 1.2 policy. */
  minimumProtocolVersion: "TLSv1.2_2021",
  httpVersion: "http2",
  ipv6Enabled: true,
  defaultRootObject: "",
  loggingEnabled: false,
  compress: false,
} as const;

/**
 * AWS managed policy IDs, for the plan (CachingDisabled) and for reading distributions that use other policies
 * (AWS CloudFront developer guide, "Use managed cache policies" and "Use managed origin request policies";
 * managed-policies.ts has what each forwards). AllViewerExceptHostHeader drops Host: never use it where the ESP
 * reads the link host from Host (invariant 3). HostHeaderOnly's id: **unverified** (managed-policies.ts).
 */
export const MANAGED_POLICY = {
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  allViewer: "216adef6-5c7f-47e4-b989-5492eafa07d3",
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
  hostHeaderOnly: "bf0718e1-ba1e-49d1-88b1-f726733018ae",
  userAgentRefererHeaders: "acba4595-bd28-49b8-b9fe-13317c0390fa",
} as const;

/**
 * ACM key types CloudFront can serve: RSA up to 4096 bits and ECDSA P-256 (AWS CloudFront developer
 * guide, "Requirements for using SSL/TLS certificates with CloudFront", key type and size). ListCertificates
 * returns only RSA_1024/RSA_2048 unless asked (ACM API reference, Filters.keyTypes).
 */
export const CERTIFICATE_KEY_TYPES = ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1"] as const;

/**
 * The tag apply puts on everything it creates: ACM certificates (RequestCertificate `Tags`) and CloudFront
 * distributions (CreateDistributionWithTags), so undo can tell what this wizard made from what the person
 * made (neither an idempotency token nor a CallerReference says who sent it). docs/providers/cloudfront.md#tags
 */
export const APPLY_TAG = { Key: "created-by", Value: "ssl-click-tracking-wizard" } as const;

/** The longest first name ACM puts in a certificate (its Common Name): docs/providers/cloudfront.md#64-octets */
export const ACM_FIRST_NAME_MAX_LENGTH = 64;

/** How long CloudFront usually takes to deploy a change (docs/providers/cloudfront.md#deployment: "usually under 5" minutes). */
export const DEPLOY_MINUTES = 5;
