import { describe, expect, it } from "vitest";
import { checkHostname, checkHostnames, splitZone, tokenise } from "./hostnames";

describe("checkHostname", () => {
  it.each([
    ["ablink.subdomain.customer.com", "ablink.subdomain.customer.com"],
    ["  ABLink.Subdomain.Customer.COM.  ", "ablink.subdomain.customer.com"],
    ["ablink.mail.brand.co.uk", "ablink.mail.brand.co.uk"],
    ["ablink.münchen.de", "ablink.xn--mnchen-3ya.de"],
    ["url1234.customer.com", "url1234.customer.com"],
  ])("accepts and normalises %j", (raw, host) => {
    expect(checkHostname(raw)).toMatchObject({ ok: true, host });
  });

  it.each([
    ["customer.com", "is a registrable domain, not a link-branding hostname; it looks like ablink.customer.com or ablink.news.customer.com."],
    ["brand.co.uk", "is a registrable domain, not a link-branding hostname; it looks like ablink.brand.co.uk or ablink.news.brand.co.uk."],
    ["https://ablink.x.customer.com/ls/click?upn=1", "enter the hostname only, without a scheme or path: ablink.x.customer.com"],
    ["*.customer.com", "a wildcard is not a hostname; enter each link-branding hostname exactly (e.g. ablink.news.example.com)."],
    ["192.168.1.10", "an IP address is not a hostname."],
    ["::1", "an IP address or port is not a hostname."],
    ["ab_link.customer.com", "underscores are not allowed in a link host: public certificates cannot name it."],
    ["localhost", "is not under a public domain (check the spelling of the last part, e.g. .com)."],
    ["ablink.x.notarealtld", "is not under a public domain (check the spelling of the last part, e.g. .com)."],
    ["-ablink.customer.com", 'has an invalid part "-ablink": use letters, digits and inner hyphens only.'],
    ["ablink..customer.com", "has an empty label (two dots in a row, or a leading dot)."],
    [`${"a".repeat(64)}.customer.com`, "has a label of 64 characters; each part between dots has at most 63."],
    ["<script>.customer.com", "contains characters a hostname cannot have (only letters, digits, hyphens and dots)."],
    ["ablink\u0000.customer.com", "contains a control character; type the hostname again."],
  ])("rejects %j", (raw, message) => {
    expect(checkHostname(raw)).toEqual({ ok: false, message });
  });

  it("rejects names over 253 characters", () => {
    const long = `${Array.from({ length: 5 }, () => "a".repeat(60)).join(".")}.customer.com`;
    expect(checkHostname(long)).toEqual({ ok: false, message: `is ${long.length} characters long; a hostname has at most 253.` });
  });
});

describe("checkHostnames", () => {
  it("splits on newlines, commas and spaces, drops duplicates and keeps order", () => {
    const text = "ablink.b.customer.com, ablink.a.customer.com\nABLINK.B.customer.com.  ablink.c.customer.com";
    expect(checkHostnames(tokenise(text))).toEqual({
      hosts: ["ablink.b.customer.com", "ablink.a.customer.com", "ablink.c.customer.com"],
      errors: [],
    });
  });

  it("names the line of each bad entry", () => {
    expect(checkHostnames(tokenise("ablink.a.customer.com\n\ncustomer.com")).errors).toEqual([
      { line: 3, input: "customer.com", message: "is a registrable domain, not a link-branding hostname; it looks like ablink.customer.com or ablink.news.customer.com." },
    ]);
  });

  it("refuses more than 100 hostnames", () => {
    const text = Array.from({ length: 101 }, (_, i) => `h${i}.x.customer.com`).join("\n");
    expect(checkHostnames(tokenise(text)).errors).toEqual([{ line: 0, input: "", message: "101 hostnames given; enter at most 100 at a time." }]);
  });
});

describe("splitZone", () => {
  it.each([
    ["ablink.x.level-ex.com", "level-ex.com", "ablink.x"],
    ["ablink.mail.brand.co.uk", "brand.co.uk", "ablink.mail"],
    ["ablink.customer.com", "customer.com", "ablink"],
  ])("%s → zone %s, name %s", (host, zone, relativeName) => {
    expect(splitZone(host)).toEqual({ zone, relativeName });
  });

  it("uses a delegated zone when given", () => {
    expect(splitZone("ablink.x.level-ex.com", "x.level-ex.com")).toEqual({ zone: "x.level-ex.com", relativeName: "ablink" });
  });
});
