import { describe, expect, it } from "vitest";
import { explainNameMismatch, nameCovers } from "./tls-probe";

describe("nameCovers (RFC 6125 §6.4.3: a wildcard stands for exactly one label)", () => {
  it.each([
    ["ablink.news.customer.com", "ablink.news.customer.com", true],
    ["ABLINK.news.customer.com", "ablink.news.customer.com", true],
    ["*.news.customer.com", "ablink.news.customer.com", true],
    ["*.customer.com", "news.customer.com", true],
    ["*.customer.com", "ablink.news.customer.com", false],
    ["*.customer.com", "customer.com", false],
    ["customer.com", "ablink.customer.com", false],
  ] as const)("%s covers %s: %s", (pattern, host, covers) => {
    expect(nameCovers(pattern, host)).toBe(covers);
  });
});

describe("explainNameMismatch", () => {
  it("explains a one-label wildcard against a deeper name", () => {
    expect(explainNameMismatch("ablink.x.level-ex.com", ["*.level-ex.com", "level-ex.com"])).toBe(
      "the certificate names *.level-ex.com, level-ex.com; a wildcard covers exactly one label, so *.level-ex.com covers x.level-ex.com but not ablink.x.level-ex.com, which has 2 labels in front of level-ex.com: the certificate must name ablink.x.level-ex.com exactly",
    );
  });
  it("recognises SendGrid's own certificate", () => {
    expect(explainNameMismatch("ablink.x.level-ex.com", ["sendgrid.net", "*.sendgrid.net"])).toBe(
      "the certificate names sendgrid.net, *.sendgrid.net: that is SendGrid's own certificate, so the request reached SendGrid directly rather than through the CDN",
    );
  });
  it("recognises the other email providers' own certificates", () => {
    expect(explainNameMismatch("click.x.level-ex.com", ["r.eu-west-2.awstrack.me", "*.r.eu-west-2.awstrack.me"])).toBe(
      "the certificate names r.eu-west-2.awstrack.me, *.r.eu-west-2.awstrack.me: that is Amazon SES's own certificate, so the request reached Amazon SES directly rather than through the CDN",
    );
    expect(explainNameMismatch("click.x.level-ex.com", ["spgo.io"])).toContain("that is SparkPost's own certificate");
  });
  it("lists at most six names", () => {
    const names = Array.from({ length: 9 }, (_, i) => `n${i}.example.org`);
    expect(explainNameMismatch("a.b.example.com", names)).toBe(
      "the certificate names n0.example.org, n1.example.org, n2.example.org, n3.example.org, n4.example.org, n5.example.org and 3 more, not a.b.example.com",
    );
  });
  it("a certificate without DNS names", () => {
    expect(explainNameMismatch("a.b.example.com", [])).toBe("the certificate names no DNS name at all, so it does not cover a.b.example.com");
  });
});
