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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retry `fn` on errors `retryAfter` accepts, with exponential backoff and full jitter. */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const base = opts.baseDelayMs ?? 200;
  const max = opts.maxDelayMs ?? 10_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const hinted = opts.retryAfter(error);
      if (hinted === null || attempt >= opts.retries) throw error;
      const backoff = Math.random() * base * 2 ** attempt;
      await sleep(Math.min(max, Math.max(hinted, backoff)));
    }
  }
}
