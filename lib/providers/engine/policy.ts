import { MAX_HOSTS } from "@/lib/hostnames";
import type { ApplyContext } from "@/lib/providers/server-types";

/**
 * The one retry and timeout policy of every adapter and its client, and what a run's context may change.
 *
 * Hosts worked on at once when the context does not say: all of them (at most MAX_HOSTS). Each host's calls
 * depend only on its own earlier calls, so a run takes about as long as one host's chain (scripts/bench.ts
 * measures it). Provider rate limits are per time window, not per connection: a 429 is retried after its
 * Retry-After (bounded by `maxRetryDelayMs`), a host that still cannot go on reports when to run it again, and
 * where a provider documents a per-second quota for a call, its client paces that call (ACM RequestCertificate).
 * Undo works on each kind's resources a few at a time.
 */
export const POLICY = {
  /** Retries after a 429, a 5xx or no answer (creates: only after looking for what the lost try made). */
  retries: 3,
  /** Upper bound on any single wait before a retry; a provider that asks for longer gets an error that says when. */
  maxRetryDelayMs: 10_000,
  /** Upper bound on one API request. */
  requestTimeoutMs: 15_000,
  /** Upper bound on opening a connection, for clients that set it apart (the AWS SDK). */
  connectTimeoutMs: 5_000,
  /** Backoff before retry n (0-based) when the provider names no wait: random up to this × 2ⁿ. */
  baseDelayMs: 200,
  hostConcurrency: MAX_HOSTS,
  undoConcurrency: 3,
} as const;

export interface Policy {
  retries: number;
  maxRetryDelayMs: number;
  requestTimeoutMs: number;
  connectTimeoutMs: number;
  baseDelayMs: number;
  hostConcurrency: number;
  undoConcurrency: number;
  /** How a run waits between looks for what it has just created (tests pass one that returns at once). */
  sleep: (ms: number) => Promise<void>;
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The policy for a run: POLICY, with what the context sets. */
export function policyOf(ctx: Partial<Omit<ApplyContext, "endpoints">> = {}): Policy {
  return {
    retries: Math.max(0, ctx.maxRetries ?? POLICY.retries),
    maxRetryDelayMs: ctx.maxRetryDelayMs ?? POLICY.maxRetryDelayMs,
    requestTimeoutMs: ctx.requestTimeoutMs ?? POLICY.requestTimeoutMs,
    connectTimeoutMs: POLICY.connectTimeoutMs,
    baseDelayMs: POLICY.baseDelayMs,
    hostConcurrency: ctx.concurrency ?? POLICY.hostConcurrency,
    undoConcurrency: ctx.concurrency ?? POLICY.undoConcurrency,
    sleep: ctx.sleep ?? timer,
  };
}
