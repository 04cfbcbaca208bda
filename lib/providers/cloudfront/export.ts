import type { CachePolicyConfig, DistributionConfig, OriginRequestPolicyConfig } from "@aws-sdk/client-cloudfront";
import { resolveEsp } from "@/lib/esps/choice";
import { HclRef, renderBlock, resourceName, type HclBlock } from "@/lib/hcl";
import type { Plan } from "@/lib/domain/plan";
import type { CdnExports } from "@/lib/providers/types";
import { CERTIFICATE_REGION } from "./settings";
import { cloudfrontRules, customPolicies, type CloudfrontRules } from "./behavior";
import { distributionConfig, newCallerReference } from "./distribution-config";
import { cachePolicyConfig, originRequestPolicyConfig } from "./policy-configs";

/**
 * Exports of the CloudFront plan, built from the same DistributionConfig (and policy configs) that apply sends, so
 * the values cannot drift. Terraform resources: hashicorp/aws `aws_acm_certificate`, `aws_cloudfront_distribution`
 * (`origin.custom_header { name, value }`, `default_cache_behavior.cache_policy_id` / `origin_request_policy_id`),
 * `aws_cloudfront_origin_request_policy` (`headers_config`, `cookies_config`, `query_strings_config`) and
 * `aws_cloudfront_cache_policy` (`min_ttl`, `default_ttl`, `max_ttl`, `parameters_in_cache_key_and_forwarded_to_origin`).
 */

const ARN_PLACEHOLDER = (host: string) => `arn:aws:acm:${CERTIFICATE_REGION}:ACCOUNT_ID:certificate/ISSUED-CERTIFICATE-FOR-${host}`;

export interface AwsCliExport {
  howToUse: string[];
  /** `aws cloudfront create-origin-request-policy` / `create-cache-policy` documents, for an ESP that needs them. */
  policies?: { originRequestPolicy?: OriginRequestPolicyConfig; cachePolicy?: CachePolicyConfig };
  /** `aws cloudfront create-distribution --distribution-config file://…` documents, keyed by hostname. */
  distributions: Record<string, DistributionConfig>;
}

const rulesOf = (plan: Plan): CloudfrontRules => cloudfrontRules(resolveEsp(plan).rules);

/**
 * The AWS CLI documents. Each carries a CallerReference made for this download: CloudFront refuses one it
 * has seen before (docs/providers/cloudfront.md#callerreference), so the export is made per request and says
 * how to create again. The plan itself stays the same for the same URL.
 */
export function awsCliExport(plan: Plan, reference: () => string = newCallerReference): AwsCliExport {
  const first = plan.hosts[0]?.host ?? "HOSTNAME";
  const cf = rulesOf(plan);
  const { cachePolicy, originRequestPolicy } = customPolicies(cf);
  const policySteps = [
    ...(originRequestPolicy
      ? [`First, once per account: jq '.policies.originRequestPolicy' this-file.json > orp.json; aws cloudfront create-origin-request-policy --origin-request-policy-config file://orp.json (if ${originRequestPolicy.name} exists, use its Id). Put the Id it answers in OriginRequestPolicyId below.`]
      : []),
    ...(cachePolicy
      ? [`Then: jq '.policies.cachePolicy' this-file.json > cache.json; aws cloudfront create-cache-policy --cache-policy-config file://cache.json (if ${cachePolicy.name} exists, use its Id). Put the Id it answers in CachePolicyId below.`]
      : []),
  ];
  return {
    howToUse: [
      ...policySteps,
      `Save one document from "distributions" to a file, e.g. jq '.distributions["${first}"]' this-file.json > distribution.json`,
      `In that file, replace ACMCertificateArn with the ARN of the Issued ACM certificate (${CERTIFICATE_REGION}) for that hostname${policySteps.length > 0 ? ", and each <id of the policy …> with that policy's Id" : ""}.`,
      "Create it: aws cloudfront create-distribution --distribution-config file://distribution.json",
      "Each create needs a CallerReference CloudFront has never seen, even after the distribution it made is deleted (otherwise: DistributionAlreadyExists). The ones here are new for this download: to create again, download the export again or set CallerReference to a new value (e.g. the output of date +%s).",
    ],
    ...(policySteps.length > 0
      ? { policies: { ...(originRequestPolicy ? { originRequestPolicy: originRequestPolicyConfig(originRequestPolicy) } : {}), ...(cachePolicy ? { cachePolicy: cachePolicyConfig(cachePolicy) } : {}) } }
      : {}),
    distributions: Object.fromEntries(plan.hosts.map((h) => [h.host, distributionConfig(h.host, plan.origin, ARN_PLACEHOLDER(h.host), reference(), { rules: cf })])),
  };
}

const POLICY_RESOURCE = { originRequest: "aws_cloudfront_origin_request_policy.click_tracking", cache: "aws_cloudfront_cache_policy.click_tracking" } as const;

/** The custom policies as Terraform resources, once for every host of the plan. */
function policyBlocks(cf: CloudfrontRules): HclBlock[] {
  const { cachePolicy, originRequestPolicy } = customPolicies(cf);
  const out: HclBlock[] = [];
  if (originRequestPolicy) {
    const c = originRequestPolicyConfig(originRequestPolicy);
    out.push({
      type: "resource",
      labels: POLICY_RESOURCE.originRequest.split(".") as [string, string],
      comment: ["What CloudFront sends the email provider: exactly the headers it needs, every query string."],
      attributes: { name: c.Name, comment: c.Comment },
      blocks: [
        { type: "headers_config", attributes: { header_behavior: c.HeadersConfig!.HeaderBehavior }, blocks: c.HeadersConfig!.Headers ? [{ type: "headers", attributes: { items: c.HeadersConfig!.Headers.Items! } }] : [] },
        { type: "cookies_config", attributes: { cookie_behavior: c.CookiesConfig!.CookieBehavior } },
        { type: "query_strings_config", attributes: { query_string_behavior: c.QueryStringsConfig!.QueryStringBehavior } },
      ],
    });
  }
  if (cachePolicy) {
    const c = cachePolicyConfig(cachePolicy);
    const k = c.ParametersInCacheKeyAndForwardedToOrigin!;
    out.push({
      type: "resource",
      labels: POLICY_RESOURCE.cache.split(".") as [string, string],
      comment: ["How long a click may be kept, keyed on the whole URL."],
      attributes: { name: c.Name, comment: c.Comment, min_ttl: c.MinTTL, default_ttl: c.DefaultTTL, max_ttl: c.MaxTTL },
      blocks: [
        {
          type: "parameters_in_cache_key_and_forwarded_to_origin",
          attributes: { enable_accept_encoding_gzip: k.EnableAcceptEncodingGzip, enable_accept_encoding_brotli: k.EnableAcceptEncodingBrotli },
          blocks: [
            { type: "cookies_config", attributes: { cookie_behavior: k.CookiesConfig!.CookieBehavior } },
            { type: "headers_config", attributes: { header_behavior: k.HeadersConfig!.HeaderBehavior } },
            { type: "query_strings_config", attributes: { query_string_behavior: k.QueryStringsConfig!.QueryStringBehavior } },
          ],
        },
      ],
    });
  }
  return out;
}

/** The policy ids as Terraform references (custom policies) or values (managed ones). */
function policyRefs(cf: CloudfrontRules): { cache?: string | HclRef; originRequest?: HclRef } {
  if (cf.cache.kind === "legacy") return {};
  const cache = cf.cache.cachePolicy;
  return { cache: cache.kind === "managed" ? cache.id : new HclRef(`${POLICY_RESOURCE.cache}.id`), originRequest: new HclRef(`${POLICY_RESOURCE.originRequest}.id`) };
}

function distributionBlock(host: string, c: DistributionConfig, certificate: HclRef, cf: CloudfrontRules): HclBlock {
  const origin = c.Origins!.Items![0]!;
  const oc = origin.CustomOriginConfig!;
  const b = c.DefaultCacheBehavior!;
  const fv = b.ForwardedValues;
  const refs = policyRefs(cf);
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
          ...(origin.CustomHeaders?.Items ?? []).map((h) => ({ type: "custom_header", attributes: { name: h.HeaderName, value: h.HeaderValue } })),
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
          ...(fv ? { min_ttl: b.MinTTL, default_ttl: b.DefaultTTL, max_ttl: b.MaxTTL } : { cache_policy_id: refs.cache, origin_request_policy_id: refs.originRequest }),
        },
        blocks: fv
          ? [
              {
                type: "forwarded_values",
                attributes: { query_string: fv.QueryString, headers: fv.Headers!.Items! },
                blocks: [{ type: "cookies", attributes: { forward: fv.Cookies!.Forward } }],
              },
            ]
          : [],
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
  const cf = rulesOf(plan);
  const blocks: HclBlock[] = [
    { type: "terraform", blocks: [{ type: "required_providers", attributes: { aws: new HclRef('{ source = "hashicorp/aws", version = ">= 5.0" }') } }] },
    { type: "provider", labels: ["aws"], attributes: { region: CERTIFICATE_REGION } },
    ...policyBlocks(cf),
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
      distributionBlock(h.host, distributionConfig(h.host, plan.origin, "unused", "", { rules: cf }), new HclRef(`aws_acm_certificate_validation.${name}.certificate_arn`), cf),
      { type: "output", labels: [`${name}_validation_records`], attributes: { value: new HclRef(`aws_acm_certificate.${name}.domain_validation_options`) } },
      { type: "output", labels: [`${name}_cname_target`], attributes: { value: new HclRef(`aws_cloudfront_distribution.${name}.domain_name`) } },
    );
  }
  return `# HTTPS click tracking with ${plan.cdnName}: create the certificate, wait for it, then the distribution.\n\n${blocks.map((b) => renderBlock(b)).join("\n\n")}\n`;
}

/** Terraform with the AWS provider's resources, and the AWS CLI documents per hostname. */
export const cloudfrontExports: CdnExports = { terraform: terraformExport, awsCli: awsCliExport };
