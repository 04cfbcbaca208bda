import "server-only";
import { clientKey, TokenBucketLimiter, type Take } from "@/lib/verify/rate-limit";

/**
 * Per-client limit for the server actions that call a CDN's API (preview, apply, status), so this server
 * cannot be used to hammer a provider. Same token bucket, store and client key as /api/verify. The wizard polls
 * apply at most every 5 s while it waits, backing off to 60 s (components/apply/apply-run.tsx), inside the refill.
 */
export const PROVIDER_ACTION_RATE = { capacity: 30, refillPerSecond: 0.5 } as const;

export const providerActionLimiter = new TokenBucketLimiter("provider-action", PROVIDER_ACTION_RATE);

export function takeProviderAction(headers: Headers): Promise<Take> {
  return providerActionLimiter.take(clientKey(headers));
}
