import { describe, expect, it, vi } from "vitest";
import { MemoryStore } from "@/lib/store/memory";
import { StoreUnavailableError, type Store } from "@/lib/store/types";
import { storeDouble } from "@/lib/store/testing/store-double";
import { clientKey, TokenBucketLimiter, UNTRUSTED_CLIENT_KEY } from "./rate-limit";

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

  it("while the store is unavailable, still limits, counting on this instance, without a warning of its own", async () => {
    let calls = 0;
    const unavailable = async (): Promise<never> => {
      calls++;
      throw new StoreUnavailableError("Redis at redis://127.0.0.1:6379 is unavailable (ECONNREFUSED)");
    };
    const down: Store = storeDouble({ getJson: unavailable, setJson: unavailable, delete: unavailable, takeToken: unavailable });
    const log = { warn: vi.fn<(m: string) => void>() };
    const limiter = new TokenBucketLimiter("t", { capacity: 2, refillPerSecond: 0.001 }, () => down, { log });
    expect([await limiter.take("a"), await limiter.take("a"), await limiter.take("a")]).toEqual([
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
      { ok: false, retryAfterSeconds: 1000 },
    ]);
    expect(calls).toBe(3);
    // The store warns about being unavailable itself (lib/store/redis.ts).
    expect(log.warn).not.toHaveBeenCalled();
  });

  it("any other store failure also counts on this instance (never an error for the request), with one warning per interval", async () => {
    let calls = 0;
    const broken: Store = storeDouble({
      getJson: async () => undefined,
      setJson: async () => {},
      delete: async () => {},
      takeToken: async () => {
        calls++;
        throw new Error("ERR unexpected reply");
      },
    });
    const log = { warn: vi.fn<(m: string) => void>() };
    const limiter = new TokenBucketLimiter("actions", { capacity: 2, refillPerSecond: 0.001 }, () => broken, { log });
    expect([await limiter.take("a"), await limiter.take("a"), await limiter.take("a"), await limiter.take("b")]).toEqual([
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
      { ok: false, retryAfterSeconds: 1000 },
      { ok: true, remaining: 1 },
    ]);
    expect(calls).toBe(4);
    expect(log.warn.mock.calls).toEqual([
      ["[rate-limit] the store failed for the actions limit (Error: ERR unexpected reply): counting on this instance alone for now. Next warning in 60 s at the earliest."],
    ]);
  });
});

describe("clientKey", () => {
  const xff = (value: string) => new Headers({ "x-forwarded-for": value });

  it("with no trusted proxy (TRUST_PROXY=0) believes no header: a client reaching next start directly cannot pick its bucket", () => {
    // next start only fills X-Forwarded-For in when it is missing (node_modules/next/dist/server/base-server.js),
    // so here the value may be entirely the client's own.
    for (const headers of [xff("198.51.100.9"), xff("203.0.113.7, 198.51.100.9"), new Headers({ "x-real-ip": "198.51.100.2" }), new Headers()]) {
      expect(clientKey(headers, 0)).toBe(UNTRUSTED_CLIENT_KEY);
    }
    expect(UNTRUSTED_CLIENT_KEY).toBe("untrusted-address");
  });

  it("with one trusted proxy uses the entry it appended, the right-most: what the client writes to its left does not count", () => {
    expect(clientKey(xff(" 203.0.113.7, 198.51.100.9 "), 1)).toBe("198.51.100.9");
    expect(clientKey(xff("1.2.3.4, 198.51.100.9"), 1)).toBe("198.51.100.9");
    expect(clientKey(xff("198.51.100.9"), 1)).toBe("198.51.100.9");
    // Empty entries are the client's: they cannot shift which entry counts.
    expect(clientKey(xff("1.2.3.4, , ,198.51.100.9"), 1)).toBe("198.51.100.9");
    // X-Real-IP is only ever the client's own word here (nothing in next start sets it).
    expect(clientKey(new Headers({ "x-real-ip": "198.51.100.2" }), 1)).toBe(UNTRUSTED_CLIENT_KEY);
    expect(clientKey(xff("198.51.100.9".repeat(10)), 1)).toBe("198.51.100.9".repeat(10).slice(0, 64));
  });

  it("with two trusted proxies (a CDN, then a load balancer) uses the address the outer one saw", () => {
    // client-written, address the CDN saw, address the load balancer saw (the CDN's edge)
    expect(clientKey(xff("1.2.3.4, 198.51.100.9, 203.0.113.200"), 2)).toBe("198.51.100.9");
    // Fewer entries than proxies: every entry was written by a trusted proxy; the left-most is the client's address.
    expect(clientKey(xff("198.51.100.9"), 2)).toBe("198.51.100.9");
  });

  it("reads TRUST_PROXY when not told", () => {
    // vitest.config.mts sets TRUST_PROXY=1: unit tests stand in for one proxy, as the e2e run does.
    expect(clientKey(xff("1.2.3.4, 198.51.100.9"))).toBe("198.51.100.9");
  });
});
