import "server-only";
import { randomUUID } from "node:crypto";
import { bucketTtlMs, takeFromBucket, type Bucket } from "./token-bucket";
import { wholeTtlMs, type Store, type Take, type TokenBucketRate, type Versioned } from "./types";

export interface MemoryStoreOptions {
  /** Entries kept at most; past it the least recently used goes first. */
  maxKeys?: number;
  /** Milliseconds, monotonic. Tests pass a fake clock. */
  now?: () => number;
}

/** Enough for every client of a busy instance; an entry is a few hundred bytes, so a few MB at most. */
export const DEFAULT_MAX_KEYS = 20_000;

/** Besides when met, expired entries are dropped all at once by the first call this long after the last sweep. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * A value is JSON text, as Redis would hold it: a caller never shares an object with the store. A slot group is
 * its members' expiry times, oldest claim first (claimSlot), kept as a Map: it is read and written on every
 * sandbox request, and parsing it each time would cost more than everything else the request does.
 */
type Entry = { expiresAt: number } & ({ json: string; version?: string } | { slots: Map<string, number> });

/**
 * The store of one process (REDIS_URL unset). Bounded: every entry expires, expired entries are dropped when
 * met and by a sweep at most once a minute (so an idle hour's sandbox accounts leave memory even if nobody asks
 * for them again), past `maxKeys` the least recently used entry is dropped, and a slot group holds at most its
 * `max` members. Single-threaded, and no method awaits between reading and writing, so takeToken, setIfVersion
 * and claimSlot are atomic.
 */
export class MemoryStore implements Store {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly maxKeys: number;
  private sweptAt = -Infinity;

  constructor(opts: MemoryStoreOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.maxKeys = opts.maxKeys ?? DEFAULT_MAX_KEYS;
  }

  get size(): number {
    return this.entries.size;
  }

  async getJson(key: string): Promise<unknown> {
    const entry = this.live(key);
    return entry === undefined || !("json" in entry) ? undefined : JSON.parse(entry.json);
  }

  async setJson(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.put(key, { json: toJson(key, value), expiresAt: this.now() + wholeTtlMs(ttlMs) });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async takeToken(key: string, rate: TokenBucketRate): Promise<Take> {
    const entry = this.live(key);
    const found = entry !== undefined && "json" in entry ? (JSON.parse(entry.json) as Bucket) : undefined;
    const { bucket, take } = takeFromBucket(found, rate, this.now());
    this.put(key, { json: toJson(key, bucket), expiresAt: this.now() + wholeTtlMs(bucketTtlMs(rate)) });
    return take;
  }

  async getVersioned(key: string): Promise<Versioned | undefined> {
    const entry = this.live(key);
    return entry === undefined || !("json" in entry) || entry.version === undefined ? undefined : { value: JSON.parse(entry.json), version: entry.version };
  }

  async setIfVersion(key: string, value: unknown, ttlMs: number, version: string | undefined): Promise<boolean> {
    const entry = this.live(key);
    if ((entry !== undefined && "json" in entry ? entry.version : undefined) !== version) return false;
    this.put(key, { json: toJson(key, value), version: randomUUID(), expiresAt: this.now() + wholeTtlMs(ttlMs) });
    return true;
  }

  async claimSlot(group: string, member: string, max: number, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const slots = this.liveSlots(group, now);
    if (!slots.has(member) && slots.size >= max) return false;
    slots.delete(member);
    slots.set(member, now + wholeTtlMs(ttlMs));
    this.put(group, { slots, expiresAt: Math.max(...slots.values()) });
    return true;
  }

  async releaseSlot(group: string, member: string): Promise<void> {
    const slots = this.liveSlots(group, this.now());
    slots.delete(member);
    if (slots.size === 0) this.entries.delete(group);
  }

  async slots(group: string): Promise<string[]> {
    return [...this.liveSlots(group, this.now()).keys()];
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  /** The entry if it has not expired; reading it makes it the most recently used. */
  private live(key: string): Entry | undefined {
    this.sweep();
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  private put(key: string, entry: Entry): void {
    this.sweep();
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The group's live members (the expired ones dropped), as kept: changing the Map changes the group. */
  private liveSlots(group: string, now: number): Map<string, number> {
    const entry = this.live(group);
    if (entry === undefined || !("slots" in entry)) return new Map();
    for (const [member, expiresAt] of entry.slots) if (expiresAt <= now) entry.slots.delete(member);
    return entry.slots;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.sweptAt < SWEEP_INTERVAL_MS) return;
    this.sweptAt = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

function toJson(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`store: the value for ${key} is not JSON`);
  return json;
}
