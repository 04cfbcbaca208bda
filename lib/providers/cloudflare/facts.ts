import type { CdnFacts } from "@/lib/providers/types";
import { cloudflareAddress } from "./address";
import { cloudflareCredentials } from "./credentials";
import { cloudflareInfo } from "./info";
import { cloudflareResources } from "./resources";
import { cloudflareVerification } from "./verification";

/** What the wizard, the verifier and the environment settings know about this CDN without its plan: client-safe. */
export const cloudflareFacts = {
  info: cloudflareInfo,
  credentials: cloudflareCredentials,
  address: cloudflareAddress,
  verification: cloudflareVerification,
  resources: cloudflareResources,
  endpoints: [{ key: "cloudflare", env: "CLOUDFLARE_API_BASE_URL", default: "https://api.cloudflare.com/client/v4" }] as const,
} satisfies CdnFacts;
