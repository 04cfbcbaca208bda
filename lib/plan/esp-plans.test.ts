import { describe, expect, it } from "vitest";
import { CDN_IDS, fieldsOf, recordsOf, type CdnId, type HostPlan, type Plan } from "@/lib/domain/plan";
import type { EspId } from "@/lib/domain/ids";
import { PROVIDERS } from "@/lib/providers";

/**
 * Every CDN's plan for each email provider (docs/esps.md): its origin and rules, its steps, and nothing of another
 * ESP. The invariants are checked in invariants.test.ts; here are the values a person types.
 */
const HOST = "click.news.example.com";
const planFor = (cdn: CdnId, esp: EspId, region: string, tenant?: string): Plan => PROVIDERS[cdn]!.plan({ hosts: [HOST], esp, region, tenant });
const host = (p: Plan): HostPlan => p.hosts[0]!;
const value = (hp: HostPlan, id: string) => fieldsOf(hp).find((f) => f.id === id)?.value;
const step = (hp: HostPlan, id: string) => hp.steps.find((s) => s.id === id)!;

const OTHERS = [
  ["sparkpost", "us", "spgo.io"],
  ["sparkpost", "eu", "eu.spgo.io"],
  ["ses", "us-east-1", "r.us-east-1.awstrack.me"],
  ["ses", "eu-central-1", "r.eu-central-1.awstrack.me"],
] as const;

describe("a plan for another email provider names it, never SendGrid", () => {
  it.each(CDN_IDS.flatMap((cdn) => OTHERS.map(([esp, region, origin]) => [cdn, esp, region, origin] as const)))("%s for %s (%s)", (cdn, esp, region, origin) => {
    const p = planFor(cdn, esp, region);
    const json = JSON.stringify(p);
    expect(json).not.toMatch(/sendgrid/i);
    expect([p.esp, p.origin]).toEqual([esp, origin]);
    expect(recordsOf(host(p)).filter((r) => r.phase === "switch").map((r) => r.name)).toEqual([HOST]);
    // What the ESP needs first, on the first step; who turns HTTPS on, last.
    expect(host(p).steps[0]!.warnings?.[0]).toMatch(/^Before you start: /);
    expect(host(p).steps.at(-1)!.title).toBe(`Turn on HTTPS for tracked links in ${p.espName}`);
  });

  it("SparkPost Enterprise: the tenant's origin", () => {
    expect(planFor("fastly", "sparkpost", "us", "acme").origin).toBe("acme.et.e.sparkpost.com");
    expect(value(host(planFor("fastly", "sparkpost", "us", "acme")), "hostAddress")).toBe("acme.et.e.sparkpost.com");
  });
});

describe("CloudFront", () => {
  it("SparkPost: X-Forwarded-Host as origin custom header, Host not forwarded, User-Agent, TTL 1/10/10, GET and HEAD", () => {
    const hp = host(planFor("cloudfront", "sparkpost", "eu"));
    expect(hp.steps.map((s) => s.id)).toEqual(["certificate", "policies", "create", "configure", "test", "dns", "next"]);
    expect(value(hp, "originDomain")).toBe("eu.spgo.io");
    expect(value(hp, "originCustomHeader")).toBe(`X-Forwarded-Host: ${HOST}`);
    expect([value(hp, "allowedMethods"), value(hp, "cachedMethods")]).toEqual(["GET, HEAD", "GET, HEAD"]);
    expect([value(hp, "cachePolicy"), value(hp, "originRequestPolicy")]).toEqual(["ssl-click-tracking-ttl-1-10-10", "ssl-click-tracking-user-agent"]);
    expect(step(hp, "policies").groups!.map((g) => [g.id, g.fields.map((f) => [f.label, f.value])])).toEqual([
      [
        "cachePolicy",
        [
          ["Name", "ssl-click-tracking-ttl-1-10-10"],
          ["Description - optional", "SSL click tracking: keeps a click at most 10 s, keyed on the whole URL"],
          ["Minimum TTL", "1"],
          ["Maximum TTL", "10"],
          ["Default TTL", "10"],
          ["Headers", "None"],
          ["Query strings", "All"],
          ["Cookies", "None"],
        ],
      ],
      [
        "originRequestPolicy",
        [
          ["Name", "ssl-click-tracking-user-agent"],
          ["Description - optional", "SSL click tracking: User-Agent, every query string, no cookies"],
          ["Headers", "Include the following headers"],
          ["Add header", "User-Agent"],
          ["Query strings", "All"],
          ["Cookies", "None"],
        ],
      ],
    ]);
    expect(hp.guarantees).toMatchObject({
      hostHeader: "overridden",
      brandedHost: { via: "origin-header", header: "X-Forwarded-Host", value: HOST },
      forwardedHeaders: ["User-Agent"],
      cookies: "not-forwarded",
      cachedForSeconds: 10,
      methods: ["GET", "HEAD"],
    });
    expect(fieldsOf(hp).map((f) => f.id)).not.toContain("headers");
  });

  it("Amazon SES: Host and User-Agent without cookies through an origin request policy, and CachingDisabled", () => {
    const hp = host(planFor("cloudfront", "ses", "eu-central-1"));
    expect(step(hp, "policies").groups!.map((g) => g.id)).toEqual(["originRequestPolicy"]);
    expect(value(hp, "originRequestPolicy.policyHeaderNames")).toBe("Host, User-Agent");
    expect(value(hp, "originRequestPolicy.policyCookies")).toBe("None");
    expect([value(hp, "cachePolicy"), value(hp, "allowedMethods"), value(hp, "originCustomHeader")]).toEqual(["CachingDisabled", "GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE", undefined]);
    expect(step(hp, "policies").intro).toContain("No cookies: Amazon SES refuses requests past 8192 bytes of headers and cookies.");
    expect(hp.guarantees).toMatchObject({ hostHeader: "pass-through", brandedHost: { via: "host" }, cookies: "not-forwarded", cachedForSeconds: 0 });
  });

  it("SendGrid keeps the legacy form and the seed's origin id", () => {
    const hp = host(planFor("cloudfront", "sendgrid", "global"));
    expect(hp.steps.map((s) => s.id)).toEqual(["certificate", "create", "configure", "test", "dns", "next"]);
    expect([value(hp, "originName"), value(hp, "headers"), value(hp, "cookies"), value(hp, "cachePolicy")]).toEqual(["Braze_sendgrid-HSTS-email", "All", "All", undefined]);
  });
});

describe("the test step uses the ESP's probe", () => {
  it("SparkPost: GET /f/a/b/c/d, 302 from msys-http, no tracked link needed", () => {
    const test = step(host(planFor("cloudfront", "sparkpost", "us")), "test");
    expect(test.actions.slice(1, 4)).toEqual([
      "Request /f/a/b/c/d: it needs no real link, SparkPost answers it with 302 from SparkPost's tracker (server: msys-http).",
      `HTTP: curl -sS -o /dev/null -D - -H 'Host: ${HOST}' 'http://<CDN address>/f/a/b/c/d' — expect 302 from SparkPost's tracker (server: msys-http).`,
      `HTTPS: curl -sS -o /dev/null -D - --connect-to ${HOST}:443:<CDN address>:443 'https://${HOST}/f/a/b/c/d' — expect 302 from SparkPost's tracker (server: msys-http), with no certificate error.`,
    ]);
  });

  it("Amazon SES: HEAD /favicon.ico with the region's headers", () => {
    const test = step(host(planFor("fastly", "ses", "eu-west-2")), "test");
    expect(test.actions[3]).toBe(
      `HTTPS: curl -sS -I --connect-to ${HOST}:443:<CDN address>:443 'https://${HOST}/favicon.ico' — expect 200 from Amazon SES with x-amz-ses-region: eu-west-2 and x-amz-ses-request-protocol: https, with no certificate error.`,
    );
  });
});

describe("the last step is the ESP's", () => {
  it("SparkPost: secure flag and verify, with the tracking domain filled in", () => {
    const last = host(planFor("keycdn", "sparkpost", "eu")).steps.at(-1)!;
    expect(last.intro).toBe("With KeyCDN serving every link host over HTTPS: You do, in SparkPost: set the tracking domain's secure flag once the CDN serves it, then verify it through the CDN.");
    expect(last.actions[0]).toContain(`PUT /api/v1/tracking-domains/${HOST} {"secure": true}`);
  });

  it("Amazon SES: check the favicon with the host and region, then TrackingOptions", () => {
    const last = host(planFor("cloudflare", "ses", "eu-central-1")).steps.at(-1)!;
    expect(last.actions).toEqual([
      `Check it: curl --head https://${HOST}/favicon.ico must answer 200 with x-amz-ses-region: eu-central-1 and x-amz-ses-request-protocol: https.`,
      "Only then set the configuration set's tracking options: CustomRedirectDomain = the host, HttpsPolicy = REQUIRE (with Braze, ask your CSM to enable SSL instead).",
    ]);
  });
});

describe("Fastly", () => {
  it("SparkPost: Fallback TTL 10, the backend named after the ESP, no header object", () => {
    const hp = host(planFor("fastly", "sparkpost", "us"));
    expect([value(hp, "fallbackTtl"), value(hp, "hostName"), value(hp, "headerDestination")]).toEqual(["10", "sparkpost", undefined]);
    expect(hp.guarantees).toMatchObject({ cachedForSeconds: 10, cookies: "forwarded" });
  });

  it("Amazon SES: a request header object that deletes Cookie", () => {
    const hp = host(planFor("fastly", "ses", "us-east-1"));
    expect([value(hp, "headerName"), value(hp, "headerType"), value(hp, "headerAction"), value(hp, "headerDestination"), value(hp, "fallbackTtl")]).toEqual([
      "ssl-click-tracking-no-cookies",
      "Request",
      "Delete",
      "http.Cookie",
      "0",
    ]);
    expect(hp.guarantees.cookies).toBe("not-forwarded");
  });
});

describe("Cloudflare", () => {
  it("SparkPost: only the tracking record, no validation to confirm, and says it cannot keep 10 s", () => {
    const hp = host(planFor("cloudflare", "sparkpost", "eu"));
    expect(step(hp, "records").records!.map((r) => [r.name, r.value, r.proxied])).toEqual([[HOST, "eu.spgo.io", false]]);
    expect(step(hp, "test").actions.join("\n")).not.toContain("verified");
    expect(hp.warnings).toEqual([
      "SparkPost asks for a short cache (10 s) so that mail scanners clicking every link are not counted. Cloudflare caches no redirect unless a Cache Rule says so, and SparkPost's own guide says Free plans cannot set such a short time: the wizard adds no cache rule, so every click, a scanner's too, reaches SparkPost.",
    ]);
  });
});

describe("KeyCDN", () => {
  it("says what it cannot keep for SparkPost and Amazon SES", () => {
    expect(host(planFor("keycdn", "sparkpost", "us")).warnings).toEqual([
      "KeyCDN keeps a redirect without cache headers for 1 minute at least (Max Expire counts minutes); SparkPost asks for at most 10 s, so a person's repeat clicks within that minute are not counted. CloudFront and Fastly can keep 10 s.",
    ]);
    expect(host(planFor("keycdn", "ses", "us-east-1")).warnings[0]).toMatch(/^KeyCDN passes the visitor's cookies on to Amazon SES and has no setting that drops them/);
    expect(host(planFor("keycdn", "sendgrid", "global")).warnings).toEqual([]);
  });
});
