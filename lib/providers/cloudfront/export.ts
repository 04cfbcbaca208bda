import type { DistributionConfig } from "@aws-sdk/client-cloudfront";
import { HclRef, renderBlock, resourceName, type HclBlock } from "@/lib/export/hcl";
import type { Plan } from "@/lib/plan/types";
import type { CdnExports } from "@/lib/providers/types";
import { CERTIFICATE_REGION } from "./settings";
import { distributionConfig, newCallerReference } from "./distribution-config";

/**
 * Exports of the CloudFront plan, built from the same DistributionConfig that apply sends, so the
 * values cannot drift. Terraform resources: hashicorp/aws `aws_acm_certificate`, `aws_cloudfront_distribution`.
 */

const ARN_PLACEHOLDER = (host: string) => `arn:aws:acm:${CERTIFICATE_REGION}:ACCOUNT_ID:certificate/ISSUED-CERTIFICATE-FOR-${host}`;

export interface AwsCliExport {
  howToUse: string[];
  /** `aws cloudfront create-distribution --distribution-config file://…` documents, keyed by hostname. */
  distributions: Record<string, DistributionConfig>;
}

/**
 * The AWS CLI documents. Each carries a CallerReference made for this download: CloudFront refuses one it
 * has seen before (docs/providers/cloudfront.md#callerreference), so the export is made per request and says
 * how to create again. The plan itself stays the same for the same URL.
 */
export function awsCliExport(plan: Plan, reference: () => string = newCallerReference): AwsCliExport {
  const first = plan.hosts[0]?.host ?? "HOSTNAME";
  return {
    howToUse: [
      `Save one document from "distributions" to a file, e.g. jq '.distributions["${first}"]' this-file.json > distribution.json`,
      `In that file, replace ACMCertificateArn with the ARN of the Issued ACM certificate (${CERTIFICATE_REGION}) for that hostname.`,
      "Create it: aws cloudfront create-distribution --distribution-config file://distribution.json",
      "Each create needs a CallerReference CloudFront has never seen, even after the distribution it made is deleted (otherwise: DistributionAlreadyExists). The ones here are new for this download: to create again, download the export again or set CallerReference to a new value (e.g. the output of date +%s).",
    ],
    distributions: Object.fromEntries(plan.hosts.map((h) => [h.host, distributionConfig(h.host, plan.origin, ARN_PLACEHOLDER(h.host), reference())])),
  };
}

function distributionBlock(host: string, c: DistributionConfig, certificate: HclRef): HclBlock {
  const origin = c.Origins!.Items![0]!;
  const oc = origin.CustomOriginConfig!;
  const b = c.DefaultCacheBehavior!;
  const fv = b.ForwardedValues!;
  return {
    type: "resource",
    labels: ["aws_cloudfront_distribution", resourceName(host)],
    attributes: {
      enabled: c.Enabled,
      comment: c.Comment,
      aliases: c.Aliases!.Items!,
      price_class: c.PriceClass,
      http_version: c.HttpVersion,
      is_ipv6_enabled: c.IsIPV6Enabled,
      default_root_object: c.DefaultRootObject,
    },
    blocks: [
      {
        type: "origin",
        attributes: { domain_name: origin.DomainName, origin_id: origin.Id, origin_path: origin.OriginPath },
        blocks: [
          {
            type: "custom_origin_config",
            attributes: {
              http_port: oc.HTTPPort,
              https_port: oc.HTTPSPort,
              origin_protocol_policy: oc.OriginProtocolPolicy,
              origin_ssl_protocols: oc.OriginSslProtocols!.Items!,
              origin_read_timeout: oc.OriginReadTimeout,
              origin_keepalive_timeout: oc.OriginKeepaliveTimeout,
            },
          },
        ],
      },
      {
        type: "default_cache_behavior",
        attributes: {
          target_origin_id: b.TargetOriginId,
          viewer_protocol_policy: b.ViewerProtocolPolicy,
          allowed_methods: b.AllowedMethods!.Items!,
          cached_methods: b.AllowedMethods!.CachedMethods!.Items!,
          compress: b.Compress,
          min_ttl: b.MinTTL,
          default_ttl: b.DefaultTTL,
          max_ttl: b.MaxTTL,
        },
        blocks: [
          {
            type: "forwarded_values",
            attributes: { query_string: fv.QueryString, headers: fv.Headers!.Items! },
            blocks: [{ type: "cookies", attributes: { forward: fv.Cookies!.Forward } }],
          },
        ],
      },
      { type: "restrictions", blocks: [{ type: "geo_restriction", attributes: { restriction_type: "none" } }] },
      {
        type: "viewer_certificate",
        attributes: {
          acm_certificate_arn: certificate,
          ssl_support_method: c.ViewerCertificate!.SSLSupportMethod,
          minimum_protocol_version: c.ViewerCertificate!.MinimumProtocolVersion,
        },
      },
    ],
  };
}

export function terraformExport(plan: Plan): string {
  const blocks: HclBlock[] = [
    { type: "terraform", blocks: [{ type: "required_providers", attributes: { aws: new HclRef('{ source = "hashicorp/aws", version = ">= 5.0" }') } }] },
    { type: "provider", labels: ["aws"], attributes: { region: CERTIFICATE_REGION } },
  ];
  for (const h of plan.hosts) {
    const name = resourceName(h.host);
    blocks.push(
      {
        type: "resource",
        labels: ["aws_acm_certificate", name],
        attributes: { domain_name: h.host, validation_method: "DNS" },
        blocks: [{ type: "lifecycle", attributes: { create_before_destroy: true } }],
      },
      {
        // Waits until the validation CNAME (see the output below) is live at your DNS host and ACM has issued.
        type: "resource",
        labels: ["aws_acm_certificate_validation", name],
        attributes: { certificate_arn: new HclRef(`aws_acm_certificate.${name}.arn`) },
      },
      distributionBlock(h.host, distributionConfig(h.host, plan.origin, "unused"), new HclRef(`aws_acm_certificate_validation.${name}.certificate_arn`)),
      { type: "output", labels: [`${name}_validation_records`], attributes: { value: new HclRef(`aws_acm_certificate.${name}.domain_validation_options`) } },
      { type: "output", labels: [`${name}_cname_target`], attributes: { value: new HclRef(`aws_cloudfront_distribution.${name}.domain_name`) } },
    );
  }
  return `# HTTPS click tracking with ${plan.cdnName}: create the certificate, wait for it, then the distribution.\n\n${blocks.map((b) => renderBlock(b)).join("\n\n")}\n`;
}

/** Terraform with the AWS provider's resources, and the AWS CLI documents per hostname. */
export const cloudfrontExports: CdnExports = { terraform: terraformExport, awsCli: awsCliExport };
