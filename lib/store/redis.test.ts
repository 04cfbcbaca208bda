import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TokenBucketLimiter } from "@/lib/verify/rate-limit";
import { KEY_PREFIX, RedisStore } from "./redis";
import { storeContract } from "./testing/store-contract";
import { describeWithRedisServer } from "./testing/describe-redis";
import { startRedisServer, type TestRedisServer } from "./testing/redis-server";
import { StoreUnavailableError } from "./types";

/** Against a real redis-server on 127.0.0.1 that this file starts and stops (the password is checked for in every log line). */
const PASSWORD = "s3cret-p@ss/word";

describeWithRedisServer("RedisStore against redis-server", () => {
  let server: TestRedisServer;
  let raw: Redis;
  const stores: RedisStore[] = [];
  const newLog = () => ({ warn: vi.fn<(m: string) => void>(), info: vi.fn<(m: string) => void>() });
  let now = 0;
  const open = (opts: ConstructorParameters<typeof RedisStore>[1] = {}) => {
    const store = new RedisStore(server.url, { log: newLog(), ...opts });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startRedisServer({ password: PASSWORD });
    raw = new Redis(server.url, { lazyConnect: true });
    raw.on("error", () => {}); // it reconnects by itself after the outage below
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    raw?.disconnect();
    await server?.close();
  });

  describe("the store contract", () => {
    let store: RedisStore;
    beforeAll(() => {
      store = open({ now: () => now });
    });
    storeContract({ store: () => store, setNow: (ms) => (now = ms) });
  });

  it("keeps its keys under the app's prefix, each with its TTL", async () => {
    const store = open();
    await store.setJson("sandbox:1", { a: 1 }, 30_000);
    await store.takeToken("rate:verify:198.51.100.7", { capacity: 10, refillPerSecond: 1 / 3 });
    expect(await raw.get(`${KEY_PREFIX}sandbox:1`)).toBe('{"a":1}');
    const setTtl = await raw.pttl(`${KEY_PREFIX}sandbox:1`);
    expect(setTtl > 29_000 && setTtl <= 30_000).toBe(true);
    // A bucket lives until it would be full again: 10 / (1/3) = 30 s.
    const bucketTtl = await raw.pttl(`${KEY_PREFIX}rate:verify:198.51.100.7`);
    expect(bucketTtl > 29_000 && bucketTtl <= 30_000).toBe(true);
    expect(await raw.hget(`${KEY_PREFIX}rate:verify:198.51.100.7`, "tokens")).toBe("9");
  });

  it("a versioned value is a hash {v, json} and a slot group a sorted set, each expiring with what it holds", async () => {
    const store = open();
    await store.setIfVersion("sandbox:record", { hosts: ["ablink.x.customer.com"] }, 30_000, undefined);
    const { version } = (await store.getVersioned("sandbox:record"))!;
    expect(await raw.hgetall(`${KEY_PREFIX}sandbox:record`)).toEqual({ v: version, json: '{"hosts":["ablink.x.customer.com"]}' });
    const recordTtl = await raw.pttl(`${KEY_PREFIX}sandbox:record`);
    expect(recordTtl > 29_000 && recordTtl <= 30_000).toBe(true);
    expect(await store.claimSlot("sandbox:slots", "a", 5, 10_000)).toBe(true);
    expect(await store.claimSlot("sandbox:slots", "b", 5, 20_000)).toBe(true);
    expect(await raw.zrange(`${KEY_PREFIX}sandbox:slots`, "0", "-1")).toEqual(["a", "b"]);
    const groupTtl = await raw.pttl(`${KEY_PREFIX}sandbox:slots`);
    expect(groupTtl > 19_000 && groupTtl <= 20_000).toBe(true);
  });

  it("two instances updating one value by compare-and-set at once lose no write", async () => {
    const [a, b] = [open(), open()];
    const increment = async (store: RedisStore) => {
      for (;;) {
        const current = await store.getVersioned("cas:counter");
        const n = (current?.value as number | undefined) ?? 0;
        if (await store.setIfVersion("cas:counter", n + 1, 60_000, current?.version)) return;
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => increment(i % 2 === 0 ? a : b)));
    expect((await a.getVersioned("cas:counter"))?.value).toBe(40);
  });

  it("two instances taking at once share one bucket on the server's clock: exactly the capacity passes", async () => {
    const [a, b] = [open(), open()];
    const rate = { capacity: 10, refillPerSecond: 1 / 3 };
    const takes = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b).takeToken("rate:verify:203.0.113.50", rate)));
    const remaining = takes.filter((t) => t.ok).map((t) => (t.ok ? t.remaining : -1));
    expect(remaining.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(takes.filter((t) => !t.ok)).toEqual(Array(14).fill({ ok: false, retryAfterSeconds: 3 }));
  });

  it("Redis down: calls fail fast with StoreUnavailableError, the limiter counts on this instance, one warning, no password", async () => {
    // Only this store is connected when the server stops, and it has a log of its own: every other store would
    // warn too (after its own reconnect attempt) and say "answers again" on its own schedule.
    await Promise.all(stores.splice(0).map((s) => s.close()));
    const log = newLog();
    const store = open({ log });
    const limiter = new TokenBucketLimiter("outage", { capacity: 2, refillPerSecond: 0.001 }, () => store);
    expect(await limiter.take("198.51.100.8")).toEqual({ ok: true, remaining: 1 });

    await server.stop();
    await expect(store.getJson("anything")).rejects.toThrow(StoreUnavailableError);
    // Still limited, by this instance's own bucket (which starts full): never an error, never unlimited.
    expect(await limiter.take("198.51.100.8")).toEqual({ ok: true, remaining: 1 });
    expect(await limiter.take("198.51.100.8")).toEqual({ ok: true, remaining: 0 });
    expect(await limiter.take("198.51.100.8")).toEqual({ ok: false, retryAfterSeconds: 1000 });
    const error = await store.setJson("k", 1, 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(String((error as Error).message)).toMatch(new RegExp(`^Redis at redis://127\\.0\\.0\\.1:${server.port}/0`));

    expect(log.warn).toHaveBeenCalledTimes(1);
    const warning = log.warn.mock.calls[0]![0];
    expect(warning).toMatch(new RegExp(`^\\[store\\] Redis at redis://127\\.0\\.0\\.1:${server.port}/0 is unavailable \\((connection closed|Connection is closed\\.|ECONNREFUSED|ECONNRESET)\\): rate limits count on each instance alone`));
    for (const line of [warning, (error as Error).message]) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain(encodeURIComponent(PASSWORD));
    }

    // Back: the client reconnects by itself, says so once, and the shared bucket counts again.
    const back = new Promise<string>((resolve) => log.info.mockImplementationOnce(resolve));
    await server.start();
    expect(await back).toBe(`[store] Redis at redis://127.0.0.1:${server.port}/0 answers again: rate limits are shared between instances again.`);
    expect(await limiter.take("198.51.100.9")).toEqual({ ok: true, remaining: 1 });
    expect(await raw.hget(`${KEY_PREFIX}rate:outage:198.51.100.9`, "tokens")).toBe("1");
  });
});
