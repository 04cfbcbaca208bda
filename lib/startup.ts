import "server-only";
import { parseEnv, type Env } from "@/lib/env";
import { parseDnsEndpoints } from "@/lib/dns-hosts/endpoints";

/**
 * A warning rather than a key drawn and kept in Redis (SET NX): a secret belongs with the operator's other
 * secrets, and a key in Redis would be the one entry that must never expire or be evicted, re-drawn unseen after
 * a flush or an eviction, or by an instance that started while Redis was down (README, Configuration).
 */
export const SANDBOX_SECRET_MISSING =
  "[sandbox] REDIS_URL is set but SANDBOX_SECRET is not: each instance draws its own key for the sandbox's credentials, so a visitor's sandbox account " +
  "continues only on the instance that opened it. Set SANDBOX_SECRET to the same random value on every instance (at least 32 characters, e.g. " +
  "`openssl rand -base64 32`; README, Configuration).";

export interface StartupLog {
  error(message: string): void;
  warn(message: string): void;
}

/**
 * What the server checks once when it starts (instrumentation.ts): the settings (a bad one throws with its
 * message, never its value) and, with REDIS_URL set, that Redis answers and can run the bucket script, and that
 * SANDBOX_SECRET is set so that sandbox accounts continue on every instance.
 */
export async function checkAtStart(source: Record<string, string | undefined> = process.env, log: StartupLog = console): Promise<Env> {
  const settings = parseEnv(source);
  parseDnsEndpoints(source);
  if (settings.TRUST_PROXY === 0) {
    log.warn(
      "[rate-limit] TRUST_PROXY is 0 (unset): no X-Forwarded-For entry is believed, so all clients share one rate limit. " +
        "Behind proxies that append the client's address, set TRUST_PROXY to how many there are (README, Configuration).",
    );
  }
  if (settings.REDIS_URL && settings.SANDBOX_SECRET === undefined) log.warn(SANDBOX_SECRET_MISSING);
  if (settings.REDIS_URL) {
    const { checkRedis } = await import("@/lib/store/redis-check");
    const check = await checkRedis(settings.REDIS_URL);
    if (!check.ok && check.kind === "configuration") {
      log.error(`[store] configuration error: ${check.message}. Rate limits count on each instance alone until this is fixed.`);
    }
    if (!check.ok && check.kind === "unreachable") {
      log.warn(`[store] ${check.message}: rate limits count on each instance alone until it answers; the app keeps trying.`);
    }
  }
  return settings;
}
