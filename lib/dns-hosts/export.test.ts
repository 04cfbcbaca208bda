import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { exportPlan } from "@/lib/export";
import { PROVIDERS } from "@/lib/providers";

/** The link record in the Terraform export: at the DNS host named by `dnshost`, off until `switch_dns` is set. */
const HOST = "ablink.news.customer.com";
const target = "d111111abcdef8.cloudfront.net";

async function terraform(cdn: "cloudfront" | "fastly" | "cloudflare", dnsHost: "route53" | "cloudflare") {
  const plan = PROVIDERS[cdn].plan({ hosts: [HOST], region: "global", targets: [target] });
  const r = exportPlan(plan, "terraform", "http://localhost/setup", { dnsHost });
  if (!r.ok) throw new Error(r.message);
  return { text: r.body, hcl: (await parse("main.tf", r.body)) as Record<string, Record<string, Record<string, unknown[]>>> };
}

describe("the DNS record in the Terraform export", () => {
  it("Route 53 beside CloudFront: aws_route53_record overwriting the SendGrid CNAME, count off by default, one aws provider", async () => {
    const { text, hcl } = await terraform("cloudfront", "route53");
    expect(hcl.variable!.switch_dns).toEqual([{ default: false, type: "${bool}", description: "Set to true only after the wizard's checks before the switch pass for every host: it then points each link host at the CDN." }]);
    expect(hcl.data!.aws_route53_zone!.customer_com).toEqual([{ name: "customer.com", private_zone: false }]);
    expect(hcl.resource!.aws_route53_record!.ablink_news_customer_com).toEqual([
      { count: "${var.switch_dns ? 1 : 0}", zone_id: "${data.aws_route53_zone.customer_com.zone_id}", name: HOST, type: "CNAME", ttl: 300, records: [target], allow_overwrite: true },
    ]);
    expect(text.match(/provider "aws"/g)).toEqual(['provider "aws"']);
  });

  it("Cloudflare DNS beside Fastly: cloudflare_dns_record, DNS only, with its own provider and the import to run first", async () => {
    const { text, hcl } = await terraform("fastly", "cloudflare");
    const record = hcl.resource!.cloudflare_dns_record!.ablink_news_customer_com![0] as Record<string, unknown>;
    expect([record.count, record.type, record.proxied, record.ttl, record.zone_id]).toEqual(["${var.switch_dns ? 1 : 0}", "CNAME", false, 300, "${data.cloudflare_zone.customer_com.id}"]);
    expect(text).toContain(`terraform import 'cloudflare_dns_record.ablink_news_customer_com[0]' '<zone_id>/<record_id>'`);
    expect(text.match(/provider "cloudflare"/g)).toEqual(['provider "cloudflare"']);
  });

  it("a CDN that proxies the record in place gets no separate record", async () => {
    const { text } = await terraform("cloudflare", "cloudflare");
    expect(text.includes("switch_dns")).toBe(false);
  });
});
