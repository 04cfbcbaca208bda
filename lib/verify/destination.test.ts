import { describe, expect, it } from "vitest";
import { destinationOf, elsewhereWords } from "./destination";

const HOST = "ablink.news.customer.com";
const TARGET = "d111111abcdef8.cloudfront.net";

describe("where a host's CNAME chain leads", () => {
  it("the target, directly or through other names", () => {
    expect(destinationOf([TARGET], HOST, TARGET, "cloudfront")).toEqual({ kind: "target", name: TARGET });
    expect(destinationOf(["links.cdn-broker.example", TARGET, "edge.cloudfront.net"], HOST, TARGET, "cloudfront")).toEqual({ kind: "target", name: TARGET });
  });

  it("SendGrid, either region or Auto SSL, directly or through other names", () => {
    expect(destinationOf(["sendgrid.net"], HOST, TARGET, "cloudfront")).toEqual({ kind: "origin", name: "sendgrid.net" });
    expect(destinationOf(["alias.customer-dns.example", "eu.sendgrid.net"], HOST, null, "fastly")).toEqual({ kind: "origin", name: "eu.sendgrid.net" });
    expect(destinationOf(["click.sendgrid.net"], HOST, null, "keycdn")).toEqual({ kind: "origin", name: "click.sendgrid.net" });
  });

  it("a third name: another CDN, a stale distribution of the same CDN, a typo", () => {
    expect(destinationOf(["old-cdn.example.net"], HOST, TARGET, "cloudfront")).toEqual({ kind: "elsewhere", name: "old-cdn.example.net", chain: ["old-cdn.example.net"] });
    expect(destinationOf(["dstale0000000.cloudfront.net"], HOST, TARGET, "cloudfront")).toMatchObject({ kind: "elsewhere", name: "dstale0000000.cloudfront.net" });
    expect(destinationOf(["sendgird.net"], HOST, TARGET, "fastly")).toMatchObject({ kind: "elsewhere", name: "sendgird.net" });
  });

  it("without a target, a name of the CDN's own shape counts as the CDN; anything else is a third name", () => {
    expect(destinationOf([TARGET], HOST, null, "cloudfront")).toEqual({ kind: "cdn", name: TARGET });
    expect(destinationOf(["dualstack.j.sni.global.fastly.net"], HOST, null, "fastly")).toEqual({ kind: "cdn", name: "dualstack.j.sni.global.fastly.net" });
    expect(destinationOf(["x.example.net", "sendgrid-1c6b.kxcdn.com"], HOST, null, "keycdn")).toEqual({ kind: "cdn", name: "sendgrid-1c6b.kxcdn.com" });
    expect(destinationOf([`${HOST}.cdn.cloudflare.net`], HOST, null, "cloudflare")).toEqual({ kind: "cdn", name: `${HOST}.cdn.cloudflare.net` });
    // Another host's Cloudflare address, or another CDN's name, is not this CDN's address for this host.
    expect(destinationOf(["ablink.other.customer.com.cdn.cloudflare.net"], HOST, null, "cloudflare")).toMatchObject({ kind: "elsewhere" });
    expect(destinationOf([TARGET], HOST, null, "fastly")).toMatchObject({ kind: "elsewhere", name: TARGET });
  });

  it("no CNAME at all: addresses", () => {
    expect(destinationOf([], HOST, TARGET, "cloudflare")).toEqual({ kind: "addresses" });
    expect(destinationOf([], HOST, null, "cloudfront")).toEqual({ kind: "addresses" });
  });

  it("names the record's own value first, then where the chain goes", () => {
    expect(elsewhereWords({ kind: "elsewhere", name: "x.example.net", chain: ["x.example.net"] })).toBe("x.example.net");
    expect(elsewhereWords({ kind: "elsewhere", name: "x.example.net", chain: ["x.example.net", "y.example.net", "z.example.net"] })).toBe("x.example.net (→ y.example.net → z.example.net)");
  });
});
