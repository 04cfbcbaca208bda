import type { CdnResources } from "@/lib/providers/types";

/** What CloudFront apply creates and reports (ResourceRef.kind), as people read it. */
export const RESOURCE = {
  acmCertificate: "ACM certificate",
  cloudfrontDistribution: "CloudFront distribution",
} as const;

export const cloudfrontResources = {
  kinds: RESOURCE,
  // The distribution uses the certificate, so it goes first (docs/providers/cloudfront.md#updates-and-deletes).
  undoOrder: [RESOURCE.cloudfrontDistribution, RESOURCE.acmCertificate],
  maxPerHost: 2,
} as const satisfies CdnResources;
