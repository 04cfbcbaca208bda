import "server-only";
import { bucketTtlMs, takeFromBucket, type Bucket } from "./token-bucket";
import { randomUUID } from "node:crypto";
import { wholeTtlMs, type Store, type Take, type TokenBucketRate, type Versioned } from "./types";

export interface MemoryStoreOptions {
  /** Entries kept at most; past it the least recently used goes first. */
  maxKeys?: number;
  /** Milliseconds, monotonic. Tests pass a fake clock. */
  now?: () => number;
}

/** Enough for every client of a busy instance; an entry is a few hundred bytes, so a few MB at most. */
export const DEFAULT_MAX_KEYS = 20_000;

interface Entry {
  /** JSON text, as Redis would hold it: a caller never shares an object with the store. */
  json: string;
  expiresAt: number;
  /** Set by setIfVersion. */
  version?: string;
}

/** A slot group as it is kept: [member, expiresAt] pairs. */
type Slots = [string, number][];

/**
 * The store of one process (REDIS_URL unset). Bounded: every entry expires, expired entries are dropped when
 * met, and past `maxKeys` the least recently used entry is dropped. Single-threaded, and no method awaits
 * between reading and writing, so takeToken, setIfVersion and claimSlot are atomic.
 */
export class MemoryStore implements Store {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(opts: MemoryStoreOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.maxKeys = opts.maxKeys ?? DEFAULT_MAX_KEYS;
  }

  get size(): number {
    return this.entries.size;
  }

  async getJson(key: string): Promise<unknown> {
    const entry = this.live(key);
    return entry === undefined ? undefined : JSON.parse(entry.json);
  }

  async setJson(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.put(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async takeToken(key: string, rate: TokenBucketRate): Promise<Take> {
    const entry = this.live(key);
    const { bucket, take } = takeFromBucket(entry && (JSON.parse(entry.json) as Bucket), rate, this.now());
    this.put(key, bucket, bucketTtlMs(rate));
    return take;
  }

  async getVersioned(key: string): Promise<Versioned | undefined> {
    const entry = this.live(key);
    return entry?.version === undefined ? undefined : { value: JSON.parse(entry.json), version: entry.version };
  }

  async setIfVersion(key: string, value: unknown, ttlMs: number, version: string | undefined): Promise<boolean> {
    if (this.live(key)?.version !== version) return false;
    this.put(key, value, ttlMs).version = randomUUID();
    return true;
  }

  async claimSlot(group: string, member: string, max: number, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const slots = new Map(this.liveSlots(group, now));
    if (!slots.has(member) && slots.size >= max) return false;
    slots.delete(member);
    slots.set(member, now + wholeTtlMs(ttlMs));
    this.putSlots(group, [...slots], now);
    return true;
  }

  async releaseSlot(group: string, member: string): Promise<void> {
    const now = this.now();
    this.putSlots(group, this.liveSlots(group, now).filter(([m]) => m !== member), now);
  }

  async slots(group: string): Promise<string[]> {
    return this.liveSlots(group, this.now()).map(([member]) => member);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  /** The entry if it has not expired; reading it makes it the most recently used. */
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  private put(key: string, value: unknown, ttlMs: number): Entry {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`store: the value for ${key} is not JSON`);
    const entry: Entry = { json, expiresAt: this.now() + wholeTtlMs(ttlMs) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  private liveSlots(group: string, now: number): Slots {
    const entry = this.live(group);
    return entry === undefined ? [] : (JSON.parse(entry.json) as Slots).filter(([, expiresAt]) => expiresAt > now);
  }

  /** The group expires with its last member. */
  private putSlots(group: string, slots: Slots, now: number): void {
    if (slots.length === 0) this.entries.delete(group);
    else this.put(group, slots, Math.max(...slots.map(([, expiresAt]) => expiresAt)) - now);
  }
}
