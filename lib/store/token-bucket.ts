import type { Take, TokenBucketRate } from "./types";

/**
 * The token bucket, once: the memory store runs this function and the Redis store runs the same steps in Lua
 * (TAKE_TOKEN_LUA in lib/store/redis-scripts.ts); lib/store/testing/store-contract.ts holds both to the same answers.
 */
export interface Bucket {
  tokens: number;
  /** The bucket's clock (ms) when `tokens` was counted. */
  at: number;
}

export function takeFromBucket(found: Bucket | undefined, rate: TokenBucketRate, now: number): { bucket: Bucket; take: Take } {
  const { capacity, refillPerSecond } = rate;
  // A clock that steps back refills nothing rather than draining the bucket.
  const tokens = found ? Math.min(capacity, found.tokens + (Math.max(0, now - found.at) / 1000) * refillPerSecond) : capacity;
  if (tokens < 1) {
    return { bucket: { tokens, at: now }, take: { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) } };
  }
  return { bucket: { tokens: tokens - 1, at: now }, take: { ok: true, remaining: Math.floor(tokens - 1) } };
}

/** After this long untouched a bucket is full again, the same as no bucket: it can be forgotten. */
export function bucketTtlMs(rate: TokenBucketRate): number {
  return Math.ceil((rate.capacity / rate.refillPerSecond) * 1000);
}
