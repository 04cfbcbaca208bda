import type { DnsHostTerraform } from "./terraform-types";
export type { DnsHostTerraform } from "./terraform-types";
import { HclRef, renderBlock, resourceName, type HclBlock } from "@/lib/hcl";
import type { Plan } from "@/lib/domain/plan";
import { cloudflareDnsTerraform } from "./cloudflare/export";
import { TTL_ADVICE } from "./plan";
import type { DnsHostId } from "./registry";
import { route53Terraform } from "./route53/export";

/**
 * The link record in the Terraform export (`/api/export?…&format=terraform&dnshost=<id>`), behind a variable that is
 * off until verification passes: with `switch_dns = false` (the default) nothing at the DNS host changes.
 */

const TERRAFORM: Record<DnsHostId, DnsHostTerraform> = { route53: route53Terraform, cloudflare: cloudflareDnsTerraform };

export const SWITCH_VARIABLE = "switch_dns";

/** The blocks to add to the CDN's export; its provider is declared only when the CDN's export does not already. */
export function dnsHostTerraform(plan: Plan, id: DnsHostId, cdnExport: string): string {
  const t = TERRAFORM[id];
  const blocks: HclBlock[] = [];
  if (!cdnExport.includes(`"${t.provider.source}"`)) {
    blocks.push(
      { type: "terraform", blocks: [{ type: "required_providers", attributes: { [t.provider.name]: { source: t.provider.source, version: t.provider.version } } }] },
      { type: "provider", labels: [t.provider.name], comment: t.providerComment ? [t.providerComment] : undefined, attributes: {} },
    );
  }
  blocks.push({
    type: "variable",
    labels: [SWITCH_VARIABLE],
    attributes: { description: "Set to true only after the wizard's checks before the switch pass for every host: it then points each link host at the CDN.", type: new HclRef("bool"), default: false },
  });
  const count = new HclRef(`var.${SWITCH_VARIABLE} ? 1 : 0`);
  const zones = new Set<string>();
  for (const hp of plan.hosts) {
    const link = hp.steps.find((s) => s.id === "dns")?.records?.find((r) => r.phase === "switch");
    if (!link) continue;
    if (!zones.has(link.zone)) {
      zones.add(link.zone);
      blocks.push(t.zone(link.zone));
    }
    let target: string | HclRef = link.value;
    if (!link.valueKnown) {
      const variable = `cdn_address_${resourceName(hp.host)}`;
      blocks.push({ type: "variable", labels: [variable], attributes: { description: `The CDN address of ${hp.host}. ${link.value}`, type: new HclRef("string") } });
      target = new HclRef(`var.${variable}`);
    }
    blocks.push(t.record({ host: hp.host, zone: link.zone, target, ttl: TTL_ADVICE.lowerTo, count }));
  }
  return `\n# The link records at the DNS host: nothing changes there until ${SWITCH_VARIABLE} = true.\n\n${blocks.map((b) => renderBlock(b)).join("\n\n")}\n`;
}

