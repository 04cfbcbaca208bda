import "server-only";
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { KEY_PREFIX } from "./redis";
import { SCRIPTS, type ScriptedRedis } from "./redis-scripts";
import { describeRedisError, redactedRedisUrl, redisUrlSecrets } from "./redis-url";

/**
 * The check run once when the server starts with REDIS_URL set (lib/startup.ts): PING, then the bucket script
 * once on a throwaway key that expires in a second, exactly as the store runs it (EVALSHA, EVAL on NOSCRIPT).
 * A Redis that is reachable but answers with an error (a cluster node, a read-only replica, an ACL user without
 * @scripting, a wrong password) is a configuration error and is logged as one; one that does not answer may
 * still come up, so that is a warning. The store would only ever say "unavailable" about either, once a minute.
 */
export type RedisCheck =
  | { ok: true }
  /** Redis answered with an error reply: it will not work until REDIS_URL or Redis is changed. */
  | { ok: false; kind: "configuration"; message: string }
  /** No answer (refused, unknown host, timeout): it may come up later. */
  | { ok: false; kind: "unreachable"; message: string };

/** The whole check takes at most this long: the server's first requests wait for it. */
export const START_CHECK_TIMEOUT_MS = 3_000;

export async function checkRedis(url: string, timeoutMs = START_CHECK_TIMEOUT_MS): Promise<RedisCheck> {
  const where = redactedRedisUrl(url);
  const secrets = redisUrlSecrets(url);
  const client = new Redis(url, {
    lazyConnect: true,
    keyPrefix: KEY_PREFIX,
    // The deadline below bounds the whole check; disconnect() ends whatever is still waiting.
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    scripts: SCRIPTS,
  }) as ScriptedRedis;
  // A failed handshake (AUTH, SELECT) is only emitted here; the command that waited on it then just says "closed".
  let emitted: unknown;
  client.on("error", (error: unknown) => (emitted ??= error));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const steps = (async () => {
    await client.connect();
    await client.ping();
    await client.takeToken(`start-check:${randomUUID()}`, 1, 1, 1_000, "");
  })();
  steps.catch(() => {}); // after a timeout its rejection (disconnected) is of no interest
  try {
    await Promise.race([steps, timedOut]);
    return { ok: true };
  } catch (error) {
    const reply = [emitted, error].find(isReplyError);
    if (reply) {
      const text = describeRedisError(reply, secrets);
      const kind = transient(text) ? "unreachable" : "configuration";
      return { ok: false, kind, message: `Redis at ${where} answered the start check with an error: ${whatIsWrong(text)} (Redis replied: ${text})` };
    }
    return { ok: false, kind: "unreachable", message: `Redis at ${where} did not answer the start check (${describeRedisError(emitted ?? error, secrets)})` };
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** Redis's own error reply (redis-errors' ReplyError), as opposed to a socket or timeout error. */
function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === "ReplyError";
}

/** Replies that pass by themselves: the server is starting or busy, not misconfigured. */
function transient(reply: string): boolean {
  return /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN)\b/.test(reply);
}

/** What an error reply means for this app, and what to change. */
export function whatIsWrong(reply: string): string {
  const word = reply.split(" ", 1)[0]!;
  if (["MOVED", "ASK", "CLUSTERDOWN", "CROSSSLOT"].includes(word) || /not allowed in cluster mode/i.test(reply)) {
    return "it is a Redis Cluster node; point REDIS_URL at a standalone Redis or Valkey primary (cluster mode is not supported)";
  }
  if (word === "READONLY") return "it is a read-only replica; point REDIS_URL at the primary";
  if (word === "NOPERM") {
    return `its ACL user may not run what the app needs: EVALSHA and EVAL (@scripting), and TIME, GET, SET, DEL, HGET, HMGET, HSET, PEXPIRE, ZADD, ZCARD, ZRANGE, ZREM, ZREMRANGEBYSCORE and ZSCORE on keys ${KEY_PREFIX}*`;
  }
  if (word === "NOAUTH" || word === "WRONGPASS" || /invalid (username-)?password/i.test(reply)) {
    return "the user name or password in REDIS_URL is wrong or missing";
  }
  if (word === "OOM") return "it is out of memory (maxmemory) and refuses writes";
  if (word === "MISCONF") return "it cannot save to disk and refuses writes until that is fixed";
  return "it refuses the commands the app needs";
}
