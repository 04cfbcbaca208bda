import "server-only";
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { SCRIPTS, type ScriptedRedis } from "./redis-scripts";
import { describeRedisError, redactedRedisUrl, redisUrlSecrets } from "./redis-url";
import { bucketTtlMs } from "./token-bucket";
import { StoreUnavailableError, wholeTtlMs, type Store, type Take, type TokenBucketRate, type Versioned } from "./types";

/** Every key this app writes starts with this, so a Redis shared with other software is safe. */
export const KEY_PREFIX = "ssl-click-tracking-wizard:";

export interface RedisStoreOptions {
  /** The clock of buckets and slot groups, in ms. Default: the Redis server's, one clock for every instance. Tests pass a fake one. */
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

/**
 * The store in Redis or Valkey (REDIS_URL), shared by every instance pointed at it. When Redis cannot be
 * reached every call fails fast with StoreUnavailableError (callers decide what that means: rate limits count
 * per instance meanwhile, lib/verify/rate-limit.ts; the sandbox refuses, lib/sandbox/visitor-accounts.ts), at most one warning per interval is logged, and the client
 * reconnects by itself. Nothing logged or thrown carries the URL's password.
 */
export class RedisStore implements Store {
  /** The URL without credentials, for messages. */
  readonly where: string;
  private readonly client: ScriptedRedis;
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
      scripts: SCRIPTS,
    }) as ScriptedRedis;
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

  async getVersioned(key: string): Promise<Versioned | undefined> {
    const [version, json] = await this.run(() => this.client.hmget(key, "v", "json"));
    return typeof version !== "string" || typeof json !== "string" ? undefined : { value: JSON.parse(json), version };
  }

  async setIfVersion(key: string, value: unknown, ttlMs: number, version: string | undefined): Promise<boolean> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`store: the value for ${key} is not JSON`);
    const px = wholeTtlMs(ttlMs);
    return (await this.run(() => this.client.setIfVersion(key, version ?? "", randomUUID(), json, px))) === 1;
  }

  async claimSlot(group: string, member: string, max: number, ttlMs: number): Promise<boolean> {
    const px = wholeTtlMs(ttlMs);
    return (await this.run(() => this.client.claimSlot(group, member, max, px, this.now?.() ?? ""))) === 1;
  }

  async releaseSlot(group: string, member: string): Promise<void> {
    await this.run(() => this.client.zrem(group, member));
  }

  async slots(group: string): Promise<string[]> {
    return this.run(() => this.client.liveSlots(group, this.now?.() ?? ""));
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
      `[store] Redis at ${this.where} is unavailable (${this.describe(error)}): rate limits count on each instance alone, and sandbox accounts cannot be used, until it answers again. ` +
        `Next warning in ${Math.round(this.warnIntervalMs / 1000)} s at the earliest.`,
    );
  }

  private describe(error: unknown): string {
    return describeRedisError(error, this.secrets);
  }
}
