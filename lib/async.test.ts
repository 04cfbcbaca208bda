import { afterEach, describe, expect, it, vi } from "vitest";
import { mapWithConcurrency, pacer } from "./async";

afterEach(() => vi.useRealTimers());

describe("pacer", () => {
  it("lets a burst through, then one call per interval, in order", async () => {
    vi.useFakeTimers();
    const pace = pacer(5, () => Date.now());
    const started: [number, number][] = [];
    const t0 = Date.now();
    const all = Promise.all(Array.from({ length: 8 }, (_, i) => pace(async () => started.push([i, Date.now() - t0]))));
    await vi.runAllTimersAsync();
    await all;
    expect(started).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 200],
      [6, 400],
      [7, 600],
    ]);
  });
});

describe("mapWithConcurrency", () => {
  it("keeps the input order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const out = await mapWithConcurrency([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });
});
