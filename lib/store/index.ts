import "server-only";
import { env } from "@/lib/env";
import { MemoryStore } from "./memory";
import { RedisStore } from "./redis";
import type { Store } from "./types";

export { StoreUnavailableError, type Store, type Take, type TokenBucketRate, type Versioned } from "./types";

/** The store for REDIS_URL: Redis/Valkey when set, this process's memory when not. */
export function createStore(redisUrl: string | undefined): Store {
  if (!redisUrl) return new MemoryStore();
  const store = new RedisStore(redisUrl);
  console.info(`[store] shared state (rate limits, sandbox accounts) is kept in Redis at ${store.where}.`);
  return store;
}

// On globalThis so that a development server's module reloads keep one store (and one connection).
const holder = globalThis as { __appStore?: Store };

/** The app's one store, chosen from REDIS_URL on first use. */
export function appStore(): Store {
  return (holder.__appStore ??= createStore(env().REDIS_URL));
}
