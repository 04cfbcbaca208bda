import { describe, expect, it } from "vitest";
import { buildPlan } from "@/lib/plan/build";
import { parsePlanQuery } from "@/lib/plan/query";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { verifyView } from "./view-props";

const view = (cdn: string, esp = "sendgrid") => {
  const { query } = parsePlanQuery(new URLSearchParams({ cdn, esp, host: "ablink.news.customer.com", step: "dns" }));
  const { plan } = buildPlan(query);
  return verifyView(query, plan!, undefined, undefined);
};

describe("the Test and DNS steps' verification inputs", () => {
  it("carry the provider's own word on when its certificate can exist, for the DNS gate", () => {
    expect(view("keycdn").certificateAfterSwitch).toEqual(PROVIDER_INFO.keycdn.certificateAfterSwitch);
    expect(view("keycdn").certificateAfterSwitch).toBeDefined();
    expect(view("fastly").certificateAfterSwitch).toBeUndefined();
  });
});

describe("the tracked-link field, in the ESP's words", () => {
  it("is needed for an ESP with no check of its own, optional for one that publishes its check", () => {
    expect(view("cloudfront").linkOptional).toBe(false);
    expect(view("cloudfront").linkHint).toContain("(it looks like /ls/click?upn=…)");
    expect(view("cloudfront", "ses")).toMatchObject({ linkOptional: true });
    expect(view("cloudfront", "ses").linkHint).toBe(
      "Optional. Without one, each check requests HEAD /favicon.ico on every hostname, Amazon SES's own test: the right answer is 200 from Amazon SES with x-amz-ses-region: us-east-1 and x-amz-ses-request-protocol: https. Or paste a link from an email you sent to yourself (it looks like /CL0/…): each check then requests it once over HTTP and once over HTTPS, which counts as clicks, and expects Amazon SES's redirect.",
    );
  });
});
