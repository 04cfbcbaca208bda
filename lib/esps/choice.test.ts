import { describe, expect, it } from "vitest";
import { checkEspChoice, resolveEsp } from "./choice";

describe("checkEspChoice", () => {
  it.each([
    [{}, { esp: "sendgrid", region: "global" }],
    [{ region: "eu" }, { esp: "sendgrid", region: "eu" }],
    [{ esp: "sparkpost" }, { esp: "sparkpost", region: "us" }],
    [{ esp: "sparkpost", region: "eu" }, { esp: "sparkpost", region: "eu" }],
    [{ esp: "sparkpost", tenant: "acme" }, { esp: "sparkpost", region: "us", tenant: "acme" }],
    [{ esp: "ses" }, { esp: "ses", region: "us-east-1" }],
    [{ esp: "ses", region: "eu-west-2" }, { esp: "ses", region: "eu-west-2" }],
  ])("%j → %j", (raw, choice) => {
    expect(checkEspChoice(raw)).toEqual({ choice, errors: [] });
  });

  it.each([
    [{ esp: "mailchimp" }, "esp", "esp must be one of: sendgrid, sparkpost, ses."],
    [{ esp: "sparkpost", region: "global" }, "region", "region for SparkPost must be us or eu (Enterprise: give tenant=<your tenant> instead)."],
    [{ esp: "ses", region: "eu" }, "region", "region for Amazon SES must be an AWS region code such as us-east-1 or eu-central-1 (the region you send from)."],
    [{ region: "us" }, "region", "region for SendGrid must be global or eu."],
    [{ tenant: "acme" }, "tenant", "tenant applies only to SparkPost Enterprise, not SendGrid; leave it out."],
    [{ esp: "sparkpost", tenant: "-bad" }, "tenant", "tenant must be your SparkPost Enterprise tenant name as your TAM gives it (letters, digits and hyphens), e.g. acme."],
  ])("%j → error on %s", (raw, field, message) => {
    expect(checkEspChoice(raw)).toEqual({ errors: [{ field, message }] });
  });
});

describe("an ESP the wizard only gives guidance for", () => {
  it("is an error at esp (no plan to build), and names the guidance to show instead", () => {
    expect(checkEspChoice({ esp: "mailgun" })).toEqual({
      errors: [{ field: "esp", message: "Mailgun gets guidance only, not a CDN plan: too little of what a plan needs is published. Open /setup?esp=mailgun to read it." }],
      guide: "mailgun",
    });
  });
});

describe("resolveEsp", () => {
  it.each([
    [{ region: "global" }, "sendgrid.net"],
    [{ region: "eu" }, "eu.sendgrid.net"],
    [{ esp: "sparkpost" as const, region: "eu" }, "eu.spgo.io"],
    [{ esp: "sparkpost" as const, region: "us", tenant: "acme" }, "acme.et.e.sparkpost.com"],
    [{ esp: "ses" as const, region: "eu-central-1" }, "r.eu-central-1.awstrack.me"],
  ])("%j → origin %s", (choice, origin) => {
    expect(resolveEsp(choice).origin).toBe(origin);
  });

  it("refuses a region the ESP does not have (a programming error: input is checked first)", () => {
    expect(() => resolveEsp({ esp: "sparkpost", region: "global" })).toThrow("region global is not one of SparkPost's");
  });
});
