import { afterEach, describe, expect, it, vi } from "vitest";
import { dnsEndpointFromEnv, parseDnsEndpoints } from "./endpoints";

// Each DNS host's API base URL (facts.ts `endpoint`) is an environment setting (docs/contract.md#provider-api-base-urls).
describe("the DNS hosts' API base URLs", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("Route 53: the SDK's default unless ROUTE53_ENDPOINT is set, which must be an http(s) URL", () => {
    expect(parseDnsEndpoints({}).ROUTE53_ENDPOINT).toBeUndefined();
    expect(parseDnsEndpoints({ ROUTE53_ENDPOINT: "http://127.0.0.1:4003" }).ROUTE53_ENDPOINT).toBe("http://127.0.0.1:4003");
    expect(() => parseDnsEndpoints({ ROUTE53_ENDPOINT: "route53.internal" })).toThrow(/^Invalid environment settings: ROUTE53_ENDPOINT: /);
  });

  it("reach the DNS hosts: Cloudflare DNS on the CDN's CLOUDFLARE_API_BASE_URL", () => {
    vi.stubEnv("ROUTE53_ENDPOINT", "http://127.0.0.1:4003");
    vi.stubEnv("CLOUDFLARE_API_BASE_URL", "http://127.0.0.1:4004/client/v4");
    expect([dnsEndpointFromEnv("route53"), dnsEndpointFromEnv("cloudflare")]).toEqual(["http://127.0.0.1:4003", "http://127.0.0.1:4004/client/v4"]);
  });
});
