import { resolveEsp } from "@/lib/esps/choice";
import { HclRef, renderBlock, resourceName, type HclBlock, type HclObject } from "@/lib/hcl";
import type { DnsRecord, HostPlan, Plan } from "@/lib/domain/plan";
import type { CdnExports } from "@/lib/providers/types";
import { CERTIFICATE, CONFIG_ACTION, CONFIG_PHASE, SSL_MODE, TTL_AUTO, hostExpression, ruleDescription } from "./settings";
import { OWNER_RECORD, parentOf } from "@/lib/hostnames";
import { coveredByUniversal } from "./zones";

/**
 * Terraform for the Cloudflare plan, with the official `cloudflare/cloudflare` provider v5. The values come
 * from the plan's records and from settings.ts, the same ones apply sends. Resource schemas
 * (cloudflare/terraform-provider-cloudflare v5.22.0):
 * - docs/resources/dns_record.md: `zone_id`, `name`, `type`, `content`, `ttl` (1 = automatic), `proxied`.
 * - docs/resources/ruleset.md: `zone_id`, `kind`, `name`, `phase` (`http_config_settings`), `rules` is a
 *   list attribute of `{ action = "set_config", expression, description, enabled, action_parameters = { ssl } }`
 *   with `ssl` one of off, flexible, full, strict, origin_pull.
 * - docs/resources/certificate_pack.md: `zone_id`, `type = "advanced"`, `hosts` (must include the apex,
 *   at most 50), `validation_method`, `validity_days`, `certificate_authority`, `cloudflare_branding`.
 * - docs/data-sources/zone.md: `filter = { name }`, read-only `id`.
 */

const PROXY_VARIABLE = "proxy_link_hosts";
const USER_ID_VARIABLE = "owner_record_user_id";

const zoneRef = (zone: string) => new HclRef(`data.cloudflare_zone.${resourceName(zone)}.id`);

/** The step's records of a host plan, by step id. */
function recordsOf(hp: HostPlan, stepId: string): DnsRecord[] {
  return hp.steps.find((s) => s.id === stepId)?.records ?? [];
}

/** A known owner record keeps its name; an unknown one (`<user_id>.<parent>`) takes the user id from a variable. */
function recordName(r: DnsRecord): string | HclRef {
  if (r.name.startsWith("<")) return new HclRef(`"\${var.${USER_ID_VARIABLE}}.${parentOf(r.name)}"`);
  return r.name;
}

function recordBlock(label: string, r: DnsRecord, proxied: boolean | HclRef, comment: string[]): HclBlock {
  return {
    type: "resource",
    labels: ["cloudflare_dns_record", label],
    comment,
    attributes: { zone_id: zoneRef(r.zone), name: recordName(r), type: r.type, content: r.value, ttl: TTL_AUTO, proxied },
  };
}

function configRule(host: string): HclObject {
  return { action: CONFIG_ACTION, expression: hostExpression(host), description: ruleDescription(host), enabled: true, action_parameters: { ssl: SSL_MODE } };
}

export function terraformExport(plan: Plan): string {
  const esp = resolveEsp(plan);
  const confirm = esp.order.confirmBeforeSwitch;
  const zones = [...new Set(plan.hosts.map((h) => h.zone))];
  const ownerUnknown = plan.hosts.some((h) => recordsOf(h, "records").some((r) => r.name.startsWith("<")));
  const blocks: HclBlock[] = [
    {
      type: "terraform",
      blocks: [{ type: "required_providers", attributes: { cloudflare: { source: "cloudflare/cloudflare", version: "~> 5" } } }],
    },
    { type: "provider", labels: ["cloudflare"], comment: ["The API token comes from the CLOUDFLARE_API_TOKEN environment variable: never write it in this file."], attributes: {} },
    {
      type: "variable",
      labels: [PROXY_VARIABLE],
      comment: [
        `Order of work: apply with this false (records DNS only)${confirm ? `; in ${esp.name}: ${esp.order.before.join(" ")}` : ""}; wait until`,
        "every certificate pack is Active and test, then apply again with -var proxy_link_hosts=true.",
      ],
      attributes: {
        type: new HclRef("bool"),
        default: false,
        description: `Proxy the link hosts (orange cloud). Only once the certificates are Active${confirm ? ` and ${esp.name} validated the records` : ""}.`,
      },
    },
  ];
  if (ownerUnknown) {
    blocks.push({
      type: "variable",
      labels: [USER_ID_VARIABLE],
      attributes: { type: new HclRef("string"), description: "The number at the start of the owner record in your link-branding chart (<user_id>.<domain>)." },
    });
  }
  for (const zone of zones) {
    blocks.push({ type: "data", labels: ["cloudflare_zone", resourceName(zone)], attributes: { filter: { name: zone } } });
  }

  const seen = new Set<string>();
  for (const hp of plan.hosts) {
    const name = resourceName(hp.host);
    const [link, ...others] = recordsOf(hp, "records");
    if (link && !seen.has(link.name)) {
      seen.add(link.name);
      blocks.push(
        recordBlock(`${name}_link`, link, new HclRef(`var.${PROXY_VARIABLE}`), [
          `${hp.host}: the click-tracking host. If the record exists already, import it first:`,
          `terraform import cloudflare_dns_record.${name}_link <zone_id>/<record_id>`,
        ]),
      );
    }
    for (const owner of others) {
      if (seen.has(owner.name)) continue;
      seen.add(owner.name);
      const label = OWNER_RECORD.test(owner.name) ? resourceName(owner.name) : `${name}_owner`;
      blocks.push(recordBlock(label, owner, false, [`${parentOf(hp.host)}: always DNS only. ${esp.keepRecords?.what ?? ""}`.trim()]));
    }
    if (!coveredByUniversal(hp)) {
      blocks.push({
        type: "resource",
        labels: ["cloudflare_certificate_pack", name],
        comment: [`Advanced certificate naming ${hp.host} (Universal SSL covers only one level below ${hp.zone}). Needs Advanced Certificate Manager.`],
        attributes: {
          zone_id: zoneRef(hp.zone),
          type: CERTIFICATE.type,
          hosts: [hp.zone, hp.host],
          validation_method: CERTIFICATE.validationMethod,
          validity_days: CERTIFICATE.validityDays,
          certificate_authority: CERTIFICATE.certificateAuthority,
          cloudflare_branding: CERTIFICATE.cloudflareBranding,
        },
      });
    }
  }

  for (const zone of zones) {
    const hosts = plan.hosts.filter((h) => h.zone === zone).map((h) => h.host);
    blocks.push({
      type: "resource",
      labels: ["cloudflare_ruleset", resourceName(zone)],
      comment: [
        `Configuration Rules of ${zone}: SSL ${SSL_MODE} for the link hosts only. This is the zone's ${CONFIG_PHASE} entrypoint and`,
        "holds every Configuration Rule of the zone: if the zone has some already, import it first",
        `(terraform import cloudflare_ruleset.${resourceName(zone)} zones/<zone_id>/<ruleset_id>) and add its rules here.`,
      ],
      attributes: { zone_id: zoneRef(zone), kind: "zone", phase: CONFIG_PHASE, name: "Configuration Rules", rules: hosts.map(configRule) },
    });
  }

  return `# HTTPS click tracking with ${plan.cdnName}: link hosts proxied to ${plan.origin}, SSL ${SSL_MODE}, a certificate naming each host.\n\n${blocks.map((b) => renderBlock(b)).join("\n\n")}\n`;
}

/** Terraform with the official Cloudflare provider's resources. */
export const cloudflareExports: CdnExports = { terraform: terraformExport };
