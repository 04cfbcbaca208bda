import type { CdnFacts } from "@/lib/providers/types";
import { fastlyAddress } from "./address";
import { fastlyCredentials } from "./credentials";
import { fastlyInfo } from "./info";
import { fastlyResources } from "./resources";
import { fastlyVerification } from "./verification";

/** What the wizard, the verifier and the environment settings know about this CDN without its plan: client-safe. */
export const fastlyFacts = {
  info: fastlyInfo,
  credentials: fastlyCredentials,
  address: fastlyAddress,
  verification: fastlyVerification,
  resources: fastlyResources,
  endpoints: [{ key: "fastly", env: "FASTLY_API_BASE_URL", default: "https://api.fastly.com" }] as const,
} satisfies CdnFacts;
