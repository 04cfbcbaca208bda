import "server-only";
import { appStore, StoreUnavailableError, type Store, type Take, type TokenBucketRate } from "@/lib/store";
import { MemoryStore } from "@/lib/store/memory";

export type { Take } from "@/lib/store";

/**
 * Per-client token buckets in the app's store (lib/store): with REDIS_URL set every instance behind a load
 * balancer counts the same requests. While the store cannot be reached the limit still holds, counted on this
 * instance alone (its own bounded memory), so a Redis outage neither blocks users nor lifts the limit.
 */
export class TokenBucketLimiter {
  private readonly local = new MemoryStore();

  /** `name` keeps this limiter's buckets apart from the others' in the shared store. */
  constructor(
    readonly name: string,
    readonly rate: TokenBucketRate,
    private readonly store: () => Store = appStore,
  ) {}

  async take(client: string): Promise<Take> {
    const key = this.key(client);
    try {
      return await this.store().takeToken(key, this.rate);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return this.local.takeToken(key, this.rate);
    }
  }

  /** Starts this client's bucket afresh (tests). */
  async forget(client: string): Promise<void> {
    await Promise.all([this.store().delete(this.key(client)), this.local.delete(this.key(client))]);
  }

  private key(client: string): string {
    return `rate:${this.name}:${client}`;
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

export const verifyRateLimiter = new TokenBucketLimiter("verify", VERIFY_RATE);
