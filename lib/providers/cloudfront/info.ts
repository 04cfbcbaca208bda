import type { ProviderInfo } from "@/lib/providers/types";

export const cloudfrontInfo: ProviderInfo = {
  id: "cloudfront",
  name: "Amazon CloudFront",
  needs: "An AWS account and a certificate in ACM us-east-1 (apply can request it for you).",
  available: true,
  credentialFields: [
    { name: "accessKeyId", label: "AWS access key ID", secret: false, hint: "Starts with AKIA or ASIA." },
    { name: "secretAccessKey", label: "AWS secret access key", secret: true },
    { name: "sessionToken", label: "AWS session token", secret: true, optional: true, hint: "Only for temporary credentials (ASIA…)." },
  ],
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
};
