import { describe, expect, it } from "vitest";
import { buildPlan } from "./build";
import { parsePlanQuery, planOnlyQueryString, planQueryString } from "./query";
import { recordsOf } from "@/lib/domain/plan";

describe("parsePlanQuery", () => {
  it("reads the plan, drops duplicate hosts and normalises case and trailing dots", () => {
    const { query, errors } = parsePlanQuery(new URLSearchParams("cdn=cloudfront&host=ABLINK.x.customer.com.&host=ablink.x.customer.com&region=eu&mode=apply&step=dns&present=1"));
    expect(errors).toEqual([]);
    expect(query).toEqual({ cdn: "cloudfront", hosts: ["ablink.x.customer.com"], esp: "sendgrid", region: "eu", targets: [], owners: [], zones: [], mode: "apply", step: "dns", present: true });
  });

  it.each([
    ["cdn=akamai", "cdn", "cdn must be one of: cloudfront, cloudflare, fastly, keycdn."],
    ["cdn=cloudfront&cdn=fastly", "cdn", "cdn is given 2 times with different values; give it once."],
    ["region=us", "region", "region for SendGrid must be global or eu."],
    ["mode=magic", "mode", "mode must be one of: manual, apply."],
    ["target=not a host", "target", "target #1 is not a DNS name (e.g. d111111abcdef8.cloudfront.net)."],
    ["zone=<b>", "zone", "zone #1 is not a DNS name (e.g. news.example.com)."],
    ["owner=ablink.x.customer.com", "owner", "owner #1 is not an owner record (digits, then the branded domain, e.g. 1234567.news.example.com)."],
    ["host=customer.com", "host", 'host #1: "customer.com" is a registrable domain, not a link-branding hostname; it looks like ablink.customer.com or ablink.news.customer.com.'],
  ])("%s → error on %s", (qs, field, message) => {
    expect(parsePlanQuery(new URLSearchParams(qs)).errors).toEqual([{ field, message }]);
  });

  it("keeps an ESP that gets guidance only in the URL, for step 1 to show", () => {
    const { query, errors } = parsePlanQuery(new URLSearchParams("esp=customerio&step=esp"));
    expect([query.guide, query.esp, errors.map((e) => e.field)]).toEqual(["customerio", "sendgrid", ["esp"]]);
    expect(planQueryString(query)).toBe("esp=customerio&step=esp");
  });

  it("round-trips through planQueryString", () => {
    const qs = "cdn=fastly&host=ablink.a.customer.com&host=ablink.b.customer.com&region=eu&target=t.sni.global.fastly.net&target=&owner=123.a.customer.com&mode=manual&step=test";
    expect(planQueryString(parsePlanQuery(new URLSearchParams(qs)).query)).toBe(qs);
    expect(planOnlyQueryString(parsePlanQuery(new URLSearchParams(qs)).query)).toBe(qs.replace("&mode=manual&step=test", ""));
  });
});

describe("verification state in the URL", () => {
  it("keeps the tracked link as its path and query, and the override flag", () => {
    const { query, errors } = parsePlanQuery(new URLSearchParams("cdn=cloudfront&host=ablink.x.customer.com&link=https%3A%2F%2Fablink.x.customer.com%2Fls%2Fclick%3Fupn%3Du001.a%23x&override=1&step=dns"));
    expect(errors).toEqual([]);
    expect(query).toMatchObject({ link: "/ls/click?upn=u001.a", override: true });
    expect(planQueryString(query)).toBe("cdn=cloudfront&host=ablink.x.customer.com&link=%2Fls%2Fclick%3Fupn%3Du001.a&override=1&step=dns");
    expect(planOnlyQueryString(query)).toBe("cdn=cloudfront&host=ablink.x.customer.com");
  });

  it("names the link field when the link is not on one of the hosts, and drops it", () => {
    const { query, errors } = parsePlanQuery(new URLSearchParams("cdn=cloudfront&host=ablink.x.customer.com&link=https%3A%2F%2Fevil.example%2F%3Cb%3E"));
    expect(query.link).toBeUndefined();
    expect(errors).toEqual([{ field: "link", message: 'The tracked link "https://evil.example/\\u003cb\\u003e" is on "evil.example", which is not one of the hosts being verified.' }]);
  });

  it("only override=1 records an override", () => {
    expect(parsePlanQuery(new URLSearchParams("override=yes")).query.override).toBeUndefined();
  });
});

describe("owner records", () => {
  it("appear in the DNS step as records to leave as they are, and never move", () => {
    const { query } = parsePlanQuery(new URLSearchParams("cdn=cloudfront&host=ablink.news.customer.com&owner=7654321.news.customer.com"));
    const records = recordsOf(buildPlan(query).plan!.hosts[0]!);
    expect(records.filter((r) => r.phase === "keep")).toEqual([
      expect.objectContaining({ type: "CNAME", name: "7654321.news.customer.com", relativeName: "7654321.news", zone: "customer.com", value: "sendgrid.net", phase: "keep" }),
    ]);
    expect(records.filter((r) => r.phase === "switch").map((r) => r.name)).toEqual(["ablink.news.customer.com"]);
  });
});

describe("the console-panel view in the URL", () => {
  it("round-trips view=console and leaves the list implicit", () => {
    const { query } = parsePlanQuery(new URLSearchParams("cdn=fastly&host=ablink.x.customer.com&step=configure&view=console"));
    expect(query.view).toBe("console");
    expect(planQueryString(query)).toBe("cdn=fastly&host=ablink.x.customer.com&step=configure&view=console");
    expect(planQueryString({ ...query, view: "list" })).toBe("cdn=fastly&host=ablink.x.customer.com&step=configure");
  });

  it("ignores views and parameters it does not know, without an error (old and newer links keep working)", () => {
    const { query, errors } = parsePlanQuery(new URLSearchParams("cdn=fastly&host=ablink.x.customer.com&view=grid&v=2&utm_source=x"));
    expect(errors).toEqual([]);
    expect(query.view).toBeUndefined();
    expect(planQueryString(query)).toBe("cdn=fastly&host=ablink.x.customer.com");
  });
});
