import { describe, expect, it } from "vitest";
import { checkHostname, splitZone } from "@/lib/hostnames";
import { ownerRecordFor } from "@/lib/hostnames";
import { coveredByUniversal, namesCover, repeatedZone, zoneOf } from "./zones";
import { zoneCandidates } from "@/lib/hostnames";

describe("zoneOf: zone and Name per host", () => {
  // [raw host, zone given or undefined, zone, Name, delegated]
  const cases: [string, string | undefined, string, string, boolean][] = [
    ["ablink.x.level-ex.com", undefined, "level-ex.com", "ablink.x", false],
    ["ablink.m.level-ex.com", undefined, "level-ex.com", "ablink.m", false],
    ["ablink.mail.brand.co.uk", undefined, "brand.co.uk", "ablink.mail", false],
    ["ablink.subdomain.customer.com", undefined, "customer.com", "ablink.subdomain", false],
    ["url1234.news.example.com.au", undefined, "example.com.au", "url1234.news", false],
    ["ablink.m.example.co.jp", undefined, "example.co.jp", "ablink.m", false],
    ["ablink.x.example.org.uk", undefined, "example.org.uk", "ablink.x", false],
    ["ablink.news.example.com.br", undefined, "example.com.br", "ablink.news", false],
    ["a.b.c.d.example.com", undefined, "example.com", "a.b.c.d", false],
    ["ablink.level-ex.com", undefined, "level-ex.com", "ablink", false],
    // upper case, trailing dots and surrounding space are normalised
    ["ABLINK.X.Level-Ex.COM", undefined, "level-ex.com", "ablink.x", false],
    ["ablink.x.level-ex.com.", undefined, "level-ex.com", "ablink.x", false],
    ["  Ablink.Mail.Brand.Co.UK.  ", undefined, "brand.co.uk", "ablink.mail", false],
    // IDN: punycode, as Cloudflare stores names
    ["ablink.news.bücher.de", undefined, "xn--bcher-kva.de", "ablink.news", false],
    ["ABLINK.Mail.Bücher.DE.", undefined, "xn--bcher-kva.de", "ablink.mail", false],
    ["ablink.x.example.рф", undefined, "example.xn--p1ai", "ablink.x", false],
    ["ablink.news.xn--bcher-kva.de", undefined, "xn--bcher-kva.de", "ablink.news", false],
    // a name that already contains the zone: the split is literal, the warning comes from repeatedZone
    ["ablink.x.level-ex.com.level-ex.com", undefined, "level-ex.com", "ablink.x.level-ex.com", false],
    ["ablink.mail.brand.co.uk.brand.co.uk", undefined, "brand.co.uk", "ablink.mail.brand.co.uk", false],
    // delegated sub-zones
    ["ablink.x.level-ex.com", "x.level-ex.com", "x.level-ex.com", "ablink", true],
    ["ablink.x.level-ex.com", "X.Level-Ex.com.", "x.level-ex.com", "ablink", true],
    ["ablink.deep.x.level-ex.com", "x.level-ex.com", "x.level-ex.com", "ablink.deep", true],
    ["ablink.mail.brand.co.uk", "mail.brand.co.uk", "mail.brand.co.uk", "ablink", true],
    ["ablink.x.level-ex.com", "level-ex.com", "level-ex.com", "ablink.x", false],
    ["ablink.x.level-ex.com", "", "level-ex.com", "ablink.x", false],
  ];
  it.each(cases)("%s (zone %s) → %s / %s", (host, zone, expectedZone, name, delegated) => {
    const split = zoneOf(host, zone);
    expect(split.zone).toBe(expectedZone);
    expect(split.relativeName).toBe(name);
    expect(split.delegated).toBe(delegated);
    expect(split.zoneIgnored).toBeUndefined();
  });

  it("agrees with lib/hostnames splitZone on every validated host without a delegation", () => {
    for (const [raw, zone] of cases) {
      if (zone) continue;
      const checked = checkHostname(raw);
      if (!checked.ok) throw new Error(`${raw}: ${checked.message}`);
      const split = zoneOf(raw);
      expect(splitZone(checked.host)).toEqual({ zone: split.zone, relativeName: split.relativeName });
    }
  });

  it("ignores a zone that does not contain the host, and says why", () => {
    expect(zoneOf("ablink.x.level-ex.com", "other.com")).toEqual({
      host: "ablink.x.level-ex.com",
      zone: "level-ex.com",
      relativeName: "ablink.x",
      registrable: "level-ex.com",
      delegated: false,
      zoneIgnored: "other.com does not contain ablink.x.level-ex.com; using level-ex.com.",
    });
  });

  it("ignores a zone above the registrable domain (a public suffix)", () => {
    expect(zoneOf("ablink.mail.brand.co.uk", "co.uk").zoneIgnored).toBe("co.uk is above the registrable domain brand.co.uk; using brand.co.uk.");
    expect(zoneOf("ablink.mail.brand.co.uk", "co.uk").zone).toBe("brand.co.uk");
  });
});

describe("zoneCandidates: longest suffix first, never above the registrable domain", () => {
  it.each([
    ["ablink.x.level-ex.com", ["x.level-ex.com", "level-ex.com"]],
    ["ablink.mail.brand.co.uk", ["mail.brand.co.uk", "brand.co.uk"]],
    ["ablink.level-ex.com", ["level-ex.com"]],
    ["A.B.C.Example.COM.", ["b.c.example.com", "c.example.com", "example.com"]],
    ["ablink.news.bücher.de", ["news.xn--bcher-kva.de", "xn--bcher-kva.de"]],
  ])("%s → %j", (host, expected) => {
    expect(zoneCandidates(host)).toEqual(expected);
  });
});

describe("repeatedZone: the <name>.<zone>.<zone> mistake", () => {
  it.each([
    ["ablink.x.level-ex.com.level-ex.com", "level-ex.com", "ablink.x.level-ex.com"],
    ["ABLINK.X.LEVEL-EX.COM.LEVEL-EX.COM.", "level-ex.com", "ablink.x.level-ex.com"],
    ["ablink.mail.brand.co.uk.brand.co.uk", "brand.co.uk", "ablink.mail.brand.co.uk"],
    ["ablink.x.level-ex.com.x.level-ex.com", "x.level-ex.com", "ablink.x.level-ex.com"],
    ["ablink.x.level-ex.com", "level-ex.com", null],
    ["ablink.level-ex.com.com", "level-ex.com", null],
    ["level-ex.com.level-ex.com.example.com", "example.com", null],
  ])("%s in %s → %s", (host, zone, expected) => {
    expect(repeatedZone(host, zone)).toBe(expected);
  });
});

describe("certificate coverage", () => {
  it("Universal SSL covers the apex and one level only", () => {
    expect(coveredByUniversal(zoneOf("ablink.level-ex.com"))).toBe(true);
    expect(coveredByUniversal(zoneOf("ablink.x.level-ex.com"))).toBe(false);
    expect(coveredByUniversal(zoneOf("ablink.x.level-ex.com", "x.level-ex.com"))).toBe(true);
  });

  it("a certificate covers a host by exact name or a one-label wildcard", () => {
    expect(namesCover(["level-ex.com", "*.level-ex.com"], "ablink.x.level-ex.com")).toBe(false);
    expect(namesCover(["level-ex.com", "ablink.x.level-ex.com"], "ablink.x.level-ex.com")).toBe(true);
    expect(namesCover(["level-ex.com", "*.x.level-ex.com"], "ablink.x.level-ex.com")).toBe(true);
    expect(namesCover(["LEVEL-EX.COM", "*.LEVEL-EX.COM"], "ablink.level-ex.com")).toBe(true);
  });
});

describe("ownerRecordFor", () => {
  it("matches the owner record with the same parent domain", () => {
    const owners = ["7654321.mail.brand.co.uk", "1234567.X.Level-Ex.com.", "url1234.x.level-ex.com"];
    expect(ownerRecordFor("ablink.x.level-ex.com", owners)).toBe("1234567.x.level-ex.com");
    expect(ownerRecordFor("ablink.mail.brand.co.uk", owners)).toBe("7654321.mail.brand.co.uk");
    expect(ownerRecordFor("ablink.m.level-ex.com", owners)).toBeUndefined();
    expect(ownerRecordFor("ablink.m.level-ex.com", undefined)).toBeUndefined();
  });
});
