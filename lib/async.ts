/** Run `fn` over `items` with at most `limit` running at once; results keep the input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export interface RetryOptions {
  retries: number;
  /** Delay before retry n (0-based) when the error names none. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Return a delay in ms to retry after, or null to give up. */
  retryAfter: (error: unknown) => number | null;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The wait before retry `attempt` (0-based): the hint, or exponential backoff with full jitter if longer, capped. */
export function retryWait(hinted: number, attempt: number, opts: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">): number {
  const backoff = Math.random() * (opts.baseDelayMs ?? 200) * 2 ** attempt;
  return Math.min(opts.maxDelayMs ?? 10_000, Math.max(hinted, backoff));
}

/** Retry `fn` on errors `retryAfter` accepts, with exponential backoff and full jitter. */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const hinted = opts.retryAfter(error);
      if (hinted === null || attempt >= opts.retries) throw error;
      await sleep(retryWait(hinted, attempt, opts));
    }
  }
}

/**
 * Paces calls to at most `perSecond` starts per second: a burst of that many, then one every 1/perSecond s
 * (a token bucket). For API operations with a documented per-second quota, so a run with many hosts is not
 * throttled into failures. Calls start in the order they were paced.
 */
export function pacer(perSecond: number, now: () => number = () => performance.now()): <T>(fn: () => Promise<T>) => Promise<T> {
  const interval = 1000 / perSecond;
  let tokens = perSecond;
  let at = now();
  let queue: Promise<void> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const turn = queue.then(async () => {
      const t = now();
      tokens = Math.min(perSecond, tokens + (t - at) / interval);
      at = t;
      if (tokens < 1) {
        await sleep((1 - tokens) * interval);
        tokens = 1;
        at = now();
      }
      tokens -= 1;
    });
    queue = turn;
    return turn.then(fn);
  };
}
