/**
 * State shared between requests (rate limits and sandbox accounts), kept where every instance of the app sees
 * it: in this process's memory by default, in Redis/Valkey when REDIS_URL is set (lib/store/index.ts).
 * Nothing else is stored. Values are JSON, every entry expires, and keys are the callers' own namespaces
 * (`rate:verify:<client>`, `sandbox:…`).
 */

/** A token bucket: `capacity` requests at once, then `refillPerSecond` more each second. */
export interface TokenBucketRate {
  capacity: number;
  refillPerSecond: number;
}

/** A JSON value and the version it was stored under, for setIfVersion. */
export interface Versioned {
  value: unknown;
  version: string;
}

/** One request against a bucket: allowed (with whole tokens left), or refused until a token is back. */
export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface Store {
  /** The JSON value stored under `key`, or undefined when there is none (or it expired). Parse it: it may come from an older deploy. */
  getJson(key: string): Promise<unknown>;
  /** Stores `value` as JSON for `ttlMs`, replacing what was there. */
  setJson(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Takes one token from the bucket under `key`, atomically across every instance sharing the store. */
  takeToken(key: string, rate: TokenBucketRate): Promise<Take>;
  /** The value setIfVersion stored under `key` with its version, or undefined when there is none (or it expired). */
  getVersioned(key: string): Promise<Versioned | undefined>;
  /**
   * Compare-and-set: stores `value` for `ttlMs` only if `key` still holds `version` (undefined: only if it holds
   * nothing), and says whether it did. Two instances updating one key this way never lose each other's writes:
   * the one that read an older version is refused, and reads again.
   */
  setIfVersion(key: string, value: unknown, ttlMs: number, version: string | undefined): Promise<boolean>;
  /**
   * A capped group of members that each expire `ttlMs` after their last claim: adds `member` to `group`, or
   * refreshes it, unless `max` other live members fill it. True when the member holds a place.
   */
  claimSlot(group: string, member: string, max: number, ttlMs: number): Promise<boolean>;
  releaseSlot(group: string, member: string): Promise<void>;
  /** The live members of `group`. */
  slots(group: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The shared store could not be reached or did not answer in time. Its message names no credential. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}

/** A TTL as both stores apply it: whole milliseconds, at least 1 (Redis's `PX`). */
export function wholeTtlMs(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`store: a TTL must be a positive number of milliseconds, not ${ttlMs}`);
  return Math.ceil(ttlMs);
}
