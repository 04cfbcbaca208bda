import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { CDN_IDS } from "@/lib/domain/plan";
import type { Plan } from "@/lib/domain/plan";
import { GET } from "./route";

/** GET /api/plan per email provider (docs/contract.md#email-providers): the ESP's origin and rules, or a 400 naming the field. */
const HOST = "click.news.example.com";
const get = async (query: string) => {
  const res = GET(new NextRequest(`http://localhost/api/plan?${query}`));
  return { status: res.status, text: await res.text() };
};
const fields = (plan: Plan) => Object.fromEntries(plan.hosts[0]!.steps.flatMap((s) => s.groups ?? []).flatMap((g) => g.fields).map((f) => [f.id, f.value]));

describe("GET /api/plan for SparkPost and Amazon SES", () => {
  it.each(CDN_IDS)("esp=sparkpost&region=eu&cdn=%s holds eu.spgo.io and never sendgrid.net", async (cdn) => {
    const { status, text } = await get(`esp=sparkpost&region=eu&cdn=${cdn}&host=${HOST}`);
    expect(status).toBe(200);
    expect(text).toContain("eu.spgo.io");
    expect(text).not.toMatch(/sendgrid/i);
    const plan = JSON.parse(text) as Plan;
    expect([plan.esp, plan.espName, plan.region, plan.origin]).toEqual(["sparkpost", "SparkPost", "eu", "eu.spgo.io"]);
  });

  it("CloudFront for SparkPost has its header, TTL and methods", async () => {
    const plan = JSON.parse((await get(`esp=sparkpost&region=eu&cdn=cloudfront&host=${HOST}`)).text) as Plan;
    expect(fields(plan)).toMatchObject({
      originCustomHeader: `X-Forwarded-Host: ${HOST}`,
      "cachePolicy.policyMinTtl": "1",
      "cachePolicy.policyDefaultTtl": "10",
      "cachePolicy.policyMaxTtl": "10",
      allowedMethods: "GET, HEAD",
      "originRequestPolicy.policyHeaderNames": "User-Agent",
    });
  });

  it("Fastly for SparkPost has the 10-second fallback TTL", async () => {
    expect(fields(JSON.parse((await get(`esp=sparkpost&region=us&cdn=fastly&host=${HOST}`)).text) as Plan)).toMatchObject({ fallbackTtl: "10", hostAddress: "spgo.io" });
  });

  it.each(CDN_IDS)("esp=ses&region=eu-central-1&cdn=%s holds r.eu-central-1.awstrack.me", async (cdn) => {
    const { status, text } = await get(`esp=ses&region=eu-central-1&cdn=${cdn}&host=${HOST}`);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ esp: "ses", region: "eu-central-1", origin: "r.eu-central-1.awstrack.me" });
    expect(text).not.toMatch(/sendgrid/i);
  });

  it("old links without esp stay SendGrid", async () => {
    expect(JSON.parse((await get(`cdn=fastly&host=${HOST}`)).text)).toMatchObject({ esp: "sendgrid", region: "global", origin: "sendgrid.net" });
  });

  it.each([
    ["esp=mailchimp", "esp"],
    ["esp=sparkpost&region=global", "region"],
    ["esp=ses&region=mars", "region"],
    ["esp=ses&region=us-east-1&tenant=acme", "tenant"],
    ["esp=sparkpost&tenant=-bad-", "tenant"],
    ["esp=sparkpost&esp=ses", "esp"],
  ])("%s answers 400 naming %s", async (query, field) => {
    const { status, text } = await get(`cdn=cloudfront&host=${HOST}&${query}`);
    expect(status).toBe(400);
    expect((JSON.parse(text) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([field]);
  });
});
