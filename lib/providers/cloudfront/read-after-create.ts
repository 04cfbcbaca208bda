import "server-only";
import type { Policy } from "@/lib/providers/engine/policy";

/** The wait before the second look; each later wait doubles, up to the run's maxRetryDelayMs. */
const FIRST_WAIT_MS = 1_000;

/** How long to keep looking for something this run has just created: the run's retry policy. */
export interface Patience {
  /** Looks after the first. */
  retries: number;
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

export function patienceOf(policy: Policy): Patience {
  return { retries: policy.retries, maxWaitMs: policy.maxRetryDelayMs, sleep: policy.sleep };
}

/** The wait before look n + 1 (n from 0). */
export const waitBefore = (n: number, p: Pick<Patience, "maxWaitMs">) => Math.min(p.maxWaitMs, FIRST_WAIT_MS * 2 ** n);

/**
 * Looks for what this run has just created until it is seen: a read right after a create can miss it
 * (docs/providers/cloudfront.md#read-after-create). One look, then up to `retries` more with growing waits;
 * undefined when it is still not seen.
 */
export async function untilSeen<T>(look: () => Promise<T | undefined>, p: Patience): Promise<T | undefined> {
  for (let n = 0; ; n++) {
    const seen = await look();
    if (seen !== undefined || n >= p.retries) return seen;
    await p.sleep(waitBefore(n, p));
  }
}
