import { HclRef, resourceName, type HclBlock } from "@/lib/hcl";
import type { DnsHostTerraform } from "@/lib/dns-hosts/terraform-types";

/**
 * The link record as Terraform for Cloudflare DNS (cloudflare/terraform-provider-cloudflare v5 `cloudflare_dns_record`:
 * zone_id, name, type, content, ttl, proxied; data source `cloudflare_zone` with `filter = { name }` → id). DNS only:
 * a proxied record would put Cloudflare in front of the CDN (docs/dns-hosts/cloudflare.md#terraform).
 */
export const cloudflareDnsTerraform: DnsHostTerraform = {
  provider: { name: "cloudflare", source: "cloudflare/cloudflare", version: "~> 5" },
  providerComment: "The API token comes from the CLOUDFLARE_API_TOKEN environment variable: never write it in this file.",
  zone: (zone) => ({ type: "data", labels: ["cloudflare_zone", resourceName(zone)], attributes: { filter: { name: zone } } }),
  record: ({ host, zone, target, ttl, count }): HclBlock => ({
    type: "resource",
    labels: ["cloudflare_dns_record", resourceName(host)],
    comment: [
      "The record exists already (pointing at SendGrid): import it before applying, e.g.",
      `terraform import 'cloudflare_dns_record.${resourceName(host)}[0]' '<zone_id>/<record_id>'`,
    ],
    attributes: { count, zone_id: new HclRef(`data.cloudflare_zone.${resourceName(zone)}.id`), name: host, type: "CNAME", content: target, ttl, proxied: false },
  }),
};
