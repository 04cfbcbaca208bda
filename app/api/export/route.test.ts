import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

/** GET /api/export per email provider: every format carries the ESP's plan; a bad esp/region/tenant is a 400 naming it. */
const HOST = "click.news.example.com";
const get = async (query: string) => {
  const res = GET(new NextRequest(`http://localhost/api/export?${query}`));
  return { status: res.status, text: await res.text() };
};

describe("GET /api/export for another email provider", () => {
  it("json is the SparkPost plan; terraform has its header and policies", async () => {
    const json = await get(`format=json&esp=sparkpost&region=eu&cdn=cloudfront&host=${HOST}`);
    expect(JSON.parse(json.text)).toMatchObject({ esp: "sparkpost", origin: "eu.spgo.io" });
    const tf = await get(`format=terraform&esp=sparkpost&region=eu&cdn=cloudfront&host=${HOST}`);
    expect(tf.status).toBe(200);
    expect(tf.text).toContain('name  = "X-Forwarded-Host"');
    expect(tf.text).toContain('resource "aws_cloudfront_cache_policy" "click_tracking"');
    expect(tf.text).not.toMatch(/sendgrid/i);
  });

  it("aws-cli for SES carries the origin request policy document", async () => {
    const out = JSON.parse((await get(`format=aws-cli&esp=ses&region=us-east-1&cdn=cloudfront&host=${HOST}`)).text);
    expect(out.policies.originRequestPolicy.HeadersConfig.Headers.Items).toEqual(["Host", "User-Agent"]);
    expect(out.distributions[HOST].Origins.Items[0].DomainName).toBe("r.us-east-1.awstrack.me");
  });

  it.each([
    ["esp=nope", "esp"],
    ["esp=ses&region=eu", "region"],
    ["esp=sendgrid&tenant=acme", "tenant"],
  ])("%s answers 400 naming %s", async (query, field) => {
    const { status, text } = await get(`format=markdown&cdn=fastly&host=${HOST}&${query}`);
    expect(status).toBe(400);
    expect((JSON.parse(text) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([field]);
  });
});
