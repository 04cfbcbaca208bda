import { describe, expect, it } from "vitest";
import { destinationOf, elsewhereWords } from "./destination";

const HOST = "ablink.news.customer.com";
const TARGET = "d111111abcdef8.cloudfront.net";
const SG = { esp: "sendgrid" as const, region: "global" };

describe("where a host's CNAME chain leads", () => {
  it("the target, directly or through other names", () => {
    expect(destinationOf([TARGET], HOST, TARGET, "cloudfront", SG)).toEqual({ kind: "target", name: TARGET });
    expect(destinationOf(["links.cdn-broker.example", TARGET, "edge.cloudfront.net"], HOST, TARGET, "cloudfront", SG)).toEqual({ kind: "target", name: TARGET });
  });

  it("the chosen ESP's origin for the chosen region, or its managed-HTTPS name, directly or through other names", () => {
    expect(destinationOf(["sendgrid.net"], HOST, TARGET, "cloudfront", SG)).toEqual({ kind: "origin", name: "sendgrid.net" });
    expect(destinationOf(["alias.customer-dns.example", "eu.sendgrid.net"], HOST, null, "fastly", { esp: "sendgrid", region: "eu" })).toEqual({ kind: "origin", name: "eu.sendgrid.net" });
    expect(destinationOf(["click.sendgrid.net"], HOST, null, "keycdn", SG)).toEqual({ kind: "origin", name: "click.sendgrid.net" });
    expect(destinationOf(["eu.v2.spgo.io"], HOST, TARGET, "cloudfront", { esp: "sparkpost", region: "eu" })).toEqual({ kind: "origin", name: "eu.v2.spgo.io" });
    expect(destinationOf(["acme.et.e.sparkpost.com"], HOST, TARGET, "cloudfront", { esp: "sparkpost", region: "us", tenant: "acme" })).toEqual({ kind: "origin", name: "acme.et.e.sparkpost.com" });
    expect(destinationOf(["r.eu-west-2.awstrack.me"], HOST, TARGET, "cloudfront", { esp: "ses", region: "eu-west-2" })).toEqual({ kind: "origin", name: "r.eu-west-2.awstrack.me" });
  });

  it("another region's, another tenant's or another ESP's origin does not fit the plan", () => {
    expect(destinationOf(["eu.sendgrid.net"], HOST, TARGET, "cloudfront", SG)).toEqual({ kind: "wrong-origin", name: "eu.sendgrid.net", owner: { esp: "sendgrid", region: "eu" } });
    expect(destinationOf(["r.us-east-1.awstrack.me"], HOST, TARGET, "cloudfront", { esp: "ses", region: "eu-central-1" })).toMatchObject({ kind: "wrong-origin", owner: { esp: "ses", region: "us-east-1" } });
    expect(destinationOf(["spgo.io"], HOST, TARGET, "cloudfront", { esp: "sparkpost", region: "us", tenant: "acme" })).toMatchObject({ kind: "wrong-origin" });
    expect(destinationOf(["sendgrid.net"], HOST, TARGET, "fastly", { esp: "sparkpost", region: "us" })).toMatchObject({ kind: "wrong-origin", owner: { esp: "sendgrid" } });
  });

  it("a third name: another CDN, a stale distribution of the same CDN, a typo", () => {
    expect(destinationOf(["old-cdn.example.net"], HOST, TARGET, "cloudfront", SG)).toEqual({ kind: "elsewhere", name: "old-cdn.example.net", chain: ["old-cdn.example.net"] });
    expect(destinationOf(["dstale0000000.cloudfront.net"], HOST, TARGET, "cloudfront", SG)).toMatchObject({ kind: "elsewhere", name: "dstale0000000.cloudfront.net" });
    expect(destinationOf(["sendgird.net"], HOST, TARGET, "fastly", SG)).toMatchObject({ kind: "elsewhere", name: "sendgird.net" });
  });

  it("without a target, a name of the CDN's own shape counts as the CDN; anything else is a third name", () => {
    expect(destinationOf([TARGET], HOST, null, "cloudfront", SG)).toEqual({ kind: "cdn", name: TARGET });
    expect(destinationOf(["dualstack.j.sni.global.fastly.net"], HOST, null, "fastly", SG)).toEqual({ kind: "cdn", name: "dualstack.j.sni.global.fastly.net" });
    expect(destinationOf(["x.example.net", "sendgrid-1c6b.kxcdn.com"], HOST, null, "keycdn", SG)).toEqual({ kind: "cdn", name: "sendgrid-1c6b.kxcdn.com" });
    expect(destinationOf([`${HOST}.cdn.cloudflare.net`], HOST, null, "cloudflare", SG)).toEqual({ kind: "cdn", name: `${HOST}.cdn.cloudflare.net` });
    // Another host's Cloudflare address, or another CDN's name, is not this CDN's address for this host.
    expect(destinationOf(["ablink.other.customer.com.cdn.cloudflare.net"], HOST, null, "cloudflare", SG)).toMatchObject({ kind: "elsewhere" });
    expect(destinationOf([TARGET], HOST, null, "fastly", SG)).toMatchObject({ kind: "elsewhere", name: TARGET });
  });

  it("no CNAME at all: addresses", () => {
    expect(destinationOf([], HOST, TARGET, "cloudflare", SG)).toEqual({ kind: "addresses" });
    expect(destinationOf([], HOST, null, "cloudfront", SG)).toEqual({ kind: "addresses" });
  });

  it("names the record's own value first, then where the chain goes", () => {
    expect(elsewhereWords({ kind: "elsewhere", name: "x.example.net", chain: ["x.example.net"] })).toBe("x.example.net");
    expect(elsewhereWords({ kind: "elsewhere", name: "x.example.net", chain: ["x.example.net", "y.example.net", "z.example.net"] })).toBe("x.example.net (→ y.example.net → z.example.net)");
  });
});
