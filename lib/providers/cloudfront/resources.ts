import type { CdnResources } from "@/lib/providers/types";

/** What CloudFront apply creates and reports (ResourceRef.kind), as people read it. */
export const RESOURCE = {
  acmCertificate: "ACM certificate",
  cloudfrontDistribution: "CloudFront distribution",
  cloudfrontOriginRequestPolicy: "CloudFront origin request policy",
  cloudfrontCachePolicy: "CloudFront cache policy",
} as const;

export const cloudfrontResources = {
  kinds: RESOURCE,
  // The distribution uses the certificate, so it goes first (docs/providers/cloudfront.md#updates-and-deletes);
  // the policies last: CloudFront refuses to delete one a distribution still uses (docs/providers/cloudfront.md#policies).
  undoOrder: [RESOURCE.cloudfrontDistribution, RESOURCE.acmCertificate, RESOURCE.cloudfrontOriginRequestPolicy, RESOURCE.cloudfrontCachePolicy],
  // The certificate, the distribution and the two policies the first host of a run reports.
  maxPerHost: 4,
} as const satisfies CdnResources;
