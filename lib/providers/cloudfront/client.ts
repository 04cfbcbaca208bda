import "server-only";
import { CloudFrontClient, type CloudFrontClientConfig } from "@aws-sdk/client-cloudfront";
import { ACMClient } from "@aws-sdk/client-acm";
import type { Policy } from "@/lib/providers/engine/policy";
import type { ScrubProfile } from "@/lib/providers/engine/scrub";
import { awsClientConfig } from "@/lib/providers/aws/sdk-config";
import { AWS_SCRUB } from "@/lib/providers/aws/scrub";
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

/** What AWS credentials look like in text (lib/aws/scrub.ts). */
export const CLOUDFRONT_SCRUB: ScrubProfile = AWS_SCRUB;

/** Every credential value a request carries. */
export const cloudfrontSecrets = (credentials: CloudfrontCredentials) => [credentials.secretAccessKey, credentials.sessionToken, credentials.accessKeyId];

/** Releases the clients' connections. */
export function destroyClients(clients: AwsClients): void {
  clients.cloudfront.destroy();
  clients.acm.destroy();
}

export function createClients(credentials: CloudfrontCredentials, endpoints: { cloudfront?: string; acm?: string }, policy: Policy): AwsClients {
  const common = awsClientConfig(credentials, CERTIFICATE_REGION, policy) satisfies Partial<CloudFrontClientConfig>;
  return {
    cloudfront: new CloudFrontClient({ ...common, ...(endpoints.cloudfront ? { endpoint: endpoints.cloudfront } : {}) }),
    acm: new ACMClient({ ...common, ...(endpoints.acm ? { endpoint: endpoints.acm } : {}) }),
  };
}
