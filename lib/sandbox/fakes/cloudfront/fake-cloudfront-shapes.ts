import "server-only";
import type { FakeTag } from "./fake-cloudfront-tags";
import type { XmlObject } from "./fake-xml";

/**
 * A distribution as the CloudFront fake keeps it, and the XML shapes it answers with (CloudFront API reference:
 * Distribution and DistributionSummary; the SDK's Smithy schemas, dist-es/schemas/schemas_0.js).
 */
export interface Distribution {
  id: string;
  arn: string;
  accountId: string;
  domainName: string;
  config: XmlObject;
  tags: FakeTag[];
  etag: string;
  status: "InProgress" | "Deployed";
  lastModified: number;
  observed: number;
}

/** A Distribution element of GetDistribution, CreateDistribution and UpdateDistribution. */
export const distributionXml = (d: Distribution): XmlObject => ({
  Id: d.id,
  ARN: d.arn,
  Status: d.status,
  LastModifiedTime: new Date(d.lastModified).toISOString(),
  InProgressInvalidationBatches: "0",
  DomainName: d.domainName,
  ActiveTrustedSigners: { Enabled: "false", Quantity: "0" },
  ActiveTrustedKeyGroups: { Enabled: "false", Quantity: "0" },
  DistributionConfig: d.config,
});

/** A DistributionSummary of ListDistributions: the config's fields with CloudFront's defaults where it has none. */
export const summaryXml = (d: Distribution): XmlObject => {
  const c = d.config;
  const none = { Quantity: "0" };
  const pick = (k: string) => c[k] ?? none;
  return {
    Id: d.id,
    ARN: d.arn,
    ETag: d.etag,
    Status: d.status,
    LastModifiedTime: new Date(d.lastModified).toISOString(),
    DomainName: d.domainName,
    Aliases: pick("Aliases"),
    Origins: pick("Origins"),
    OriginGroups: pick("OriginGroups"),
    DefaultCacheBehavior: c.DefaultCacheBehavior ?? {},
    CacheBehaviors: pick("CacheBehaviors"),
    CustomErrorResponses: pick("CustomErrorResponses"),
    Comment: c.Comment ?? "",
    PriceClass: c.PriceClass ?? "PriceClass_All",
    Enabled: c.Enabled ?? "false",
    ViewerCertificate: c.ViewerCertificate ?? { CloudFrontDefaultCertificate: "true" },
    Restrictions: c.Restrictions ?? { GeoRestriction: { RestrictionType: "none", Quantity: "0" } },
    WebACLId: c.WebACLId ?? "",
    HttpVersion: c.HttpVersion ?? "http2",
    IsIPV6Enabled: c.IsIPV6Enabled ?? "true",
    Staging: "false",
  };
};
