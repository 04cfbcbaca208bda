import "server-only";
import Redis from "ioredis";
import { describeRedisError, redactedRedisUrl, redisUrlSecrets } from "./redis-url";
import { bucketTtlMs } from "./token-bucket";
import { StoreUnavailableError, wholeTtlMs, type Store, type Take, type TokenBucketRate } from "./types";

/**
 * takeFromBucket (lib/store/token-bucket.ts) in Lua, so that reading, refilling and writing a bucket is one
 * atomic step on the server whichever instance asks. The clock is the server's (TIME) so that instances'
 * clocks never disagree; tests pass their own as ARGV[4]. Numbers are written with 17 digits so that a bucket
 * read back is the double that was written.
 */
export const TAKE_TOKEN_LUA = `
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
end
local found = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if found[1] and found[2] then
  tokens = math.min(capacity, tonumber(found[1]) + math.max(0, now - tonumber(found[2])) / 1000 * refill)
end
local ok, answer
if tokens < 1 then
  ok, answer = 0, math.max(1, math.ceil((1 - tokens) / refill))
else
  tokens = tokens - 1
  ok, answer = 1, math.floor(tokens)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', now))
redis.call('PEXPIRE', KEYS[1], ttl)
return {ok, answer}
`;

/** Every key this app writes starts with this, so a Redis shared with other software is safe. */
export const KEY_PREFIX = "ssl-click-tracking-wizard:";

export interface RedisStoreOptions {
  /** The buckets' clock in ms. Default: the Redis server's, one clock for every instance. Tests pass a fake one. */
  now?: () => number;
  /** Where warnings go; default console. */
  log?: Pick<Console, "warn" | "info">;
  /** One warning per this many ms at most while Redis is unavailable. */
  warnIntervalMs?: number;
  keyPrefix?: string;
}

/** A command waits this long at most: a request never hangs on Redis. */
const COMMAND_TIMEOUT_MS = 1_000;
const WARN_INTERVAL_MS = 60_000;

type WithTakeToken = Redis & { takeToken(key: string, ...args: (string | number)[]): Promise<[number, number]> };

/**
 * The store in Redis or Valkey (REDIS_URL), shared by every instance pointed at it. When Redis cannot be
 * reached every call fails fast with StoreUnavailableError (callers decide what that means: rate limits count
 * per instance meanwhile, lib/verify/rate-limit.ts), at most one warning per interval is logged, and the client
 * reconnects by itself. Nothing logged or thrown carries the URL's password.
 */
export class RedisStore implements Store {
  /** The URL without credentials, for messages. */
  readonly where: string;
  private readonly client: WithTakeToken;
  private readonly secrets: string[];
  private readonly log: Pick<Console, "warn" | "info">;
  private readonly warnIntervalMs: number;
  private readonly now?: () => number;
  /** The connection dropped or failed since it was last ready: calls fail fast instead of queueing. */
  private down = false;
  private warnedAt = -Infinity;
  private warnedSinceReady = false;
  private lastError: unknown;

  constructor(url: string, opts: RedisStoreOptions = {}) {
    this.where = redactedRedisUrl(url);
    this.secrets = redisUrlSecrets(url);
    this.log = opts.log ?? console;
    this.warnIntervalMs = opts.warnIntervalMs ?? WARN_INTERVAL_MS;
    this.now = opts.now;
    this.client = new Redis(url, {
      lazyConnect: true,
      keyPrefix: opts.keyPrefix ?? KEY_PREFIX,
      connectTimeout: 2_000,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      scripts: { takeToken: { lua: TAKE_TOKEN_LUA, numberOfKeys: 1 } },
    }) as WithTakeToken;
    this.client.on("error", (error: unknown) => {
      this.down = true;
      this.lastError = error;
      this.warn(error);
    });
    this.client.on("close", () => (this.down = true));
    this.client.on("ready", () => {
      this.down = false;
      this.lastError = undefined;
      if (this.warnedSinceReady) this.log.info(`[store] Redis at ${this.where} answers again: rate limits are shared between instances again.`);
      this.warnedSinceReady = false;
    });
  }

  async getJson(key: string): Promise<unknown> {
    const json = await this.run(() => this.client.get(key));
    return json === null ? undefined : JSON.parse(json);
  }

  async setJson(key: string, value: unknown, ttlMs: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`store: the value for ${key} is not JSON`);
    const px = wholeTtlMs(ttlMs);
    await this.run(() => this.client.set(key, json, "PX", px));
  }

  async delete(key: string): Promise<void> {
    await this.run(() => this.client.del(key));
  }

  async takeToken(key: string, rate: TokenBucketRate): Promise<Take> {
    const [ok, answer] = await this.run(() => this.client.takeToken(key, rate.capacity, rate.refillPerSecond, bucketTtlMs(rate), this.now?.() ?? ""));
    return ok === 1 ? { ok: true, remaining: answer } : { ok: false, retryAfterSeconds: answer };
  }

  async close(): Promise<void> {
    if (this.client.status === "wait" || this.client.status === "end") {
      this.client.disconnect();
      return;
    }
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (this.down && this.client.status !== "ready") throw this.unavailable(this.lastError ?? new Error("connection closed"));
    try {
      return await command();
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  private unavailable(error: unknown): StoreUnavailableError {
    this.warn(error);
    return new StoreUnavailableError(`Redis at ${this.where} is unavailable (${this.describe(error)})`);
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.warnedAt < this.warnIntervalMs) return;
    this.warnedAt = now;
    this.warnedSinceReady = true;
    this.log.warn(
      `[store] Redis at ${this.where} is unavailable (${this.describe(error)}): rate limits count on each instance alone until it answers again. ` +
        `Next warning in ${Math.round(this.warnIntervalMs / 1000)} s at the earliest.`,
    );
  }

  private describe(error: unknown): string {
    return describeRedisError(error, this.secrets);
  }
}
