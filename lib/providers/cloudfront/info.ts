import { credentialFields } from "@/lib/providers/credential-fields";
import type { ProviderInfo } from "@/lib/providers/types";
import { cloudfrontCredentials } from "./credentials";
import { ACM_FIRST_NAME_MAX_LENGTH } from "./settings";

export const cloudfrontInfo: ProviderInfo = {
  id: "cloudfront",
  name: "Amazon CloudFront",
  needs: "An AWS account and a certificate in ACM us-east-1 (apply can request it for you).",
  available: true,
  credentialFields: credentialFields(cloudfrontCredentials),
  // CreateDistributionWithTags needs CreateDistribution and TagResource; undo reads the tag (ListTagsForResource).
  permissions: [
    "cloudfront:CreateDistribution",
    "cloudfront:TagResource",
    "cloudfront:ListTagsForResource",
    "cloudfront:GetDistribution",
    "cloudfront:GetDistributionConfig",
    "cloudfront:UpdateDistribution",
    "cloudfront:DeleteDistribution",
    "cloudfront:ListDistributions",
    // The custom policies some email providers need (docs/providers/cloudfront.md#policies).
    "cloudfront:CreateOriginRequestPolicy",
    "cloudfront:ListOriginRequestPolicies",
    "cloudfront:GetOriginRequestPolicy",
    "cloudfront:DeleteOriginRequestPolicy",
    "cloudfront:CreateCachePolicy",
    "cloudfront:ListCachePolicies",
    "cloudfront:GetCachePolicy",
    "cloudfront:DeleteCachePolicy",
    "acm:RequestCertificate",
    "acm:DescribeCertificate",
    "acm:ListCertificates",
    "acm:DeleteCertificate",
    "acm:AddTagsToCertificate",
    "acm:ListTagsForCertificate",
  ],
  // SparkPost's CloudFront guide sends the link host as X-Forwarded-Host, Host not forwarded: docs/providers/cloudfront.md#origin-custom-header
  prefersOriginHeaderForBrandedHost: true,
  // ACM puts the first name of a certificate in its Common Name: docs/providers/cloudfront.md#64-octets
  hostnameLimit: {
    maxLength: ACM_FIRST_NAME_MAX_LENGTH,
    reason: `too long for CloudFront: its ACM certificate names the host first, and ACM allows at most ${ACM_FIRST_NAME_MAX_LENGTH} characters there. Choose a shorter link subdomain in your link branding (at most ${ACM_FIRST_NAME_MAX_LENGTH} characters in all, e.g. ablink.news.example.com), then enter that hostname.`,
  },
};
