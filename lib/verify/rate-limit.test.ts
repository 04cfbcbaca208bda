import { describe, expect, it } from "vitest";
import { clientKey, TokenBucketLimiter } from "./rate-limit";

describe("TokenBucketLimiter", () => {
  it("allows a burst, then one request per refill period, per key", () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5, now: () => now });
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limiter.take("b").ok).toBe(true);
    now = 1_000;
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 2_000;
    expect(limiter.take("a")).toEqual({ ok: true, remaining: 0 });
    now = 1_000_000;
    expect(limiter.take("a")).toEqual({ ok: true, remaining: 2 });
  });

  it("keeps at most maxKeys buckets", () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2, now: () => 0 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    // "a" was evicted, so it starts full again.
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("c").ok).toBe(false);
  });
});

describe("clientKey", () => {
  it("uses the X-Forwarded-For entry the nearest proxy appended, then X-Real-IP", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": " 203.0.113.7, 198.51.100.9 " }))).toBe("198.51.100.9");
    // Whatever the client writes to the left does not change its key.
    expect(clientKey(new Headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.9" }))).toBe("198.51.100.9");
    expect(clientKey(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientKey(new Headers())).toBe("unknown");
  });
});
