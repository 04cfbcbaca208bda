import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { createStore } from "./index";
import { MemoryStore } from "./memory";
import { RedisStore } from "./redis";

const FORM = "(redis://[:password@]host[:port][/db] or rediss:// for TLS)";
const redisUrlError = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

describe("REDIS_URL", () => {
  it("unset or empty keeps state in memory; a redis:// or rediss:// URL is taken as is", () => {
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
    for (const url of ["redis://127.0.0.1:6379", "redis://:p%40ss@10.0.0.5:6379/2", "rediss://app:secret@cache.internal:6380/0", "redis://valkey/"]) {
      expect(parseEnv({ REDIS_URL: url }).REDIS_URL).toBe(url);
    }
  });

  it("anything else is refused with a message naming the variable, never its value", () => {
    expect(redisUrlError({ REDIS_URL: "http://:hunter2@cache:6379" })).toBe(`Invalid environment settings: REDIS_URL: must be a redis:// or rediss:// URL ${FORM}`);
    expect(redisUrlError({ REDIS_URL: "not a URL" })).toBe(`Invalid environment settings: REDIS_URL: must be a redis:// or rediss:// URL ${FORM}`);
    expect(redisUrlError({ REDIS_URL: "cache:6379" })).toBe(`Invalid environment settings: REDIS_URL: must be a redis:// or rediss:// URL ${FORM}`);
    expect(redisUrlError({ REDIS_URL: "redis://:hunter2@cache:6379/sessions" })).toBe(
      `Invalid environment settings: REDIS_URL: the path must be a database number such as /0 ${FORM}`,
    );
    expect(redisUrlError({ REDIS_URL: "redis:///0" })).toBe(`Invalid environment settings: REDIS_URL: names no host ${FORM}`);
  });

  it("a query string or fragment is refused (ioredis would take a password from ?password=), without repeating it", () => {
    const QUERY = `Invalid environment settings: REDIS_URL: must not have a query string (?…) or fragment (#…); put a password before the host as :password@ ${FORM}`;
    for (const url of ["redis://cache:6379/0?password=hunter2", "redis://cache:6379?password=hunter2", "rediss://cache/?db=1", "redis://cache:6379/0?", "redis://:hunter2@cache:6379/0#x"]) {
      expect(redisUrlError({ REDIS_URL: url })).toBe(QUERY);
    }
  });
});

describe("createStore", () => {
  afterEach(() => vi.restoreAllMocks());

  it("memory without REDIS_URL; Redis with it, saying where without the password (and connecting only when used)", async () => {
    expect(createStore(undefined)).toBeInstanceOf(MemoryStore);
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const store = createStore("redis://:hunter2@127.0.0.1:6379/3");
    expect(store).toBeInstanceOf(RedisStore);
    expect(info.mock.calls).toEqual([["[store] shared state (rate limits, sandbox accounts) is kept in Redis at redis://127.0.0.1:6379/3."]]);
    await store.close();
  });
});
