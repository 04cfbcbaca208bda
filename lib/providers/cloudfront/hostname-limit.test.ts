import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { parseHostnamesInput } from "@/lib/chart";
import { parsePlanQuery } from "@/lib/plan/query";
import { hostRuleFor } from "@/lib/providers/host-rules";
import { startCloudfrontFakes } from "@/lib/sandbox/fakes/cloudfront/start";
import { cloudfrontServer } from "./apply";

/**
 * ACM takes at most 64 characters as a certificate's first name (docs/providers/cloudfront.md#64-octets), so
 * a longer link host, valid in DNS, is refused for CloudFront at the hostname field: in the URL (/setup,
 * /api/plan), in the wizard's hostnames form and in apply's own input check. Other CDNs take it.
 */

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.64" }) }));
const { parseHostnamesAction } = await import("@/lib/actions/hostname-actions");
const { applyAction } = await import("@/lib/actions/apply-actions");
const { GET: planRoute } = await import("@/app/api/plan/route");

const LONG = `ablink.${"x".repeat(46)}.example.com`; // 65 characters
const LONGEST = `ablink.${"x".repeat(45)}.example.com`; // 64
const WHY =
  "is 65 characters long, too long for CloudFront: its ACM certificate names the host first, and ACM allows at most 64 characters there. Choose a shorter link subdomain in your link branding (at most 64 characters in all, e.g. ablink.news.example.com), then enter that hostname.";

it("the hosts are the lengths the tests need", () => {
  expect([LONG.length, LONGEST.length]).toEqual([65, 64]);
});

describe("the CloudFront host limit in the URL", () => {
  it("refuses a 65-character host for CloudFront at the host field, and keeps the others", () => {
    const { query, errors } = parsePlanQuery(new URLSearchParams(`cdn=cloudfront&host=${LONG}&host=${LONGEST}`));
    expect(errors).toEqual([{ field: "host", message: `host #1: "${LONG}" ${WHY}` }]);
    expect(query.hosts).toEqual([LONGEST]);
  });

  it.each(["cloudflare", "fastly", "keycdn"])("takes a 65-character host for %s", (cdn) => {
    const { query, errors } = parsePlanQuery(new URLSearchParams(`cdn=${cdn}&host=${LONG}`));
    expect([errors, query.hosts]).toEqual([[], [LONG]]);
  });

  it("/api/plan answers 400 naming the host field for CloudFront, 200 for another CDN", async () => {
    const res = await planRoute(new NextRequest(`http://localhost/api/plan?cdn=cloudfront&host=${LONG}`));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid plan query", fields: [{ field: "host", message: `host #1: "${LONG}" ${WHY}` }] });
    const fastly = await planRoute(new NextRequest(`http://localhost/api/plan?cdn=fastly&host=${LONG}`));
    expect([fastly.status, ((await fastly.json()) as { hosts: { host: string }[] }).hosts.map((h) => h.host)]).toEqual([200, [LONG]]);
  });

  it("only CloudFront has a rule", () => {
    expect(hostRuleFor("cloudfront")?.(LONG)).toBe(WHY);
    expect(hostRuleFor("cloudfront")?.(LONGEST)).toBeUndefined();
    expect([hostRuleFor("cloudflare"), hostRuleFor("fastly"), hostRuleFor("keycdn"), hostRuleFor(undefined)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("the CloudFront host limit in the hostnames form", () => {
  it("says it at the field, naming the line, when CloudFront is the chosen CDN", async () => {
    expect(await parseHostnamesAction(`${LONGEST}\n${LONG}`, "cloudfront")).toEqual({ hosts: [LONGEST], error: `Line 2: "${LONG}" ${WHY}` });
    expect(await parseHostnamesAction(LONG, "keycdn")).toEqual({ hosts: [LONG], error: undefined, chart: undefined });
    // An unknown CDN is the CDN step's to refuse: the field checks DNS rules only.
    expect(await parseHostnamesAction(LONG, "akamai")).toEqual({ hosts: [LONG], error: undefined, chart: undefined });
  });

  it("applies to the link host of a pasted record chart", () => {
    const chart = `CNAME\t${LONG}\tsendgrid.net\nCNAME\t1234567.${LONG.slice("ablink.".length)}\tsendgrid.net`;
    const parsed = parseHostnamesInput(chart, hostRuleFor("cloudfront"));
    expect([parsed.hosts, parsed.errors]).toEqual([[], [{ line: 1, input: LONG, message: WHY }]]);
    expect(parseHostnamesInput(chart).hosts).toEqual([LONG]);
  });
});

describe("apply with a host ACM cannot take", () => {
  let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
  const KEY = "AKIALONGHOSTTESTKEY1";
  const SECRET = "longHostTestSecret/000000000000000000000";
  beforeAll(async () => {
    fakes = await startCloudfrontFakes({ accounts: { [KEY]: SECRET } });
  });
  afterAll(() => fakes.close());

  it("is refused by apply's own input check for CloudFront, before any AWS call", async () => {
    const result = await applyAction({ cdn: "cloudfront", hosts: [LONG], region: "global", account: { kind: "sandbox" } });
    expect(result).toEqual({ ok: false, message: "Go back to the hostnames step: some hostnames are not valid." });
  });

  it("gets ACM's refusal translated into what to do, should it reach ACM", async () => {
    const unused = "http://127.0.0.1:9";
    const ctx = { endpoints: { cloudfront: fakes.cloudfrontUrl, acm: fakes.acmUrl, cloudflare: unused, fastly: unused, keycdn: unused }, maxRetries: 0 };
    const h = (await cloudfrontServer.apply({ accessKeyId: KEY, secretAccessKey: SECRET }, { hosts: [LONG], region: "global" }, ctx)).hosts[0]!;
    expect([h.outcome, h.resources, h.error]).toEqual([
      "failed",
      [],
      {
        code: "InvalidDomainValidationOptionsException",
        message: `ACM did not accept ${LONG} as a certificate name: The first domain name can be no longer than 64 characters.`,
        action: `A certificate's first name has at most 64 characters and ${LONG} has 65: choose a shorter link subdomain in your link branding, then start again with the new hostname.`,
      },
    ]);
  });
});
