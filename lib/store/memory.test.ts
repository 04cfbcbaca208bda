import { describe, expect, it } from "vitest";
import { MemoryStore } from "./memory";
import { storeContract } from "./testing/store-contract";

describe("MemoryStore: the store contract", () => {
  let now = 0;
  const store = new MemoryStore({ now: () => now });
  storeContract({ store: () => store, setNow: (ms) => (now = ms) });
});

describe("MemoryStore: bounded", () => {
  it("drops a value when its TTL has passed", async () => {
    let now = 1_000;
    const store = new MemoryStore({ now: () => now });
    await store.setJson("k", "v", 500);
    now = 1_499;
    expect(await store.getJson("k")).toBe("v");
    now = 1_500;
    expect(await store.getJson("k")).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("expired entries leave memory within a minute even if nobody asks for them again", async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    for (const k of ["a", "b", "c"]) await store.setJson(k, { big: "x".repeat(100) }, 1_000);
    await store.claimSlot("group", "m", 10, 1_000);
    expect(store.size).toBe(4);
    now = 59_999;
    await store.setJson("other", 1, 120_000);
    expect(store.size).toBe(5);
    now = 60_000; // a minute after the last sweep: the next call drops every expired entry
    expect(await store.getJson("other")).toBe(1);
    expect(store.size).toBe(1);
  });

  it("forgets a bucket once it would be full again (capacity / refill)", async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    const rate = { capacity: 2, refillPerSecond: 0.5 };
    await store.takeToken("b", rate);
    await store.takeToken("b", rate);
    expect(await store.takeToken("b", rate)).toEqual({ ok: false, retryAfterSeconds: 2 });
    // Touched last at 0 with 0 tokens: full again after 2 / 0.5 = 4 s.
    now = 3_999;
    expect(await store.getJson("b")).toEqual({ tokens: 0, at: 0 });
    now = 4_000;
    expect(await store.getJson("b")).toBeUndefined();
  });

  it("keeps at most maxKeys entries, dropping the least recently used", async () => {
    const store = new MemoryStore({ maxKeys: 3, now: () => 0 });
    for (const k of ["a", "b", "c"]) await store.setJson(k, k, 10_000);
    expect(await store.getJson("a")).toBe("a"); // "a" is now the most recently used
    await store.setJson("d", "d", 10_000);
    expect(store.size).toBe(3);
    expect(await store.getJson("b")).toBeUndefined();
    expect([await store.getJson("a"), await store.getJson("c"), await store.getJson("d")]).toEqual(["a", "c", "d"]);
    for (let i = 0; i < 1_000; i++) await store.takeToken(`client-${i}`, { capacity: 1, refillPerSecond: 0.001 });
    expect(store.size).toBe(3);
  });
});
