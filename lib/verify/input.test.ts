import { describe, expect, it } from "vitest";
import { checkLink, checkTarget, MAX_LINK_LENGTH, MAX_VERIFY_HOSTS, parseVerifyQuery } from "./input";

const q = (s: string) => parseVerifyQuery(new URLSearchParams(s));

describe("parseVerifyQuery", () => {
  it("parses hosts, targets, a link, phase and region", () => {
    expect(q("cdn=cloudfront&host=ABLINK.news.Customer.com.&host=ablink.info.customer.com&target=d1.cloudfront.net&target=d2.cloudfront.net&link=/ls/click?upn%3Du001.x&phase=before&region=eu")).toEqual({
      ok: true,
      input: {
        cdn: "cloudfront",
        hosts: ["ablink.news.customer.com", "ablink.info.customer.com"],
        targets: ["d1.cloudfront.net", "d2.cloudfront.net"],
        links: ["/ls/click?upn=u001.x", "/ls/click?upn=u001.x"],
        phase: "before",
        esp: "sendgrid",
        region: "eu",
      },
    });
  });

  it("defaults: no target, no link, phase auto, region global; one target serves every host", () => {
    expect(q("cdn=fastly&host=a.b.example.com&host=c.b.example.com&target=t.sni.global.fastly.net")).toEqual({
      ok: true,
      input: { cdn: "fastly", hosts: ["a.b.example.com", "c.b.example.com"], targets: ["t.sni.global.fastly.net", "t.sni.global.fastly.net"], links: [null, null], phase: "auto", esp: "sendgrid", region: "global" },
    });
  });

  it("drops duplicate hosts, keeping the first one's target", () => {
    expect(q("cdn=keycdn&host=a.b.example.com&host=A.B.example.com&target=z1-1a.kxcdn.com&target=z2-1a.kxcdn.com")).toMatchObject({
      ok: true,
      input: { hosts: ["a.b.example.com"], targets: ["z1-1a.kxcdn.com"] },
    });
  });

  it("takes the path and query of a URL on one of the hosts, without the fragment", () => {
    expect(q("cdn=cloudflare&host=a.b.example.com&link=https%3A%2F%2Fa.b.example.com%2Fls%2Fclick%3Fupn%3Dx%23frag")).toMatchObject({ ok: true, input: { links: ["/ls/click?upn=x"] } });
  });

  it.each([
    ["", "cdn", "cdn must be one of cloudfront, cloudflare, fastly, keycdn."],
    ["cdn=akamai&host=a.b.example.com", "cdn", "cdn must be one of cloudfront, cloudflare, fastly, keycdn."],
    ["cdn=fastly", "host", "give at least one host."],
    ["cdn=fastly&host=localhost", "host", 'host 1 "localhost" is not under a public domain (check the spelling of the last part, e.g. .com).'],
    ["cdn=fastly&host=a.b.example.com&host=10.0.0.1", "host", 'host 2 "10.0.0.1" an IP address is not a hostname.'],
    ["cdn=fastly&host=https://a.b.example.com/x", "host", 'host 1 "https://a.b.example.com/x" enter the hostname only, without a scheme or path: a.b.example.com'],
    ["cdn=fastly&host=%3Cscript%3E.example.com", "host", 'host 1 "\\u003cscript\\u003e.example.com" contains characters a hostname cannot have (only letters, digits, hyphens and dots).'],
    ["cdn=fastly&host=a.b.example.com&target=169.254.169.254", "target", 'target "169.254.169.254" an IP address is not a hostname.'],
    ["cdn=fastly&host=a.b.example.com&target=%5B%3A%3A1%5D", "target", 'target "[::1]" an IP address or port is not a hostname.'],
    ["cdn=fastly&host=a.b.example.com&target=a.b.example.com", "target", 'target "a.b.example.com" is the link host itself; give the CDN\'s address.'],
    ["cdn=fastly&host=a.b.example.com&host=c.b.example.com&host=d.b.example.com&target=x.fastly.net&target=y.fastly.net", "target", "give one target for every host, or one per host in host order (3 hosts, 2 targets)."],
    ["cdn=fastly&host=a.b.example.com&link=https%3A%2F%2Fevil.example.net%2Fx", "link", 'link "https://evil.example.net/x" is on "evil.example.net", which is not one of the hosts being verified.'],
    ["cdn=fastly&host=a.b.example.com&link=%2F%2Fevil.example.net%2Fx", "link", 'link "//evil.example.net/x" is not a tracked link: give its path and query (starting with /) or the whole URL on one of the hosts.'],
    ["cdn=fastly&host=a.b.example.com&link=javascript%3Aalert(1)", "link", 'link "javascript:alert(1)" is not a tracked link: give its path and query (starting with /) or the whole URL on one of the hosts.'],
    ["cdn=fastly&host=a.b.example.com&link=http%3A%2F%2Fu%3Ap%40a.b.example.com%2F", "link", 'link "http://u:p@a.b.example.com/" must not contain a user name or password.'],
    ["cdn=fastly&host=a.b.example.com&link=http%3A%2F%2Fa.b.example.com%3A8080%2F", "link", 'link "http://a.b.example.com:8080/" must not name a port.'],
    ["cdn=fastly&host=a.b.example.com&phase=later", "phase", "phase must be before, after or auto."],
    ["cdn=fastly&host=a.b.example.com&region=us", "region", "region for SendGrid must be global or eu."],
  ])("%s → 400 on %s", (query, field, message) => {
    expect(q(query)).toEqual({ ok: false, field, message });
  });

  it("caps hosts and link length", () => {
    const many = Array.from({ length: MAX_VERIFY_HOSTS + 1 }, (_, i) => `host=h${i}.b.example.com`).join("&");
    expect(q(`cdn=fastly&${many}`)).toEqual({ ok: false, field: "host", message: `give at most ${MAX_VERIFY_HOSTS} hosts per verification.` });
    expect(q(`cdn=fastly&host=a.b.example.com&link=/${"x".repeat(MAX_LINK_LENGTH)}`)).toEqual({ ok: false, field: "link", message: `a link has at most ${MAX_LINK_LENGTH} characters.` });
  });
});

describe("checkTarget and checkLink", () => {
  it("accepts CDN addresses, including a registrable domain", () => {
    expect(checkTarget("d111111abcdef8.cloudfront.net")).toEqual({ ok: true, host: "d111111abcdef8.cloudfront.net" });
    expect(checkTarget("Dualstack.T.sni.global.fastly.net.")).toEqual({ ok: true, host: "dualstack.t.sni.global.fastly.net" });
    expect(checkTarget("cdn-example.net")).toEqual({ ok: true, host: "cdn-example.net" });
    expect(checkTarget("0x7f.1")).toEqual({ ok: false, message: "is not under a public domain (check the spelling of the last part, e.g. .com)." });
    expect(checkTarget("2130706433")).toEqual({ ok: false, message: "an IP address is not a hostname." });
  });
  it("percent-encodes what a path cannot carry raw", () => {
    expect(checkLink("/ls/click?upn=a b", [])).toEqual({ ok: true, path: "/ls/click?upn=a%20b" });
    expect(checkLink("/wf/click\u0000", [])).toEqual({ ok: false, message: "contains a control character." });
  });
});
