import { describe, expect, it } from "vitest";
import { parseHostnamesInput } from "./chart";

describe("parseHostnamesInput", () => {
  it("reads plain hostnames", () => {
    expect(parseHostnamesInput("ablink.subdomain.customer.com\nablink.info.customer.com")).toEqual({
      hosts: ["ablink.subdomain.customer.com", "ablink.info.customer.com"],
      errors: [],
    });
  });

  it("extracts the link host from a pasted chart with headers and tabs, and keeps the owner record in place", () => {
    const chart = "TYPE\tHOST\tVALUE\nCNAME\tablink.subdomain.customer.com.\tsendgrid.net.\nCNAME\t1234567.subdomain.customer.com\tsendgrid.net";
    const parsed = parseHostnamesInput(chart);
    expect(parsed.hosts).toEqual(["ablink.subdomain.customer.com"]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.chart).toEqual({
      records: [
        { type: "CNAME", host: "ablink.subdomain.customer.com", value: "sendgrid.net", role: "link" },
        { type: "CNAME", host: "1234567.subdomain.customer.com", value: "sendgrid.net", role: "owner" },
      ],
      region: "global",
      autoSsl: false,
    });
  });

  it("reads columns in any order and detects the EU region", () => {
    const parsed = parseHostnamesInput("eu.sendgrid.net   ablink.news.brand.co.uk   CNAME");
    expect(parsed.hosts).toEqual(["ablink.news.brand.co.uk"]);
    expect(parsed.chart?.region).toBe("eu");
  });

  it("reads the API's {type, host, data} JSON", () => {
    const json = JSON.stringify({ dns: { domain_cname: { type: "cname", host: "url9.customer.com", data: "sendgrid.net" }, owner_cname: { type: "cname", host: "77.customer.com", data: "sendgrid.net" } } });
    const parsed = parseHostnamesInput(json);
    expect(parsed.hosts).toEqual(["url9.customer.com"]);
    expect(parsed.chart?.records.map((r) => r.role)).toEqual(["link", "owner"]);
  });

  it("recognises Auto SSL link branding", () => {
    const parsed = parseHostnamesInput(
      "CNAME ablink.customer.com click.sendgrid.net\nCNAME _acme-challenge.ablink.customer.com ablink.customer.com.abc.dcv.cloudflare.com",
    );
    expect(parsed.chart?.autoSsl).toBe(true);
    expect(parsed.chart?.records.map((r) => r.role)).toEqual(["link", "auto-ssl"]);
  });

  it("says so when a chart has no link host", () => {
    const parsed = parseHostnamesInput("CNAME em123.customer.com u123.wl.sendgrid.net");
    expect(parsed.hosts).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        line: 0,
        input: "",
        message:
          "The pasted chart has no link-branding host: a CNAME whose value is sendgrid.net and whose name does not start with digits (the numeric one is the owner record, which stays where it is).",
      },
    ]);
  });
});
