import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { exportPlan } from "@/lib/export";
import type { Plan, PlanField, Region } from "@/lib/domain/plan";
import { plan as fastlyPlan } from "./plan";

const NO_CONFIGURATION =
  "No Fastly TLS configuration to use: the account has none (ask Fastly support to enable Fastly TLS), or fastly_tls_configuration_id names none of its configurations.";

type Blocks = Record<string, Record<string, unknown>[]>;
interface Parsed {
  resource: Record<string, Blocks>;
  data: Record<string, Blocks>;
  variable: Blocks;
  locals: Record<string, unknown>[];
  output: Blocks;
  terraform: { required_providers: Record<string, unknown>[] }[];
}

async function terraform(plan: Plan): Promise<Parsed> {
  const r = exportPlan(plan, "terraform", "http://localhost:3000/setup?cdn=fastly");
  if (!r.ok) throw new Error(r.message);
  return (await parse("main.tf", r.body)) as Parsed;
}

const one = <T>(byName: Record<string, T[]>, name: string): T => {
  expect(byName[name], name).toHaveLength(1);
  return byName[name]![0]!;
};

describe.each<[Region, string]>([
  ["global", "sendgrid.net"],
  ["eu", "eu.sendgrid.net"],
])("Fastly Terraform export, %s region", (region, origin) => {
  const hosts = ["ablink.subdomain.customer.com", "ablink.info.customer.com"];
  const plan = fastlyPlan({ hosts, region });
  const fields = (host: string): Record<string, PlanField> =>
    Object.fromEntries(plan.hosts.find((h) => h.host === host)!.steps.flatMap((s) => s.groups ?? []).flatMap((g) => g.fields).map((f) => [f.id, f]));

  it("uses the official provider", async () => {
    const tf = await terraform(plan);
    expect(tf.terraform[0]!.required_providers[0]).toEqual({ fastly: { source: "fastly/fastly", version: "~> 9.0" } });
  });

  it("gives each host a VCL service with the plan's domain, backend and fallback TTL, and no Host override", async () => {
    const tf = await terraform(plan);
    for (const host of hosts) {
      const f = fields(host);
      const service = one(tf.resource.fastly_service_vcl!, host.replaceAll(".", "_"));
      expect(service).toEqual({
        name: f.serviceName!.value,
        default_ttl: Number(f.fallbackTtl!.value),
        domain: [{ name: f.domainName!.value }],
        backend: [
          {
            name: f.hostName!.value,
            address: f.hostAddress!.value,
            port: Number(f.port!.value),
            use_ssl: true,
            ssl_check_cert: true,
            ssl_cert_hostname: f.certificateHostname!.value,
            ssl_sni_hostname: f.sniHostname!.value,
            min_tls_version: f.minTls!.value,
          },
        ],
      });
      expect(service).toMatchObject({ name: `ssl-click-tracking ${host}`, default_ttl: 0, domain: [{ name: host }] });
      expect((service.backend as Record<string, unknown>[])[0]).toMatchObject({ address: origin, port: 443, ssl_cert_hostname: origin, ssl_sni_hostname: origin, min_tls_version: "1.2" });
      expect(service).not.toHaveProperty("default_host");
      expect((service.backend as Record<string, unknown>[])[0]).not.toHaveProperty("override_host");
      expect(f.enableTls!.api).toBe("use_ssl=1");
      expect(f.verifyCertificate!.api).toBe("ssl_check_cert=1");
    }
  });

  it("orders a TLS subscription for exactly the service's domain and waits for its validation", async () => {
    const tf = await terraform(plan);
    const name = "ablink_info_customer_com";
    const subscription = one(tf.resource.fastly_tls_subscription!, name);
    expect(subscription).toEqual({
      domains: `\${[for d in fastly_service_vcl.${name}.domain : d.name]}`,
      certificate_authority: "lets-encrypt",
      configuration_id: "${local.tls_configuration.id}",
      lifecycle: [{ precondition: [{ condition: "${local.tls_configuration != null}", error_message: NO_CONFIGURATION }] }],
    });
    expect(fields("ablink.info.customer.com").certificationAuthority!.api).toBe(`certificate_authority: "${subscription.certificate_authority}"`);
    expect(one(tf.resource.fastly_tls_subscription_validation!, name)).toEqual({ subscription_id: `\${fastly_tls_subscription.${name}.id}` });
    expect(String(one(tf.output, `${name}_acme_challenge`).value)).toContain('c.record_name == "_acme-challenge.ablink.info.customer.com"');
    expect(String(one(tf.output, "cname_target").value)).toContain("local.tls_configuration.dns_records");
  });

  it("works on accounts without a default TLS configuration: reads each one by id and picks as apply does", async () => {
    const tf = await terraform(plan);
    // No `default = true` lookup: it fails the whole run on an account that has no default configuration.
    expect(tf.data.fastly_tls_configuration).toEqual({ all: [{ for_each: "${data.fastly_tls_configuration_ids.all.ids}", id: "${each.value}" }] });
    expect(tf.data.fastly_tls_configuration_ids).toEqual({ all: [{}] });
    expect(one(tf.variable, "fastly_tls_configuration_id")).toEqual({
      description: "Fastly TLS configuration id for the certificates and the CNAME target (Secure › TLS configurations). Unset: the default, else the first.",
      type: "${string}",
      default: null,
    });
    expect(tf.locals).toEqual([
      {
        tls_configurations: "${values(data.fastly_tls_configuration.all)}",
        tls_configuration:
          "${var.fastly_tls_configuration_id != null ? try(data.fastly_tls_configuration.all[var.fastly_tls_configuration_id], null) : try(concat([for c in local.tls_configurations : c if c.default], local.tls_configurations)[0], null)}",
      },
    ]);
    // Every host's certificate uses the chosen configuration, and the CNAME target is that configuration's.
    for (const host of hosts) expect(one(tf.resource.fastly_tls_subscription!, host.replaceAll(".", "_")).configuration_id).toBe("${local.tls_configuration.id}");
    expect(one(tf.output, "cname_target")).toEqual({ value: '${try([for r in local.tls_configuration.dns_records : r.record_value if r.record_type == "CNAME"], [])}' });
  });
});
