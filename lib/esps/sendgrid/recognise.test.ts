import { describe, expect, it } from "vitest";
import { parseHostnamesInput } from "@/lib/chart";
import { recogniseSendgrid } from "./recognise";

describe("SendGrid's link-branding chart and API JSON", () => {
  it("extracts the link host from a pasted chart with headers and tabs, and keeps the owner record in place", () => {
    const chart = "TYPE\tHOST\tVALUE\nCNAME\tablink.subdomain.customer.com.\tsendgrid.net.\nCNAME\t1234567.subdomain.customer.com\tsendgrid.net";
    expect(recogniseSendgrid(chart)).toEqual({
      hosts: ["ablink.subdomain.customer.com"],
      records: [
        { type: "CNAME", host: "ablink.subdomain.customer.com", value: "sendgrid.net", role: "link", line: 2 },
        { type: "CNAME", host: "1234567.subdomain.customer.com", value: "sendgrid.net", role: "owner", line: 3 },
      ],
      region: "global",
      managedHttps: false,
      notes: [],
    });
  });

  it("reads columns in any order and detects the EU region", () => {
    const parsed = parseHostnamesInput("eu.sendgrid.net   ablink.news.brand.co.uk   CNAME");
    expect(parsed.hosts).toEqual(["ablink.news.brand.co.uk"]);
    expect(parsed.paste?.region).toBe("eu");
  });

  it("reads the API's {type, host, data} JSON", () => {
    const json = JSON.stringify({ dns: { domain_cname: { type: "cname", host: "url9.customer.com", data: "sendgrid.net" }, owner_cname: { type: "cname", host: "77.customer.com", data: "sendgrid.net" } } });
    const parsed = parseHostnamesInput(json);
    expect(parsed.hosts).toEqual(["url9.customer.com"]);
    expect(parsed.paste?.records.map((r) => r.role)).toEqual(["link", "owner"]);
  });

  it("recognises Auto SSL link branding", () => {
    const paste = recogniseSendgrid("CNAME ablink.customer.com click.sendgrid.net\nCNAME _acme-challenge.ablink.customer.com ablink.customer.com.abc.dcv.cloudflare.com");
    expect(paste?.managedHttps).toBe(true);
    expect(paste?.records.map((r) => r.role)).toEqual(["link", "managed-validation"]);
    expect(paste?.notes).toEqual([
      "This branded link uses SendGrid Auto SSL: SendGrid already serves its certificate, so no CDN is needed. Check instead that the records below exist at your DNS host as DNS-only CNAMEs, and that https:// links answer.",
    ]);
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

  it("refuses link hosts of both regions in one paste", () => {
    expect(recogniseSendgrid("CNAME a.x.customer.com sendgrid.net\nCNAME b.x.customer.com eu.sendgrid.net")?.problem).toBe(
      "The pasted link hosts point at both sendgrid.net and eu.sendgrid.net: one plan covers one SendGrid region. Paste one region's link branding at a time.",
    );
  });

  it("is not SendGrid's when no SendGrid name is in it", () => {
    expect(recogniseSendgrid("CNAME click.x.customer.com spgo.io")).toBeNull();
    expect(recogniseSendgrid(JSON.stringify({ host: "a.customer.com", data: "other.example.net" }))).toBeNull();
    expect(recogniseSendgrid("ablink.x.customer.com")).toBeNull();
  });
});
