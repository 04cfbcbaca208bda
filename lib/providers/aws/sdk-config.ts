import type { AwsCredentialIdentity, RetryStrategyV2 } from "@smithy/types";
import type { Policy } from "@/lib/providers/engine/policy";

/**
 * The configuration every AWS SDK client of this app gets (CloudFront, ACM, Route 53). Every option is passed
 * explicitly, so the SDK never falls back to the server's environment or ~/.aws (AWS_MAX_ATTEMPTS,
 * AWS_ENDPOINT_URL_*, profiles, instance metadata): aws/aws-sdk-js-v3 supplemental-docs/CLIENTS.md;
 * docs/providers/cloudfront.md#sdk-clients. With a custom endpoint the region is only the signing region.
 */

/** The SDK's standard backoff bases (@smithy/core retry/util-retry/constants.js: 100 and 500 ms), within the policy's bounds. */
const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;

type RetryToken = Awaited<ReturnType<RetryStrategyV2["acquireInitialRetryToken"]>>;

/**
 * The SDK's standard retry rules (it classifies errors: 429, Throttling*, 500/502/503/504, timeouts and
 * network errors are THROTTLING or TRANSIENT; smithy-typescript service-error-classification), with
 * exponential backoff and full jitter, honouring Retry-After but never waiting longer than `maxDelayMs`.
 */
export function boundedRetryStrategy(maxAttempts: number, maxDelayMs: number): RetryStrategyV2 {
  const token = (count: number, delay: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => delay });
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    async refreshRetryTokenForRetry(previous, info) {
      const count = previous.getRetryCount() + 1;
      if (count >= maxAttempts || (info.errorType !== "THROTTLING" && info.errorType !== "TRANSIENT")) throw new Error("no retry");
      const base = info.errorType === "THROTTLING" ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
      const backoff = Math.random() * base * 2 ** (count - 1);
      const hinted = info.retryAfterHint instanceof Date ? info.retryAfterHint.getTime() - Date.now() : 0;
      return token(count, Math.floor(Math.min(maxDelayMs, Math.max(backoff, hinted))));
    },
    recordSuccess: () => undefined,
  };
}

export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What of the engine's retry and timeout policy the AWS clients use. */
export type AwsCallLimits = Pick<Policy, "retries" | "maxRetryDelayMs" | "requestTimeoutMs" | "connectTimeoutMs">;

/** The options shared by every client; the caller adds `endpoint` when one is configured. */
export function awsClientConfig(keys: AwsKeys, region: string, limits: AwsCallLimits) {
  const maxAttempts = 1 + Math.max(0, limits.retries);
  const credentials: AwsCredentialIdentity = { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken || undefined };
  return {
    region,
    credentials,
    maxAttempts,
    retryMode: "standard" as const,
    retryStrategy: boundedRetryStrategy(maxAttempts, limits.maxRetryDelayMs),
    defaultsMode: "standard" as const,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    ignoreConfiguredEndpointUrls: true,
    authSchemePreference: [] as string[],
    userAgentAppId: "ssl-click-tracking-wizard",
    requestHandler: { connectionTimeout: limits.connectTimeoutMs, requestTimeout: limits.requestTimeoutMs },
  };
}
