import { afterEach, describe, expect, it, vi } from "vitest";
import { endpointsFromEnv, parseEnv } from "@/lib/env";

// The API base URLs each CDN module declares (facts.ts `endpoints`) become the environment settings and the apply
// context's endpoints (docs/contract.md#provider-api-base-urls).
describe("the provider API base URLs", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("default to the real APIs, and the AWS ones to the SDK's own", () => {
    const e = parseEnv({});
    expect([e.CLOUDFRONT_ENDPOINT, e.ACM_ENDPOINT, e.CLOUDFLARE_API_BASE_URL, e.FASTLY_API_BASE_URL, e.KEYCDN_API_BASE_URL]).toEqual([
      undefined,
      undefined,
      "https://api.cloudflare.com/client/v4",
      "https://api.fastly.com",
      "https://api.keycdn.com",
    ]);
  });

  it("refuse a URL that is not http(s), naming the variable", () => {
    expect(() => parseEnv({ FASTLY_API_BASE_URL: "ftp://api.example" })).toThrow(/^Invalid environment settings: FASTLY_API_BASE_URL: /);
  });

  it("reach the apply context under each module's keys", () => {
    vi.stubEnv("ACM_ENDPOINT", "http://127.0.0.1:4001");
    vi.stubEnv("KEYCDN_API_BASE_URL", "http://127.0.0.1:4002");
    expect(endpointsFromEnv()).toEqual({
      cloudfront: undefined,
      acm: "http://127.0.0.1:4001",
      cloudflare: "https://api.cloudflare.com/client/v4",
      fastly: "https://api.fastly.com",
      keycdn: "http://127.0.0.1:4002",
    });
  });
});
