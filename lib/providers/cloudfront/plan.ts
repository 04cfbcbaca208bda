import type { ResolvedEsp } from "@/lib/domain/esp";
import { cnameRecord, exactCertificateNote, knownTarget, planOf } from "@/lib/providers/plan-parts/common";
import { dnsStep, nextStep, testStep } from "@/lib/providers/plan-parts/esp-steps";
import { splitZone } from "@/lib/hostnames";
import type { HostPlan, Plan, PlanInput } from "@/lib/domain/plan";
import { CERTIFICATE_REGION, CLOUDFRONT } from "./settings";
import { OPTION } from "./labels";
import { cloudfrontAddress } from "./address";
import { cloudfrontInfo } from "./info";
import { cloudfrontRules, originIdOf } from "./behavior";
import { behaviorFields, field, guarantees, originHeaderFields, policiesStep } from "./plan-behavior";

const DISTRIBUTION_DOMAIN_HINT = `the distribution's domain name, e.g. ${cloudfrontAddress.example}`;

function hostPlan(host: string, input: PlanInput, esp: ResolvedEsp): HostPlan {
  const origin = esp.origin;
  const cf = cloudfrontRules(esp.rules);
  const target = knownTarget(input, host);
  const { zone, relativeName } = splitZone(host);
  const linkRecord = cnameRecord(host, target ?? DISTRIBUTION_DOMAIN_HINT, {
    valueKnown: target !== undefined,
    purpose: `Sends clicks to CloudFront, which forwards them to ${esp.name} over HTTPS.`,
    phase: "switch",
  });
  const policies = policiesStep(cf, esp);

  return {
    host,
    zone,
    relativeName,
    guarantees: guarantees(host, origin, cf),
    warnings: [],
    steps: [
      {
        id: "certificate",
        title: "Request the certificate in ACM (us-east-1)",
        intro: `CloudFront only uses certificates from AWS Certificate Manager in us-east-1. ${exactCertificateNote(host, zone)}`,
        actions: [
          "Open AWS Certificate Manager and switch the region to US East (N. Virginia) us-east-1.",
          "Choose Request, then Request a public certificate.",
          "Enter the values below and choose Request.",
          "Create the validation CNAME that ACM shows at your DNS host, and keep it: renewals use it.",
          "Wait until the certificate's status is Issued (usually minutes after the record is live; ACM gives up after 72 hours).",
        ],
        groups: [
          {
            id: "acm",
            title: "Request public certificate",
            fields: [
              field("acmRegion", `US East (N. Virginia) ${CERTIFICATE_REGION}`, { entry: "choose", changeFromDefault: true }),
              field("acmRequestType", "Request a public certificate", { entry: "choose" }),
              field("acmDomainName", host, { entry: "type", changeFromDefault: true, api: "RequestCertificate.DomainName" }),
              field("acmValidation", "DNS validation - recommended", { entry: "choose", api: 'ValidationMethod: "DNS"' }),
              field("acmKeyAlgorithm", "RSA 2048", { entry: "choose" }),
            ],
          },
        ],
        records: [
          cnameRecord(`_<token>.${host}`, "_<token>.<id>.acm-validations.aws (shown by ACM after the request)", {
            valueKnown: false,
            purpose: "Proves to ACM that you control the hostname. Keep it for renewals.",
            phase: "setup",
            zone,
          }),
        ],
      },
      ...(policies ? [policies] : []),
      {
        id: "create",
        title: "Create a distribution",
        intro: "One distribution per link-branding hostname.",
        actions: [
          "Open the CloudFront console and choose Create distribution.",
          "There is no delivery method to pick any more: every distribution is a web distribution (the seed's \"Web\" choice).",
          "If the console offers a plan or a guided setup, choose the option that lets you set every field below.",
        ],
      },
      {
        id: "configure",
        title: "Configure the distribution",
        intro: "Set every value below; fields marked \"change\" differ from the console's default.",
        actions: [
          "Set the Origin fields.",
          "Set the Default cache behavior fields.",
          "Leave the Web Application Firewall off.",
          "Set the Settings fields, then choose Create distribution.",
        ],
        groups: [
          {
            id: "origin",
            title: "Origin",
            fields: [
              field("originDomain", origin, { entry: "type", changeFromDefault: true, api: "Origins.Items[0].DomainName", note: "Type it: the list offers only your AWS resources." }),
              field("originProtocol", OPTION.originProtocolPolicy[CLOUDFRONT.originProtocolPolicy], { entry: "choose", changeFromDefault: true, api: `OriginProtocolPolicy: "${CLOUDFRONT.originProtocolPolicy}"` }),
              field("httpPort", CLOUDFRONT.httpPort, { entry: "type", api: "HTTPPort" }),
              field("httpsPort", CLOUDFRONT.httpsPort, { entry: "type", api: "HTTPSPort" }),
              field("minOriginSsl", CLOUDFRONT.originSslProtocols.join(", "), { entry: "choose", api: "OriginSslProtocols" }),
              field("originPath", CLOUDFRONT.originPath, { entry: "blank", api: "OriginPath" }),
              field("originName", originIdOf(cf), { entry: "type", changeFromDefault: true, api: "Origins.Items[0].Id", note: "The console fills in the origin domain; replace it." }),
              field("responseTimeout", CLOUDFRONT.originReadTimeout, { entry: "type", api: "OriginReadTimeout", note: "Under Additional settings." }),
              field("keepaliveTimeout", CLOUDFRONT.originKeepaliveTimeout, { entry: "type", api: "OriginKeepaliveTimeout", note: "Under Additional settings." }),
              ...originHeaderFields(cf, host, esp),
            ],
          },
          {
            id: "behavior",
            title: "Default cache behavior",
            fields: [
              field("targetOrigin", originIdOf(cf), { entry: "choose", api: "TargetOriginId" }),
              field("compress", "No", { entry: "uncheck", changeFromDefault: true, api: "Compress: false", note: "Redirects have no body worth compressing." }),
              field("viewerProtocol", OPTION.viewerProtocolPolicy[CLOUDFRONT.viewerProtocolPolicy], { entry: "choose", api: `ViewerProtocolPolicy: "${CLOUDFRONT.viewerProtocolPolicy}"`, note: "Mail already sent has http:// links; both must work." }),
              ...behaviorFields(cf, esp),
            ],
          },
          {
            id: "waf",
            title: "Web Application Firewall (WAF)",
            fields: [field("waf", "Do not enable security protections", { entry: "choose", changeFromDefault: true, api: 'WebACLId: ""' })],
          },
          {
            id: "settings",
            title: "Settings",
            fields: [
              field("priceClass", OPTION.priceClass[CLOUDFRONT.priceClass], { entry: "choose", api: `PriceClass: "${CLOUDFRONT.priceClass}"` }),
              field("alternateDomain", host, { entry: "type", changeFromDefault: true, api: "Aliases.Items[0]", note: "Choose Add item first." }),
              field("customCertificate", `the ISSUED certificate for ${host} (us-east-1)`, { entry: "choose", changeFromDefault: true, api: "ViewerCertificate.ACMCertificateArn" }),
              field("legacyClients", "Off (SNI only)", { entry: "uncheck", api: `SSLSupportMethod: "${CLOUDFRONT.sslSupportMethod}"`, note: "Legacy (dedicated IP) support costs extra and is not needed." }),
              field("securityPolicy", `${CLOUDFRONT.minimumProtocolVersion} (recommended)`, { entry: "choose", api: `MinimumProtocolVersion: "${CLOUDFRONT.minimumProtocolVersion}"` }),
              field("httpVersions", OPTION.httpVersion[CLOUDFRONT.httpVersion], { entry: "check", api: `HttpVersion: "${CLOUDFRONT.httpVersion}"` }),
              field("defaultRootObject", CLOUDFRONT.defaultRootObject, { entry: "blank", api: "DefaultRootObject" }),
              field("logging", "Off", { entry: "choose", api: "Logging.Enabled: false", note: "Leave log bucket and prefix blank." }),
              field("ipv6", "On", { entry: "choose", api: "IsIPV6Enabled: true" }),
              field("state", "Enabled", { entry: "choose", api: "Enabled: true", note: "The seed's \"Distribution Status: Deployed\" is a status to wait for, not a setting." }),
            ],
          },
        ],
      },
      testStep({
        host,
        cdnName: "CloudFront",
        cdnAddress: target ?? DISTRIBUTION_DOMAIN_HINT,
        addressKnown: target !== undefined,
        waitFor: "Wait until the distribution's Last modified column shows a date instead of Deploying (usually under 5 minutes).",
        esp,
      }),
      dnsStep({ linkRecord, cdnName: "CloudFront", input, esp }),
      nextStep({ host, cdnName: "CloudFront", esp }),
    ],
  };
}

export function plan(input: PlanInput): Plan {
  return planOf(cloudfrontInfo, input, hostPlan);
}
