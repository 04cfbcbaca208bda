import { describe, expect, it } from "vitest";
import { MemoryStore } from "@/lib/store/memory";
import { StoreUnavailableError, type Store } from "@/lib/store/types";
import { clientKey, TokenBucketLimiter } from "./rate-limit";

describe("TokenBucketLimiter", () => {
  it("allows a burst, then one request per refill period, per key", async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    const limiter = new TokenBucketLimiter("t", { capacity: 3, refillPerSecond: 0.5 }, () => store);
    expect([await limiter.take("a"), await limiter.take("a"), await limiter.take("a")].map((t) => t.ok)).toEqual([true, true, true]);
    expect(await limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect((await limiter.take("b")).ok).toBe(true);
    now = 1_000;
    expect(await limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 2_000;
    expect(await limiter.take("a")).toEqual({ ok: true, remaining: 0 });
    now = 1_000_000;
    expect(await limiter.take("a")).toEqual({ ok: true, remaining: 2 });
  });

  it("keeps at most maxKeys buckets", async () => {
    const store = new MemoryStore({ maxKeys: 2, now: () => 0 });
    const limiter = new TokenBucketLimiter("t", { capacity: 1, refillPerSecond: 0.001 }, () => store);
    await limiter.take("a");
    await limiter.take("b");
    await limiter.take("c");
    // "a" was evicted, so it starts full again.
    expect((await limiter.take("a")).ok).toBe(true);
    expect((await limiter.take("c")).ok).toBe(false);
  });

  it("keeps each limiter's buckets apart in one store, and forgets a client on request", async () => {
    const store = new MemoryStore({ now: () => 0 });
    const rate = { capacity: 1, refillPerSecond: 0.001 };
    const [verify, actions] = [new TokenBucketLimiter("verify", rate, () => store), new TokenBucketLimiter("actions", rate, () => store)];
    expect(await verify.take("198.51.100.1")).toEqual({ ok: true, remaining: 0 });
    expect(await actions.take("198.51.100.1")).toEqual({ ok: true, remaining: 0 });
    expect(await store.getJson("rate:verify:198.51.100.1")).toEqual({ tokens: 0, at: 0 });
    expect(await verify.take("198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 1000 });
    await verify.forget("198.51.100.1");
    expect(await verify.take("198.51.100.1")).toEqual({ ok: true, remaining: 0 });
    expect(await actions.take("198.51.100.1")).toEqual({ ok: false, retryAfterSeconds: 1000 });
  });

  it("while the store is unavailable, still limits, counting on this instance; any other error is not hidden", async () => {
    let calls = 0;
    const unavailable = async (): Promise<never> => {
      calls++;
      throw new StoreUnavailableError("Redis at redis://127.0.0.1:6379 is unavailable (ECONNREFUSED)");
    };
    const down: Store = { getJson: unavailable, setJson: unavailable, delete: unavailable, takeToken: unavailable, close: async () => {} };
    const limiter = new TokenBucketLimiter("t", { capacity: 2, refillPerSecond: 0.001 }, () => down);
    expect([await limiter.take("a"), await limiter.take("a"), await limiter.take("a")]).toEqual([
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
      { ok: false, retryAfterSeconds: 1000 },
    ]);
    expect(calls).toBe(3);

    const broken: Store = { ...down, takeToken: async () => Promise.reject(new TypeError("a bug")) };
    await expect(new TokenBucketLimiter("t", { capacity: 2, refillPerSecond: 1 }, () => broken).take("a")).rejects.toThrow("a bug");
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
