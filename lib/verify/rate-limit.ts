import "server-only";
import { env } from "@/lib/env";
import { appStore, StoreUnavailableError, type Store, type Take, type TokenBucketRate } from "@/lib/store";
import { MemoryStore } from "@/lib/store/memory";

export type { Take } from "@/lib/store";

export interface LimiterOptions {
  /** Where the warning about a failing store goes; default console. */
  log?: Pick<Console, "warn">;
  /** One such warning per this many ms at most. */
  warnIntervalMs?: number;
}

const WARN_INTERVAL_MS = 60_000;

/**
 * Per-client token buckets in the app's store (lib/store): with REDIS_URL set every instance behind a load
 * balancer counts the same requests. Whenever the store fails (unreachable, or any other error) the limit still
 * holds, counted on this instance alone (its own bounded memory), so a store problem neither fails a request
 * nor lifts the limit.
 */
export class TokenBucketLimiter {
  private readonly local = new MemoryStore();
  private readonly log: Pick<Console, "warn">;
  private readonly warnIntervalMs: number;
  private warnedAt = -Infinity;

  /** `name` keeps this limiter's buckets apart from the others' in the shared store. */
  constructor(
    readonly name: string,
    readonly rate: TokenBucketRate,
    private readonly store: () => Store = appStore,
    opts: LimiterOptions = {},
  ) {
    this.log = opts.log ?? console;
    this.warnIntervalMs = opts.warnIntervalMs ?? WARN_INTERVAL_MS;
  }

  async take(client: string): Promise<Take> {
    const key = this.key(client);
    try {
      return await this.store().takeToken(key, this.rate);
    } catch (error) {
      // Unavailable: the store warns about that itself (lib/store/redis.ts). Anything else is a fault here.
      if (!(error instanceof StoreUnavailableError)) this.warn(error);
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

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.warnedAt < this.warnIntervalMs) return;
    this.warnedAt = now;
    // The store's own errors name no credential (lib/store/redis.ts wraps every client error).
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.log.warn(
      `[rate-limit] the store failed for the ${this.name} limit (${what.slice(0, 200)}): counting on this instance alone for now. ` +
        `Next warning in ${Math.round(this.warnIntervalMs / 1000)} s at the earliest.`,
    );
  }
}

/** The one bucket every client shares when no proxy is trusted and so no address can be believed. */
export const UNTRUSTED_CLIENT_KEY = "untrusted-address";

/**
 * The client's address, as far as it can be believed, with `trustedProxies` proxies in front of the app that
 * each append the address they were connected from to X-Forwarded-For (TRUST_PROXY, docs/contract.md#rate-limits).
 *
 * Next.js does not append the peer address itself: `next start` sets X-Forwarded-For to the socket's remote
 * address only when the request has none (`req.headers['x-forwarded-for'] ??= …socket.remoteAddress` in
 * node_modules/next/dist/server/base-server.js, handleRequestImpl, Next.js 16.4), so a client that reaches the
 * app directly can write any value it likes there. Hence:
 * - 0 (the default): nothing in the headers is believed, and every client shares one bucket per limit;
 * - n ≥ 1: the n-th entry from the right, the address the outermost trusted proxy saw (entries further left are
 *   whatever the client sent). With fewer entries than that, the left-most, which a trusted proxy wrote.
 */
export function clientKey(headers: Headers, trustedProxies: number = env().TRUST_PROXY): string {
  if (trustedProxies < 1) return UNTRUSTED_CLIENT_KEY;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const key = entries.at(-Math.min(trustedProxies, entries.length));
  return (key ?? UNTRUSTED_CLIENT_KEY).slice(0, 64);
}

/** 10 verifications at once, then one every 3 s: enough for a wizard polling while DNS propagates. */
export const VERIFY_RATE = { capacity: 10, refillPerSecond: 1 / 3 } as const;

export const verifyRateLimiter = new TokenBucketLimiter("verify", VERIFY_RATE);
