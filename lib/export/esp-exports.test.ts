import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import type { EspId } from "@/lib/domain/ids";
import { PROVIDERS } from "@/lib/providers";
import { CDN_IDS, type CdnId } from "@/lib/domain/plan";
import { exportPlan, type ExportFormat } from "./index";

/** Every export of every CDN's plan carries the email provider's rules, and nothing of another ESP. */
const HOST = "click.news.example.com";
const planFor = (cdn: CdnId, esp: EspId, region: string) => PROVIDERS[cdn]!.plan({ hosts: [HOST], esp, region });
function body(cdn: CdnId, esp: EspId, region: string, format: ExportFormat): string {
  const r = exportPlan(planFor(cdn, esp, region), format, `http://localhost:3000/setup?cdn=${cdn}&esp=${esp}&region=${region}&host=${HOST}`);
  if (!r.ok) throw new Error(r.message);
  return r.body;
}
type Hcl = { resource: Record<string, Record<string, Record<string, unknown>[]>>; [k: string]: unknown };
const hcl = async (text: string) => (await parse("main.tf", text)) as Hcl;
const FORMATS: Record<CdnId, ExportFormat[]> = { cloudfront: ["markdown", "json", "terraform", "aws-cli"], cloudflare: ["markdown", "json", "terraform"], fastly: ["markdown", "json", "terraform"], keycdn: ["markdown", "json"] };

describe("no export of another ESP's plan names SendGrid", () => {
  it.each(CDN_IDS.flatMap((cdn) => (["sparkpost", "ses"] as const).flatMap((esp) => FORMATS[cdn].map((f) => [cdn, esp, f] as const))))("%s, %s, %s", (cdn, esp, format) => {
    const text = body(cdn, esp, esp === "ses" ? "eu-central-1" : "eu", format);
    // The share URL in the markdown is the only place the request's own words come back.
    expect(text.replace(/http:\/\/localhost:3000\S*/g, "")).not.toMatch(/sendgrid/i);
  });
});

describe("CloudFront exports", () => {
  it("Terraform for SparkPost: the X-Forwarded-Host custom header, GET/HEAD and the two policies by reference", async () => {
    const tf = await hcl(body("cloudfront", "sparkpost", "eu", "terraform"));
    const orp = tf.resource.aws_cloudfront_origin_request_policy!.click_tracking![0]! as Record<string, unknown[]>;
    expect(orp).toMatchObject({
      name: "ssl-click-tracking-user-agent",
      headers_config: [{ header_behavior: "whitelist", headers: [{ items: ["User-Agent"] }] }],
      cookies_config: [{ cookie_behavior: "none" }],
      query_strings_config: [{ query_string_behavior: "all" }],
    });
    const cache = tf.resource.aws_cloudfront_cache_policy!.click_tracking![0]! as Record<string, unknown[]>;
    expect(cache).toMatchObject({
      name: "ssl-click-tracking-ttl-1-10-10",
      min_ttl: 1,
      default_ttl: 10,
      max_ttl: 10,
      parameters_in_cache_key_and_forwarded_to_origin: [{ query_strings_config: [{ query_string_behavior: "all" }], headers_config: [{ header_behavior: "none" }], cookies_config: [{ cookie_behavior: "none" }] }],
    });
    const dist = tf.resource.aws_cloudfront_distribution!.click_news_example_com![0]! as Record<string, Record<string, unknown>[]>;
    expect(dist.origin![0]).toMatchObject({ domain_name: "eu.spgo.io", custom_header: [{ name: "X-Forwarded-Host", value: HOST }] });
    const behavior = dist.default_cache_behavior![0]!;
    expect(behavior).toMatchObject({
      allowed_methods: ["GET", "HEAD"],
      cached_methods: ["GET", "HEAD"],
      cache_policy_id: "${aws_cloudfront_cache_policy.click_tracking.id}",
      origin_request_policy_id: "${aws_cloudfront_origin_request_policy.click_tracking.id}",
    });
    expect(behavior.forwarded_values).toBeUndefined();
  });

  it("Terraform for SES: the custom origin request policy and the managed CachingDisabled by id", async () => {
    const tf = await hcl(body("cloudfront", "ses", "eu-central-1", "terraform"));
    expect(tf.resource.aws_cloudfront_cache_policy).toBeUndefined();
    expect(tf.resource.aws_cloudfront_origin_request_policy!.click_tracking![0]).toMatchObject({ headers_config: [{ headers: [{ items: ["Host", "User-Agent"] }] }] });
    const dist = tf.resource.aws_cloudfront_distribution!.click_news_example_com![0]! as Record<string, Record<string, unknown>[]>;
    expect(dist.origin![0]!.custom_header).toBeUndefined();
    expect(dist.default_cache_behavior![0]).toMatchObject({ cache_policy_id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" });
  });

  it("AWS CLI documents for SparkPost: the policies first, then the distribution naming them", () => {
    const out = JSON.parse(body("cloudfront", "sparkpost", "us", "aws-cli"));
    expect(out.policies.originRequestPolicy.HeadersConfig).toEqual({ HeaderBehavior: "whitelist", Headers: { Quantity: 1, Items: ["User-Agent"] } });
    expect([out.policies.cachePolicy.MinTTL, out.policies.cachePolicy.DefaultTTL, out.policies.cachePolicy.MaxTTL]).toEqual([1, 10, 10]);
    const d = out.distributions[HOST];
    expect(d.Origins.Items[0].CustomHeaders).toEqual({ Quantity: 1, Items: [{ HeaderName: "X-Forwarded-Host", HeaderValue: HOST }] });
    expect([d.DefaultCacheBehavior.CachePolicyId, d.DefaultCacheBehavior.OriginRequestPolicyId]).toEqual([
      "<id of the policy ssl-click-tracking-ttl-1-10-10>",
      "<id of the policy ssl-click-tracking-user-agent>",
    ]);
    expect(out.howToUse[0]).toMatch(/^First, once per account: jq '\.policies\.originRequestPolicy' this-file\.json > orp\.json; aws cloudfront create-origin-request-policy/);
  });

  it("JSON is the plan, with the ESP at the top level; Markdown names it", () => {
    expect(JSON.parse(body("cloudfront", "ses", "us-east-1", "json"))).toMatchObject({ esp: "ses", espName: "Amazon SES", region: "us-east-1", origin: "r.us-east-1.awstrack.me" });
    expect(body("keycdn", "sparkpost", "eu", "markdown")).toContain("Email provider: SparkPost (region eu); origin: `eu.spgo.io`");
  });
});

describe("Fastly and Cloudflare Terraform", () => {
  it("Fastly for SES: the backend to SES and a header block that deletes Cookie; SparkPost: default_ttl 10", async () => {
    const ses = (await hcl(body("fastly", "ses", "us-east-1", "terraform"))).resource.fastly_service_vcl!.click_news_example_com![0]! as Record<string, unknown>;
    expect(ses).toMatchObject({ default_ttl: 0, backend: [{ name: "ses", address: "r.us-east-1.awstrack.me" }], header: [{ name: "ssl-click-tracking-no-cookies", action: "delete", type: "request", destination: "http.Cookie", priority: 10 }] });
    const sp = (await hcl(body("fastly", "sparkpost", "eu", "terraform"))).resource.fastly_service_vcl!.click_news_example_com![0]! as Record<string, unknown>;
    expect([sp.default_ttl, sp.header]).toEqual([10, undefined]);
  });

  it("Cloudflare for SparkPost: only the tracking record, no owner record variable", async () => {
    const tf = await hcl(body("cloudflare", "sparkpost", "us", "terraform"));
    expect(Object.keys(tf.resource.cloudflare_dns_record!)).toEqual(["click_news_example_com_link"]);
    expect(tf.resource.cloudflare_dns_record!.click_news_example_com_link![0]).toMatchObject({ name: HOST, content: "spgo.io" });
    expect((tf.variable as Record<string, unknown>).owner_record_user_id).toBeUndefined();
  });
});
