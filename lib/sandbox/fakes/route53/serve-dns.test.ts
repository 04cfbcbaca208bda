import { describe, expect, it } from "vitest";
import type { TestRecord } from "@/lib/verify/testing/dns-server";
import { plainRRSet } from "./fake";
import { serveZoneCnames } from "./serve-dns";

describe("serveZoneCnames", () => {
  it("serves the zone's CNAMEs, takes away only those it served, and leaves other tests' names under the domain alone", () => {
    const records = new Map<string, TestRecord>([
      ["example-brand.com", { a: ["127.0.0.1"] }],
      ["ablink.ready.example-brand.com", { cname: "sendgrid.net" }],
    ]);
    serveZoneCnames(records, "example-brand.com", [plainRRSet("ablink.dns.example-brand.com", "CNAME", 300, ["sendgrid.net"]), plainRRSet("gone.example-brand.com", "CNAME", 300, ["sendgrid.net"])]);
    serveZoneCnames(records, "example-brand.com", [plainRRSet("ablink.dns.example-brand.com", "CNAME", 300, ["d1.cloudfront.net"])]);
    expect(Object.fromEntries(records)).toEqual({
      "example-brand.com": { a: ["127.0.0.1"] },
      "ablink.ready.example-brand.com": { cname: "sendgrid.net" },
      "ablink.dns.example-brand.com": { cname: "d1.cloudfront.net" },
    });
  });
});
