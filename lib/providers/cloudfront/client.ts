import "server-only";
import { CloudFrontClient, type CloudFrontClientConfig } from "@aws-sdk/client-cloudfront";
import { ACMClient } from "@aws-sdk/client-acm";
import type { ApplyContext } from "@/lib/providers/server-types";
import { CERTIFICATE_REGION } from "./settings";
import type { CloudfrontCredentials } from "./schema";

/**
 * SDK clients for one apply run. Every option is passed explicitly, so the SDK never falls back to the
 * server's environment or ~/.aws (AWS_MAX_ATTEMPTS, AWS_ENDPOINT_URL_*, profiles, instance metadata):
 * docs/providers/cloudfront.md#sdk-clients; aws/aws-sdk-js-v3 supplemental-docs/CLIENTS.md. ACM certificates for
 * CloudFront live in us-east-1, and CloudFront signs with us-east-1, so both clients use it; with a custom
 * endpoint the region is only the signing region.
 */
export interface AwsClients {
  cloudfront: CloudFrontClient;
  acm: ACMClient;
}

export const DEFAULT_RETRIES = 2;
export const DEFAULT_MAX_RETRY_DELAY_MS = 20_000;
const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;
const CONNECT_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;

type RetryStrategyV2 = Extract<NonNullable<CloudFrontClientConfig["retryStrategy"]>, { refreshRetryTokenForRetry: unknown }>;
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

export function createClients(credentials: CloudfrontCredentials, ctx: ApplyContext): AwsClients {
  const maxAttempts = 1 + Math.max(0, ctx.maxRetries ?? DEFAULT_RETRIES);
  const common = {
    region: CERTIFICATE_REGION,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken || undefined,
    },
    maxAttempts,
    retryMode: "standard",
    retryStrategy: boundedRetryStrategy(maxAttempts, ctx.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS),
    defaultsMode: "standard",
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    ignoreConfiguredEndpointUrls: true,
    authSchemePreference: [],
    userAgentAppId: "ssl-click-tracking-wizard",
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: ctx.requestTimeoutMs ?? REQUEST_TIMEOUT_MS },
  } satisfies Partial<CloudFrontClientConfig>;
  return {
    cloudfront: new CloudFrontClient({ ...common, ...(ctx.endpoints.cloudfront ? { endpoint: ctx.endpoints.cloudfront } : {}) }),
    acm: new ACMClient({ ...common, ...(ctx.endpoints.acm ? { endpoint: ctx.endpoints.acm } : {}) }),
  };
}
