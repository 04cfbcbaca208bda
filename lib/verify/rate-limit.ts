import "server-only";

/**
 * Per-client rate limit for /api/verify: an in-memory token bucket per key. One process only: behind several
 * instances each has its own buckets, which still bounds what one client can make this server fetch.
 */

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface BucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Buckets kept at most; the least recently used goes first. */
  maxKeys?: number;
  now?: () => number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;
  constructor(private readonly opts: BucketOptions) {
    this.now = opts.now ?? (() => performance.now());
  }

  take(key: string): Take {
    const now = this.now();
    const { capacity, refillPerSecond } = this.opts;
    const found = this.buckets.get(key);
    const tokens = found ? Math.min(capacity, found.tokens + ((now - found.at) / 1000) * refillPerSecond) : capacity;
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    const max = this.opts.maxKeys ?? 10_000;
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok: true, remaining: Math.floor(tokens - 1) };
  }

  reset(): void {
    this.buckets.clear();
  }
}

/**
 * The client's address as the nearest proxy reports it: the right-most X-Forwarded-For entry (the one that
 * proxy appended; entries to its left are whatever the client sent, so rotating them must not reset the
 * limit), else X-Real-IP.
 */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const key = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return key.slice(0, 64);
}

/** 10 verifications at once, then one every 3 s: enough for a wizard polling while DNS propagates. */
export const VERIFY_RATE = { capacity: 10, refillPerSecond: 1 / 3 } as const;

const store = globalThis as { __verifyRateLimiter?: TokenBucketLimiter };
export const verifyRateLimiter: TokenBucketLimiter = (store.__verifyRateLimiter ??= new TokenBucketLimiter(VERIFY_RATE));
