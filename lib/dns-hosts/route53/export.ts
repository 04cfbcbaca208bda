import { HclRef, resourceName, type HclBlock } from "@/lib/hcl";
import type { DnsHostTerraform } from "@/lib/dns-hosts/terraform-types";

/**
 * The link record as Terraform for Route 53 (hashicorp/terraform-provider-aws `aws_route53_record`: zone_id, name,
 * type, ttl, records, allow_overwrite; data source `aws_route53_zone`: name, private_zone → zone_id). The record
 * exists already (pointing at SendGrid), so creating it must overwrite it (docs/dns-hosts/route53.md#terraform).
 */
export const route53Terraform: DnsHostTerraform = {
  provider: { name: "aws", source: "hashicorp/aws", version: ">= 5.0" },
  zone: (zone) => ({ type: "data", labels: ["aws_route53_zone", resourceName(zone)], attributes: { name: zone, private_zone: false } }),
  record: ({ host, zone, target, ttl, count }): HclBlock => ({
    type: "resource",
    labels: ["aws_route53_record", resourceName(host)],
    comment: ["Replaces the link host's CNAME to SendGrid (allow_overwrite). The owner record is not managed here: leave it as it is."],
    attributes: {
      count,
      zone_id: new HclRef(`data.aws_route53_zone.${resourceName(zone)}.zone_id`),
      name: host,
      type: "CNAME",
      ttl,
      records: [target],
      allow_overwrite: true,
    },
  }),
};
