import { AWS_CREDENTIAL_FIELDS } from "@/lib/aws/credential-fields";
import type { ProviderInfo } from "@/lib/providers/types";
import { ACM_FIRST_NAME_MAX_LENGTH } from "./settings";

export const cloudfrontInfo: ProviderInfo = {
  id: "cloudfront",
  name: "Amazon CloudFront",
  needs: "An AWS account and a certificate in ACM us-east-1 (apply can request it for you).",
  available: true,
  credentialFields: AWS_CREDENTIAL_FIELDS,
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
    "acm:RequestCertificate",
    "acm:DescribeCertificate",
    "acm:ListCertificates",
    "acm:DeleteCertificate",
    "acm:AddTagsToCertificate",
    "acm:ListTagsForCertificate",
  ],
  // ACM puts the first name of a certificate in its Common Name: docs/providers/cloudfront.md#64-octets
  hostnameLimit: {
    maxLength: ACM_FIRST_NAME_MAX_LENGTH,
    reason: `too long for CloudFront: its ACM certificate names the host first, and ACM allows at most ${ACM_FIRST_NAME_MAX_LENGTH} characters there. Choose a shorter link subdomain in your link branding (at most ${ACM_FIRST_NAME_MAX_LENGTH} characters in all, e.g. ablink.news.example.com), then enter that hostname.`,
  },
};
