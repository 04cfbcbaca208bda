import { describe, expect, it } from "vitest";
import { CDN_ADDRESSES } from "./addresses";

/** Each CDN's own answer to "is this an address you give this host?" (docs/providers/cdn-addresses.md). */
const HOST = "ablink.news.customer.com";

describe("CDN addresses", () => {
  it.each([
    ["cloudfront", "d111111abcdef8.cloudfront.net", true],
    ["cloudfront", "cloudfront.net", false],
    ["cloudfront", "x.d111111abcdef8.cloudfront.net", false],
    ["cloudfront", "d111111abcdef8.cloudfront.net.evil.example", false],
    ["fastly", "j.sni.global.fastly.net", true],
    ["fastly", "dualstack.k.sni.global.fastly.net", true],
    ["fastly", "k.sni.us-eu.fastly.net", true],
    ["fastly", "fastly.net", false],
    ["fastly", "notfastly.net", false],
    ["keycdn", "sendgrid-1c6b.kxcdn.com", true],
    ["keycdn", "kxcdn.com", false],
    ["keycdn", "sendgrid.kxcdn.com", false],
    ["cloudflare", `${HOST}.cdn.cloudflare.net`, true],
    ["cloudflare", "ablink.other.customer.com.cdn.cloudflare.net", false],
    ["cloudflare", "cdn.cloudflare.net", false],
  ] as const)("%s: %s → %s", (cdn, name, expected) => {
    expect(CDN_ADDRESSES[cdn].isAddressFor(name, HOST)).toBe(expected);
  });

  it("only Cloudflare proxies the record in place", () => {
    expect(Object.entries(CDN_ADDRESSES).filter(([, a]) => a.proxiesInPlace).map(([id]) => id)).toEqual(["cloudflare"]);
  });
});
