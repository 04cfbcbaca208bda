import type { ResolvedEsp } from "@/lib/domain/esp";
import { resolveEsp } from "@/lib/esps/choice";
import { HclRef, renderBlock, resourceName, type HclBlock } from "@/lib/hcl";
import type { Plan } from "@/lib/domain/plan";
import type { CdnExports } from "@/lib/providers/types";
import { CERTIFICATE_AUTHORITY, acmeChallengeName, desiredBackend, headersFor, serviceName, settingsFor } from "./settings";

/**
 * Terraform for the Fastly plan, with the official `fastly/fastly` provider. Values come from settings.ts,
 * the same ones apply sends. Resource schemas (fastly/terraform-provider-fastly v9.5.1):
 * - docs/resources/service_vcl.md: `name`, `default_ttl`, `default_host`, `domain { name }`, `backend { name,
 *   address, port, use_ssl, ssl_check_cert, ssl_cert_hostname, ssl_sni_hostname, min_tls_version,
 *   override_host }` (ssl_cert_hostname checks the certificate, ssl_sni_hostname sets SNI), `header { name,
 *   action, type, destination, priority }` (the provider's own example deletes a header with action "delete").
 * - docs/resources/tls_subscription.md: `domains`, `certificate_authority` (lets-encrypt, globalsign,
 *   certainly), read-only `managed_dns_challenges { record_name, record_type, record_value }`.
 * - docs/resources/tls_subscription_validation.md: `subscription_id`; waits until the certificate is issued.
 * - docs/data-sources/tls_configuration.md: `id` (conflicts with the other filters), read-only `default`,
 *   `dns_records { record_type, record_value }`; docs/data-sources/tls_configuration_ids.md: `ids`.
 * Accounts without a default TLS configuration: docs/providers/fastly.md#tls-configuration.
 */

/** Lets a person pick the TLS configuration; unset, the export picks as apply does. */
export const TLS_CONFIGURATION_VARIABLE = "fastly_tls_configuration_id";
const CHOSEN = "local.tls_configuration";

function serviceBlock(host: string, esp: ResolvedEsp): HclBlock {
  const settings = settingsFor(esp.rules);
  return {
    type: "resource",
    labels: ["fastly_service_vcl", resourceName(host)],
    comment: [`${host}: one service per link host, so each is activated and rolled back on its own.`],
    attributes: {
      name: serviceName(host),
      // The ESP's own cache time for a redirect without cache headers (0: each recipient's click reaches the ESP).
      default_ttl: settings.defaultTtl,
      // default_host stays unset (it is empty): the link host passes as the Host header.
      default_host: settings.defaultHost === "" ? undefined : settings.defaultHost,
    },
    blocks: [
      { type: "domain", attributes: { name: host } },
      {
        type: "backend",
        comment: [`No override_host: ${esp.name} must receive the link host as the Host header.`],
        attributes: desiredBackend(esp.origin, esp.esp),
      },
      ...headersFor(esp.rules).map((h) => ({
        type: "header",
        comment: [`Drops the visitor's cookies before Fastly asks ${esp.name}, which refuses requests past ${esp.rules.maxRequestHeaderBytes ?? "its limit of"} bytes of headers and cookies.`],
        attributes: { name: h.name, action: h.action, type: h.type, destination: h.dst, priority: h.priority },
      })),
    ],
  };
}

const NO_CONFIGURATION = `No Fastly TLS configuration to use: the account has none (ask Fastly support to enable Fastly TLS), or ${TLS_CONFIGURATION_VARIABLE} names none of its configurations.`;

/**
 * The TLS configuration for every subscription and the CNAME target, chosen as apply chooses it: the
 * account's default, else its first (here: by id), unless the variable names one. Each configuration is
 * read by id, because a lookup with `default = true` fails the whole run on accounts without a default.
 */
function tlsConfigurationBlocks(): HclBlock[] {
  const variable = `var.${TLS_CONFIGURATION_VARIABLE}`;
  return [
    {
      type: "variable",
      labels: [TLS_CONFIGURATION_VARIABLE],
      comment: ["Leave unset to use the account's default TLS configuration (or its first one when it has no default, as on accounts with only custom configurations)."],
      attributes: {
        description: "Fastly TLS configuration id for the certificates and the CNAME target (Secure › TLS configurations). Unset: the default, else the first.",
        type: new HclRef("string"),
        default: new HclRef("null"),
      },
    },
    { type: "data", labels: ["fastly_tls_configuration_ids", "all"], attributes: {} },
    {
      type: "data",
      labels: ["fastly_tls_configuration", "all"],
      attributes: { for_each: new HclRef("data.fastly_tls_configuration_ids.all.ids"), id: new HclRef("each.value") },
    },
    {
      type: "locals",
      attributes: {
        tls_configurations: new HclRef("values(data.fastly_tls_configuration.all)"),
        tls_configuration: new HclRef(
          `${variable} != null ? try(data.fastly_tls_configuration.all[${variable}], null) : try(concat([for c in local.tls_configurations : c if c.default], local.tls_configurations)[0], null)`,
        ),
      },
    },
  ];
}

export function terraformExport(plan: Plan): string {
  const blocks: HclBlock[] = [
    { type: "terraform", blocks: [{ type: "required_providers", attributes: { fastly: { source: "fastly/fastly", version: "~> 9.0" } } }] },
    { type: "provider", labels: ["fastly"], comment: ["The API token comes from the FASTLY_API_KEY environment variable: never write it in this file."], attributes: {} },
  ];
  const esp = resolveEsp(plan);
  for (const { host } of plan.hosts) {
    const name = resourceName(host);
    blocks.push(
      serviceBlock(host, esp),
      {
        type: "resource",
        labels: ["fastly_tls_subscription", name],
        comment: ["The certificate for exactly this host. Fastly accepts it only for a domain on an active service version."],
        attributes: {
          domains: new HclRef(`[for d in fastly_service_vcl.${name}.domain : d.name]`),
          certificate_authority: CERTIFICATE_AUTHORITY,
          // Always named, as apply does: accounts with only custom configurations refuse a subscription without one.
          configuration_id: new HclRef(`${CHOSEN}.id`),
        },
        blocks: [
          {
            type: "lifecycle",
            blocks: [{ type: "precondition", attributes: { condition: new HclRef(`${CHOSEN} != null`), error_message: NO_CONFIGURATION } }],
          },
        ],
      },
      {
        type: "output",
        labels: [`${name}_acme_challenge`],
        comment: ["Create this CNAME at your DNS host and keep it: renewals use it."],
        attributes: { value: new HclRef(`[for c in fastly_tls_subscription.${name}.managed_dns_challenges : c if c.record_name == "${acmeChallengeName(host)}"]`) },
      },
      {
        type: "resource",
        labels: ["fastly_tls_subscription_validation", name],
        comment: ["Waits until the challenge record is live and the certificate is issued."],
        attributes: { subscription_id: new HclRef(`fastly_tls_subscription.${name}.id`) },
      },
    );
  }
  blocks.push(...tlsConfigurationBlocks(), {
    type: "output",
    labels: ["cname_target"],
    comment: ["Point each link host's CNAME here, only after the tests pass (never hard-code it: it depends on the account)."],
    attributes: { value: new HclRef(`try([for r in ${CHOSEN}.dns_records : r.record_value if r.record_type == "CNAME"], [])`) },
  });
  const order =
    "# Order: terraform apply -target=fastly_tls_subscription.<host> first, create the _acme-challenge CNAME from terraform output,\n# then terraform apply; test each host through Fastly before switching its CNAME.";
  return `# HTTPS click tracking with ${plan.cdnName}: each link host served by Fastly from ${plan.origin} over TLS.\n${order}\n\n${blocks.map((b) => renderBlock(b)).join("\n\n")}\n`;
}

/** Terraform with the official Fastly provider's resources. */
export const fastlyExports: CdnExports = { terraform: terraformExport };
