import type { CdnFacts } from "@/lib/providers/types";
import { cloudfrontAddress } from "./address";
import { cloudfrontCredentials } from "./credentials";
import { cloudfrontInfo } from "./info";
import { cloudfrontResources } from "./resources";
import { cloudfrontVerification } from "./verification";

/** What the wizard, the verifier and the environment settings know about this CDN without its plan: client-safe. */
export const cloudfrontFacts = {
  info: cloudfrontInfo,
  credentials: cloudfrontCredentials,
  address: cloudfrontAddress,
  verification: cloudfrontVerification,
  resources: cloudfrontResources,
  endpoints: [
    // Unset: the AWS SDK's own endpoints (ACM in us-east-1).
    { key: "cloudfront", env: "CLOUDFRONT_ENDPOINT" },
    { key: "acm", env: "ACM_ENDPOINT" },
  ] as const,
} satisfies CdnFacts;
