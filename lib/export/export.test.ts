import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/providers";
import { fieldsOf } from "@/lib/domain/plan";
import { exportPlan } from "./index";
import { HclRef, quote, renderBlock } from "@/lib/hcl";

const plan = PROVIDERS.cloudfront!.plan({ hosts: ["ablink.subdomain.customer.com", "ablink.info.customer.com"], region: "global" });
const body = (format: Parameters<typeof exportPlan>[1]) => {
  const r = exportPlan(plan, format, "http://localhost:3000/setup?cdn=cloudfront");
  if (!r.ok) throw new Error(r.message);
  return r.body;
};

describe("exports of the CloudFront plan", () => {
  it("json is the plan itself", () => {
    expect(JSON.parse(body("json"))).toEqual(plan);
  });

  it("terraform parses as HCL and carries the plan's values", async () => {
    const hcl = (await parse("main.tf", body("terraform"))) as {
      resource: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    const cert = hcl.resource.aws_acm_certificate!.ablink_subdomain_customer_com![0]!;
    expect(cert).toMatchObject({ domain_name: "ablink.subdomain.customer.com", validation_method: "DNS" });
    const dist = hcl.resource.aws_cloudfront_distribution!.ablink_info_customer_com![0]! as Record<string, unknown[]>;
    expect(dist).toMatchObject({ aliases: ["ablink.info.customer.com"], price_class: "PriceClass_All", is_ipv6_enabled: true, http_version: "http2" });
    expect(dist.origin![0]).toMatchObject({
      domain_name: "sendgrid.net",
      origin_id: "Braze_sendgrid-HSTS-email",
      custom_origin_config: [{ origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"], origin_read_timeout: 30, origin_keepalive_timeout: 5, http_port: 80, https_port: 443 }],
    });
    expect(dist.default_cache_behavior![0]).toMatchObject({
      viewer_protocol_policy: "allow-all",
      allowed_methods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
      cached_methods: ["GET", "HEAD", "OPTIONS"],
      min_ttl: 0,
      default_ttl: 86400,
      max_ttl: 31536000,
      forwarded_values: [{ query_string: true, headers: ["*"], cookies: [{ forward: "all" }] }],
    });
    expect(dist.viewer_certificate![0]).toMatchObject({ ssl_support_method: "sni-only", minimum_protocol_version: "TLSv1.2_2021" });
  });

  it("aws-cli is a DistributionConfig per hostname, with how to use it", () => {
    const { howToUse, distributions: docs } = JSON.parse(body("aws-cli"));
    expect(Object.keys(docs)).toEqual(["ablink.subdomain.customer.com", "ablink.info.customer.com"]);
    expect(docs["ablink.info.customer.com"].Aliases).toEqual({ Quantity: 1, Items: ["ablink.info.customer.com"] });
    expect(docs["ablink.info.customer.com"].DefaultCacheBehavior.AllowedMethods.Quantity).toBe(7);
    expect(howToUse).toContain("Create it: aws cloudfront create-distribution --distribution-config file://distribution.json");
  });

  it("markdown lists every field value of each host under that host's heading", () => {
    const md = body("markdown");
    const sections = md.split(/^## /m).slice(1);
    expect(sections.map((section) => section.split("\n")[0])).toEqual(plan.hosts.map((h) => h.host));
    plan.hosts.forEach((h, i) => {
      const values = fieldsOf(h).filter((f) => f.entry !== "blank").map((f) => `\`${f.value}\``);
      // The alias is the one value that differs between the hosts: it proves each section is its own host's.
      expect(values).toContain(`\`${h.host}\``);
      expect(values.filter((v) => !sections[i]!.includes(v))).toEqual([]);
    });
    expect(md).toContain("- [ ] Open the CloudFront console and choose Create distribution.");
  });

  it("quotes Terraform template sequences", () => {
    expect(quote('a"${b}%{c}\\')).toBe('"a\\"$${b}%%{c}\\\\"');
  });

  it("writes objects and lists of objects as HCL parses them", async () => {
    const hcl = renderBlock({
      type: "resource",
      labels: ["t", "n"],
      comment: ["a comment"],
      attributes: { list: [{ a: "x", b: { c: 1, d: true } }, {}], ref: new HclRef("var.x"), skipped: undefined },
    });
    expect(hcl).toContain('# a comment\nresource "t" "n" {');
    expect(await parse("t.tf", hcl)).toEqual({ resource: { t: { n: [{ list: [{ a: "x", b: { c: 1, d: true } }, {}], ref: "${var.x}" }] } } });
  });
});

describe("providers without Terraform resources", () => {
  it("KeyCDN has no official Terraform provider: terraform is refused with a clear message", () => {
    const keycdn = PROVIDERS.keycdn!.plan({ hosts: ["ablink.subdomain.customer.com"], region: "global" });
    expect(exportPlan(keycdn, "terraform", "")).toEqual({ ok: false, message: "KeyCDN has no official Terraform resources for this setup; use markdown or json." });
    expect(exportPlan(keycdn, "aws-cli", "")).toEqual({ ok: false, message: "aws-cli is for Amazon CloudFront only." });
  });
});
