import { expect, it } from "vitest";
import type { Store } from "../types";

/**
 * What every store answers alike, run against the memory store (lib/store/memory.test.ts) and a real Redis
 * (lib/store/redis.test.ts). `now` moves the buckets' clock; `key` makes a key no other case uses.
 */
export interface ContractSetup {
  store: () => Store;
  setNow: (ms: number) => void;
}

export function storeContract({ store, setNow }: ContractSetup) {
  let n = 0;
  const key = (name: string) => `contract:${++n}:${name}`;

  it("token bucket: a burst, then one request per refill period, per key", async () => {
    setNow(0);
    const [a, b] = [key("a"), key("b")];
    const rate = { capacity: 3, refillPerSecond: 0.5 };
    const s = store();
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push(await s.takeToken(a, rate));
    expect(burst).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    expect(await s.takeToken(a, rate)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(await s.takeToken(b, rate)).toEqual({ ok: true, remaining: 2 });
    setNow(1_000);
    expect(await s.takeToken(a, rate)).toEqual({ ok: false, retryAfterSeconds: 1 });
    setNow(2_000);
    expect(await s.takeToken(a, rate)).toEqual({ ok: true, remaining: 0 });
    setNow(1_000_000);
    expect(await s.takeToken(a, rate)).toEqual({ ok: true, remaining: 2 });
  });

  it("token bucket: the verify rate (10, then one every 3 s) with a fractional refill", async () => {
    setNow(5_000);
    const k = key("verify");
    const rate = { capacity: 10, refillPerSecond: 1 / 3 };
    const s = store();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await s.takeToken(k, rate));
    expect(answers.map((t) => (t.ok ? t.remaining : -1))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1]);
    expect(answers.at(-1)).toEqual({ ok: false, retryAfterSeconds: 3 });
    setNow(7_999);
    expect(await s.takeToken(k, rate)).toEqual({ ok: false, retryAfterSeconds: 1 });
    setNow(8_000);
    expect(await s.takeToken(k, rate)).toEqual({ ok: true, remaining: 0 });
    // A clock that steps back refills nothing and drains nothing.
    setNow(4_000);
    expect(await s.takeToken(k, rate)).toEqual({ ok: false, retryAfterSeconds: 3 });
  });

  it("token bucket: Retry-After rounds up to the second the token is back", async () => {
    setNow(0);
    const k = key("round-up");
    const rate = { capacity: 1, refillPerSecond: 0.3 };
    const s = store();
    expect(await s.takeToken(k, rate)).toEqual({ ok: true, remaining: 0 });
    // One token takes 3⅓ s.
    expect(await s.takeToken(k, rate)).toEqual({ ok: false, retryAfterSeconds: 4 });
    setNow(3_000);
    expect(await s.takeToken(k, rate)).toEqual({ ok: false, retryAfterSeconds: 1 });
    setNow(3_334);
    expect(await s.takeToken(k, rate)).toEqual({ ok: true, remaining: 0 });
  });

  it("JSON values: stored, replaced, deleted; a copy, never the caller's object", async () => {
    const s = store();
    const k = key("json");
    expect(await s.getJson(k)).toBeUndefined();
    const value = { account: "sandbox-1", resources: [{ id: "E1", host: "ablink.x.customer.com" }], note: null };
    await s.setJson(k, value, 60_000);
    value.resources.push({ id: "E2", host: "changed" });
    expect(await s.getJson(k)).toEqual({ account: "sandbox-1", resources: [{ id: "E1", host: "ablink.x.customer.com" }], note: null });
    await s.setJson(k, [1, "two", true], 60_000);
    expect(await s.getJson(k)).toEqual([1, "two", true]);
    await s.delete(k);
    expect(await s.getJson(k)).toBeUndefined();
    await s.delete(k);
  });

  it("refuses a value that is not JSON and a TTL that is not positive", async () => {
    const s = store();
    await expect(s.setJson(key("undefined"), undefined, 1_000)).rejects.toThrow(TypeError);
    await expect(s.setJson(key("ttl"), 1, 0)).rejects.toThrow("store: a TTL must be a positive number of milliseconds, not 0");
    await expect(s.setJson(key("ttl"), 1, Number.NaN)).rejects.toThrow(RangeError);
  });

  it("versioned values: compare-and-set refuses a writer that read an older version, or expected none", async () => {
    const s = store();
    const k = key("versioned");
    expect(await s.getVersioned(k)).toBeUndefined();
    expect(await s.setIfVersion(k, { n: 1 }, 60_000, "not-there")).toBe(false);
    expect(await s.setIfVersion(k, { n: 1 }, 60_000, undefined)).toBe(true);
    const first = await s.getVersioned(k);
    expect(first?.value).toEqual({ n: 1 });
    // Two writers read the same version: the first wins, the second is refused and must read again.
    expect(await s.setIfVersion(k, { n: 2 }, 60_000, first!.version)).toBe(true);
    expect(await s.setIfVersion(k, { n: 3 }, 60_000, first!.version)).toBe(false);
    expect(await s.setIfVersion(k, { n: 3 }, 60_000, undefined)).toBe(false);
    const second = await s.getVersioned(k);
    expect(second?.value).toEqual({ n: 2 });
    expect(second!.version).not.toBe(first!.version);
    expect(await s.setIfVersion(k, { n: 3 }, 60_000, second!.version)).toBe(true);
    expect((await s.getVersioned(k))?.value).toEqual({ n: 3 });
    await s.delete(k);
    expect(await s.getVersioned(k)).toBeUndefined();
    await expect(s.setIfVersion(k, undefined, 1_000, undefined)).rejects.toThrow(TypeError);
  });

  it("slots: at most `max` live members; a member's claim refreshes it; expired and released places are free again", async () => {
    setNow(10_000);
    const s = store();
    const g = key("slots");
    expect(await s.slots(g)).toEqual([]);
    expect(await s.claimSlot(g, "a", 2, 1_000)).toBe(true);
    setNow(10_500);
    expect(await s.claimSlot(g, "b", 2, 1_000)).toBe(true);
    expect(await s.claimSlot(g, "c", 2, 1_000)).toBe(false);
    // A member already in is never refused, and its claim starts its time again.
    expect(await s.claimSlot(g, "a", 2, 1_000)).toBe(true);
    expect((await s.slots(g)).sort()).toEqual(["a", "b"]);
    setNow(11_499);
    expect(await s.claimSlot(g, "c", 2, 1_000)).toBe(false);
    setNow(11_500); // b expires (claimed at 10 500 for 1 s); a was refreshed at 10 500 too
    expect(await s.slots(g)).toEqual([]);
    expect(await s.claimSlot(g, "c", 2, 1_000)).toBe(true);
    expect(await s.claimSlot(g, "d", 2, 1_000)).toBe(true);
    await s.releaseSlot(g, "c");
    expect(await s.slots(g)).toEqual(["d"]);
    expect(await s.claimSlot(g, "e", 2, 1_000)).toBe(true);
    expect((await s.slots(g)).sort()).toEqual(["d", "e"]);
    await s.releaseSlot(g, "nobody");
    expect((await s.slots(g)).sort()).toEqual(["d", "e"]);
  });
}
