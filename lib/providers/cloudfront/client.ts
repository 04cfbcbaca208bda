import "server-only";
import { CloudFrontClient, type CloudFrontClientConfig } from "@aws-sdk/client-cloudfront";
import { ACMClient } from "@aws-sdk/client-acm";
import { awsClientConfig } from "@/lib/aws/sdk-config";
import type { ApplyContext } from "@/lib/providers/server-types";
import { CERTIFICATE_REGION } from "./settings";
import type { CloudfrontCredentials } from "./schema";

/**
 * SDK clients for one apply run, configured by lib/aws/sdk-config.ts (every option explicit:
 * docs/providers/cloudfront.md#sdk-clients). ACM certificates for
 * CloudFront live in us-east-1, and CloudFront signs with us-east-1, so both clients use it; with a custom
 * endpoint the region is only the signing region.
 */
export interface AwsClients {
  cloudfront: CloudFrontClient;
  acm: ACMClient;
}

export { DEFAULT_MAX_RETRY_DELAY_MS, DEFAULT_RETRIES } from "@/lib/aws/sdk-config";

export function createClients(credentials: CloudfrontCredentials, ctx: ApplyContext): AwsClients {
  const common = awsClientConfig(credentials, CERTIFICATE_REGION, ctx) satisfies Partial<CloudFrontClientConfig>;
  return {
    cloudfront: new CloudFrontClient({ ...common, ...(ctx.endpoints.cloudfront ? { endpoint: ctx.endpoints.cloudfront } : {}) }),
    acm: new ACMClient({ ...common, ...(ctx.endpoints.acm ? { endpoint: ctx.endpoints.acm } : {}) }),
  };
}
