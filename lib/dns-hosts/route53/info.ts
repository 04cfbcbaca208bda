import { awsCredentials } from "@/lib/providers/aws/credentials";
import { credentialFields } from "@/lib/providers/credential-fields";
import type { DnsHostInfo } from "@/lib/dns-hosts/types";

/** docs/dns-hosts/route53.md#iam: the smallest policy (as lego's route53 provider documents it). */
export const ROUTE53_PERMISSION = {
  findZone: "route53:ListHostedZonesByName",
  read: "route53:ListResourceRecordSets",
  change: "route53:ChangeResourceRecordSets",
  waitForChange: "route53:GetChange",
} as const;

export const route53Info: DnsHostInfo = {
  id: "route53",
  name: "Amazon Route 53",
  credentialFields: credentialFields(awsCredentials),
  permissions: [
    `${ROUTE53_PERMISSION.findZone} on *`,
    `${ROUTE53_PERMISSION.read} and ${ROUTE53_PERMISSION.change} on arn:aws:route53:::hostedzone/<zone id>`,
    `${ROUTE53_PERMISSION.waitForChange} on arn:aws:route53:::change/*`,
  ],
  console: "the Route 53 console › Hosted zones › the zone › Records",
};
