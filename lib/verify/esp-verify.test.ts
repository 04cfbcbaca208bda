import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sesOrigin, sparkpostOrigin } from "./testing/esp-origins";
import { startWorld, type Site, type World } from "./testing/world";
import type { TestRecord } from "./testing/dns-server";
import type { CheckResult, HostReport, VerifyReport } from "./types";
import { verifyHosts, type VerifyInput } from "./verify";

/**
 * Verification per email provider, on the loopback world: with no tracked link, the HTTP and HTTPS checks request
 * the ESP's own published check (SparkPost `GET /f/a/b/c/d`, SES `HEAD /favicon.ico`) and judge the answer by the
 * ESP's fingerprint; the DNS check knows each ESP's origins. Origins answer as testing/esp-origins.ts documents.
 */

const D = "esps.customer.com";
const TARGET = "d111111abcdef8.cloudfront.net";
const hostOf = (name: string) => `${name}.${D}`;
const statuses = (h: HostReport) => Object.fromEntries(h.checks.map((c) => [c.id, c.status]));
const checkOf = (h: HostReport, id: CheckResult["id"]) => h.checks.find((c) => c.id === id)!;
const ALL_PASS = { hsts: "pass", "cdn-before-switch": "pass", dns: "pass", tls: "pass", http: "pass", https: "pass" };

const SITES: Record<string, { site: Site; cname: string }> = {
  "sp-ok": { site: { origin: sparkpostOrigin }, cname: "spgo.io" },
  // A SparkPost tracking domain whose CDN reaches SendGrid: SendGrid's redirect, without SparkPost's server header.
  "sp-sendgrid": { site: {}, cname: "spgo.io" },
  "ses-ok": { site: { origin: sesOrigin("eu-central-1") }, cname: "r.eu-central-1.awstrack.me" },
  "ses-region": { site: { origin: sesOrigin("us-east-1") }, cname: "r.eu-central-1.awstrack.me" },
  "ses-http": { site: { origin: sesOrigin("eu-central-1", "http") }, cname: "r.eu-central-1.awstrack.me" },
  // Served correctly, but still pointing at the US origin while the plan is for eu-central-1.
  "ses-dns": { site: { origin: sesOrigin("eu-central-1") }, cname: "r.us-east-1.awstrack.me" },
  // An SES tracking domain whose CDN reaches SparkPost.
  "ses-sparkpost": { site: { origin: sparkpostOrigin }, cname: "r.eu-central-1.awstrack.me" },
};

let world: World;
const reports: Partial<Record<"sparkpost" | "ses", VerifyReport>> = {};
const run = (input: Partial<VerifyInput> & { hosts: string[] }) =>
  verifyHosts({ cdn: "cloudfront", targets: input.hosts.map(() => TARGET), phase: "before", ...input }, { settings: world.settings });
const hostReport = (esp: "sparkpost" | "ses", name: string) => reports[esp]!.hosts.find((h) => h.host === hostOf(name))!;

beforeAll(async () => {
  const dns: Record<string, TestRecord> = {
    "customer.com": { a: ["127.0.0.1"] },
    [TARGET]: { a: ["127.0.0.1"] },
    "spgo.io": { a: ["127.0.0.1"] },
    "r.eu-central-1.awstrack.me": { a: ["127.0.0.1"] },
    "r.us-east-1.awstrack.me": { a: ["127.0.0.1"] },
  };
  const sites: Record<string, Site> = { "customer.com": { https: { status: 200 } } };
  for (const [name, s] of Object.entries(SITES)) {
    sites[hostOf(name)] = s.site;
    dns[hostOf(name)] = { cname: s.cname };
  }
  world = await startWorld({ sites, dns });
  reports.sparkpost = await run({ esp: "sparkpost", region: "us", hosts: ["sp-ok", "sp-sendgrid"].map(hostOf) });
  reports.ses = await run({ esp: "ses", region: "eu-central-1", hosts: ["ses-ok", "ses-region", "ses-http", "ses-dns", "ses-sparkpost"].map(hostOf) });
});
afterAll(() => world?.close());

describe("SparkPost", () => {
  it("a correct answer to its own check passes every check, without a tracked link", () => {
    const h = hostReport("sparkpost", "sp-ok");
    expect(statuses(h)).toEqual(ALL_PASS);
    expect(checkOf(h, "https").seen).toEqual([`GET https://${hostOf("sp-ok")}/f/a/b/c/d, SparkPost's own check via ${TARGET} (127.0.0.1 port ${world.settings.httpsPort})`, "HTTP 302, Server: msys-http → https://www.example.com/"]);
    expect(checkOf(h, "dns").seen).toEqual([`${hostOf("sp-ok")} → spgo.io → 127.0.0.1`, "points at SparkPost, as it should until the switch"]);
    expect(world.requests.filter((r) => r.host === hostOf("sp-ok")).map((r) => `${r.method} ${r.scheme} ${r.path}`).sort()).toEqual(["GET http /f/a/b/c/d", "GET https /f/a/b/c/d"]);
  });

  it("a SparkPost host answering with SendGrid's redirect fails with its cause and fix, and is not ready", () => {
    const h = hostReport("sparkpost", "sp-sendgrid");
    expect(checkOf(h, "https")).toMatchObject({
      status: "fail",
      diagnosis: "esp-answer-mismatch",
      cause: "SparkPost answered, but not as the plan expects: it has no server header (server: msys-http expected), so the answer did not come from SparkPost's click tracker.",
      fix: "In CloudFront, set the origin to spgo.io over HTTPS, as the Configure step shows, then Re-check. If the account is in another region, go back to step 1 and choose it.",
    });
    expect(h.readyToSwitch).toBe(false);
  });
});

describe("Amazon SES", () => {
  it("a correct answer to HEAD /favicon.ico passes every check, without a tracked link", () => {
    const h = hostReport("ses", "ses-ok");
    expect(statuses(h)).toEqual(ALL_PASS);
    expect(h.readyToSwitch).toBe(true);
    expect(world.requests.filter((r) => r.host === hostOf("ses-ok")).map((r) => `${r.method} ${r.path}`)).toEqual(["HEAD /favicon.ico", "HEAD /favicon.ico"]);
  });

  it("an SES host answering from another region fails the answer checks with the region in the cause", () => {
    const h = hostReport("ses", "ses-region");
    expect(statuses(h)).toEqual({ ...ALL_PASS, "cdn-before-switch": "fail", http: "fail", https: "fail" });
    expect(checkOf(h, "https")).toMatchObject({
      diagnosis: "esp-answer-mismatch",
      cause:
        "Amazon SES answered, but not as the plan expects: x-amz-ses-region is us-east-1 where eu-central-1 was expected, so the CDN reaches Amazon SES in another region than eu-central-1.",
    });
  });

  it("an SES origin reached over HTTP fails", () => {
    expect(checkOf(hostReport("ses", "ses-http"), "https")).toMatchObject({ status: "fail", diagnosis: "esp-answer-mismatch" });
  });

  it("a tracking CNAME to another region's origin fails DNS with both regions named", () => {
    const h = hostReport("ses", "ses-dns");
    expect(statuses(h)).toEqual({ ...ALL_PASS, dns: "fail" });
    expect(checkOf(h, "dns")).toMatchObject({
      diagnosis: "esp-wrong-origin",
      cause: `${hostOf("ses-dns")} points at r.us-east-1.awstrack.me, Amazon SES's name for US East (N. Virginia), us-east-1 — Braze US clusters; this plan is for Amazon SES (r.eu-central-1.awstrack.me).`,
    });
    expect(h.readyToSwitch).toBe(false);
  });

  it("an SES host answered by SparkPost names SparkPost", () => {
    expect(checkOf(hostReport("ses", "ses-sparkpost"), "https")).toMatchObject({
      diagnosis: "esp-other-answered",
      cause: "The answer came from SparkPost (server: msys-http), not from Amazon SES: the CDN's origin is not Amazon SES's.",
    });
  });
});
