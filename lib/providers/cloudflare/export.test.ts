import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { exportPlan } from "@/lib/export";
import type { Plan, PlanField, Region } from "@/lib/domain/plan";
import { plan as cloudflarePlan } from "./plan";

type Resources = Record<string, Record<string, Record<string, unknown>[]>>;
interface Parsed {
  resource: Resources;
  data: Resources;
  variable: Record<string, Record<string, unknown>[]>;
  terraform: { required_providers: Record<string, unknown>[] }[];
}

async function terraform(plan: Plan): Promise<Parsed> {
  const r = exportPlan(plan, "terraform", "http://localhost:3000/setup?cdn=cloudflare");
  if (!r.ok) throw new Error(r.message);
  return (await parse("main.tf", r.body)) as Parsed;
}

function field(plan: Plan, host: string, id: string): PlanField {
  const hp = plan.hosts.find((h) => h.host === host)!;
  return hp.steps.flatMap((s) => s.groups ?? []).flatMap((g) => g.fields).find((f) => f.id === id)!;
}

const one = <T>(byName: Record<string, T[]>, name: string): T => {
  expect(byName[name], name).toHaveLength(1);
  return byName[name]![0]!;
};

describe.each<[Region, string]>([
  ["global", "sendgrid.net"],
  ["eu", "eu.sendgrid.net"],
])("Cloudflare Terraform export, %s region", (region, origin) => {
  const hosts = ["ablink.subdomain.customer.com", "ablink.info.customer.com", "url1.customer.com", "ablink.news.brand.co.uk"];
  const plan = cloudflarePlan({ hosts, region, ownerRecords: ["4455667.news.brand.co.uk"] });

  it("uses the official v5 provider and looks zones up by name", async () => {
    const tf = await terraform(plan);
    expect(tf.terraform[0]!.required_providers[0]).toEqual({ cloudflare: { source: "cloudflare/cloudflare", version: "~> 5" } });
    expect(Object.keys(tf.data.cloudflare_zone!)).toEqual(["brand_co_uk", "customer_com"]);
    expect(one(tf.data.cloudflare_zone!, "customer_com")).toEqual({ filter: { name: "customer.com" } });
  });

  it("writes the link-branding records as the plan gives them: DNS only until the proxy variable is set", async () => {
    const tf = await terraform(plan);
    const records = tf.resource.cloudflare_dns_record!;
    for (const hp of plan.hosts) {
      const [link, owner] = hp.steps.find((s) => s.id === "records")!.records!;
      expect(link!.value).toBe(origin);
      expect(one(records, `${hp.host.replaceAll(".", "_")}_link`)).toEqual({
        zone_id: `\${data.cloudflare_zone.${hp.zone.replaceAll(".", "_")}.id}`,
        name: link!.name,
        type: "CNAME",
        content: link!.value,
        ttl: 1,
        proxied: "${var.proxy_link_hosts}",
      });
      expect(owner!.value).toBe(origin);
    }
    expect(one(tf.variable, "proxy_link_hosts")).toMatchObject({ type: "${bool}", default: false });
    // The pasted owner record keeps its name; the unknown ones take the user id from a variable.
    expect(one(records, "_4455667_news_brand_co_uk")).toMatchObject({ name: "4455667.news.brand.co.uk", content: origin, proxied: false, ttl: 1 });
    expect(one(records, "ablink_info_customer_com_owner")).toMatchObject({ name: "${var.owner_record_user_id}.info.customer.com", content: origin, proxied: false });
    expect(one(tf.variable, "owner_record_user_id")).toMatchObject({ type: "${string}" });
  });

  it("orders an Advanced certificate with the plan's hosts and options, except where Universal SSL covers the host", async () => {
    const tf = await terraform(plan);
    const packs = tf.resource.cloudflare_certificate_pack!;
    expect(Object.keys(packs).sort()).toEqual(["ablink_info_customer_com", "ablink_news_brand_co_uk", "ablink_subdomain_customer_com"]);
    const host = "ablink.subdomain.customer.com";
    const pack = one(packs, "ablink_subdomain_customer_com");
    expect(pack).toEqual({
      zone_id: "${data.cloudflare_zone.customer_com.id}",
      type: "advanced",
      hosts: ["customer.com", host],
      validation_method: "txt",
      validity_days: 90,
      certificate_authority: "lets_encrypt",
      cloudflare_branding: false,
    });
    expect((pack.hosts as string[]).join(", ")).toBe(field(plan, host, "certHostnames").value);
    expect(field(plan, host, "certAuthority").api).toBe(`certificate_authority: "${pack.certificate_authority}"`);
    expect(field(plan, host, "certValidation").api).toBe(`validation_method: "${pack.validation_method}"`);
    expect(field(plan, host, "certValidity").api).toBe(`validity_days: ${pack.validity_days}`);
    expect(field(plan, "url1.customer.com", "certHostnames")).toBeUndefined();
  });

  it("puts one SSL Full Configuration Rule per host in each zone's http_config_settings ruleset", async () => {
    const tf = await terraform(plan);
    const rulesets = tf.resource.cloudflare_ruleset!;
    const ruleset = one(rulesets, "customer_com");
    expect(ruleset).toMatchObject({ zone_id: "${data.cloudflare_zone.customer_com.id}", kind: "zone", phase: "http_config_settings" });
    const rules = ruleset.rules as Record<string, unknown>[];
    expect(rules.map((r) => r.expression)).toEqual(["ablink.subdomain.customer.com", "ablink.info.customer.com", "url1.customer.com"].map((h) => field(plan, h, "ruleExpression").value));
    expect(rules[0]).toEqual({
      action: "set_config",
      expression: '(http.host in {"ablink.subdomain.customer.com"})',
      description: field(plan, "ablink.subdomain.customer.com", "ruleName").value,
      enabled: true,
      action_parameters: { ssl: "full" },
    });
    expect(field(plan, "ablink.subdomain.customer.com", "ruleSsl").api).toBe('action: "set_config", action_parameters: { ssl: "full" }');
    expect((one(rulesets, "brand_co_uk").rules as unknown[]).length).toBe(1);
  });

  it("never writes a credential", async () => {
    const r = exportPlan(plan, "terraform", "");
    expect(r.ok && r.body).not.toMatch(/api_token\s*=|api_key\s*=/);
  });
});
