import "server-only";
import { CloudFrontClient, type CloudFrontClientConfig } from "@aws-sdk/client-cloudfront";
import { ACMClient } from "@aws-sdk/client-acm";
import type { Policy } from "@/lib/providers/engine/policy";
import type { ScrubProfile } from "@/lib/providers/engine/scrub";
import { CERTIFICATE_REGION } from "./settings";
import type { CloudfrontCredentials } from "./credentials";

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

/** The SDK's standard backoff bases (@smithy/core retry/util-retry/constants.js: 100 and 500 ms), within the engine's bounds. */
const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;

const KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;

/** What AWS credentials look like in text: 40-character base64 secrets, SigV4 parts and key ids (cut by name). */
export const CLOUDFRONT_SCRUB: ScrubProfile = {
  tokenLength: 40,
  tokenExtraChars: "/+=",
  rules: [
    { pattern: /\b(Credential|Signature)=[^,\s']+/g, replacement: "$1=[redacted]" },
    { pattern: KEY_ID, replacement: "[access key ID]" },
    { pattern: /(x-amz-security-token|authorization)\s*[:=][^\n']*/gi, replacement: "$1: [redacted]" },
  ],
  replacementFor: (secret) => (new RegExp(`^${KEY_ID.source}$`).test(secret) ? "[access key ID]" : "[redacted]"),
  maxLength: 400,
};

/** Every credential value a request carries. */
export const cloudfrontSecrets = (credentials: CloudfrontCredentials) => [credentials.secretAccessKey, credentials.sessionToken, credentials.accessKeyId];

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

/** Releases the clients' connections. */
export function destroyClients(clients: AwsClients): void {
  clients.cloudfront.destroy();
  clients.acm.destroy();
}

export function createClients(credentials: CloudfrontCredentials, endpoints: { cloudfront?: string; acm?: string }, policy: Policy): AwsClients {
  const maxAttempts = 1 + policy.retries;
  const common = {
    region: CERTIFICATE_REGION,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken || undefined,
    },
    maxAttempts,
    retryMode: "standard",
    retryStrategy: boundedRetryStrategy(maxAttempts, policy.maxRetryDelayMs),
    defaultsMode: "standard",
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    ignoreConfiguredEndpointUrls: true,
    authSchemePreference: [],
    userAgentAppId: "ssl-click-tracking-wizard",
    requestHandler: { connectionTimeout: policy.connectTimeoutMs, requestTimeout: policy.requestTimeoutMs },
  } satisfies Partial<CloudFrontClientConfig>;
  return {
    cloudfront: new CloudFrontClient({ ...common, ...(endpoints.cloudfront ? { endpoint: endpoints.cloudfront } : {}) }),
    acm: new ACMClient({ ...common, ...(endpoints.acm ? { endpoint: endpoints.acm } : {}) }),
  };
}
