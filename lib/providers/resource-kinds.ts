import type { CdnId } from "@/lib/plan/types";

/**
 * The kinds of resource apply reports (ResourceRef.kind), named once. Safe for client bundles: the undo
 * confirmation lists them and the undo action accepts only these.
 */
export const RESOURCE_KIND = {
  acmCertificate: "ACM certificate",
  cloudfrontDistribution: "CloudFront distribution",
  cloudfrontOriginRequestPolicy: "CloudFront origin request policy",
  cloudfrontCachePolicy: "CloudFront cache policy",
  dnsRecord: "DNS record",
  advancedCertificate: "Advanced certificate",
  universalCertificate: "Universal SSL certificate",
  configurationRule: "Configuration Rule",
  fastlyService: "Fastly service",
  fastlyTlsSubscription: "Fastly TLS subscription",
  keycdnZone: "KeyCDN pull zone",
  keycdnAlias: "KeyCDN zone alias",
} as const;

export type ResourceKind = (typeof RESOURCE_KIND)[keyof typeof RESOURCE_KIND];

export const RESOURCE_KINDS = Object.values(RESOURCE_KIND) as [ResourceKind, ...ResourceKind[]];

/**
 * What undo can remove for each CDN, in the order it removes them: what uses a resource goes before
 * the resource (a distribution before its certificate, an alias before its zone, a TLS subscription
 * before the service that serves its domain).
 */
export const UNDO_ORDER: Record<CdnId, readonly ResourceKind[]> = {
  // Policies last: CloudFront refuses to delete one a distribution still uses.
  cloudfront: [RESOURCE_KIND.cloudfrontDistribution, RESOURCE_KIND.acmCertificate, RESOURCE_KIND.cloudfrontOriginRequestPolicy, RESOURCE_KIND.cloudfrontCachePolicy],
  cloudflare: [RESOURCE_KIND.dnsRecord, RESOURCE_KIND.configurationRule, RESOURCE_KIND.advancedCertificate],
  fastly: [RESOURCE_KIND.fastlyTlsSubscription, RESOURCE_KIND.fastlyService],
  keycdn: [RESOURCE_KIND.keycdnAlias, RESOURCE_KIND.keycdnZone],
};

/** At most this many resources per host: Cloudflare's link record, owner record, certificate and rule; CloudFront's certificate, distribution and two policies. */
export const MAX_RESOURCES_PER_HOST = 4;

export function isUndoable(cdn: CdnId, kind: string): kind is ResourceKind {
  return (UNDO_ORDER[cdn] as readonly string[]).includes(kind);
}
