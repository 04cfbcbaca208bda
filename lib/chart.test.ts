import { describe, expect, it } from "vitest";
import { parseHostnamesInput } from "./chart";

/** The hostnames field: plain hostnames, or any ESP's records (each ESP's own cases: lib/esps/<esp>/recognise.test.ts). */
describe("parseHostnamesInput", () => {
  it("reads plain hostnames", () => {
    expect(parseHostnamesInput("ablink.subdomain.customer.com\nablink.info.customer.com")).toEqual({
      hosts: ["ablink.subdomain.customer.com", "ablink.info.customer.com"],
      errors: [],
    });
  });

  it("keeps the chosen region when the paste does not say, and takes it when it does", () => {
    const json = JSON.stringify({ TrackingOptions: { CustomRedirectDomain: "click.news.example.com" } });
    expect(parseHostnamesInput(json, undefined, { esp: "ses", region: "eu-west-2" }).paste).toMatchObject({ esp: "ses", region: "eu-west-2", changedEsp: undefined });
    expect(parseHostnamesInput("CNAME click.news.example.com r.ap-south-1.awstrack.me", undefined, { esp: "ses", region: "eu-west-2" }).paste?.region).toBe("ap-south-1");
  });

  it("another ESP's records move the plan to that ESP, and say so", () => {
    const parsed = parseHostnamesInput("CNAME click.news.example.com eu.spgo.io", undefined, { esp: "sendgrid", region: "global" });
    expect(parsed.hosts).toEqual(["click.news.example.com"]);
    expect(parsed.paste).toMatchObject({ esp: "sparkpost", region: "eu" });
    expect(parsed.paste?.changedEsp).toBe("These are SparkPost's records, not SendGrid's as chosen in step 1: the plan will use SparkPost, EU (eu.spgo.io).");
    // Without a region in the paste, the new ESP's default region, never the old ESP's.
    const json = JSON.stringify({ TrackingOptions: { CustomRedirectDomain: "click.news.example.com" } });
    expect(parseHostnamesInput(json, undefined, { esp: "sendgrid", region: "eu" }).paste).toMatchObject({ esp: "ses", region: "us-east-1" });
  });

  it("refuses records of two ESPs in one paste", () => {
    expect(parseHostnamesInput("CNAME a.x.example.com sendgrid.net\nCNAME b.x.example.com spgo.io").errors).toEqual([
      { line: 0, input: "", message: "The paste holds records of SendGrid and SparkPost: one plan covers one email provider. Paste one provider's records at a time." },
    ]);
  });

  it("says so when records belong to no ESP it knows", () => {
    expect(parseHostnamesInput("CNAME click.x.example.com links.other-esp.example.net").errors).toEqual([
      {
        line: 0,
        input: "",
        message:
          "This looks like a record chart or an API response, but none of its records is a tracking record of SendGrid, SparkPost, Amazon SES. Paste the rows as your email provider shows them, or just the link hostnames.",
      },
    ]);
  });

  it("checks the picked-out hosts like typed ones, naming the paste's line", () => {
    const parsed = parseHostnamesInput("TYPE HOST VALUE\nCNAME example.com spgo.io\nCNAME click.ok.example.com spgo.io");
    expect(parsed.hosts).toEqual(["click.ok.example.com"]);
    expect(parsed.errors.map((e) => [e.line, e.input])).toEqual([[2, "example.com"]]);
  });
});
