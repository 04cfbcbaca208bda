import type { CdnFacts } from "@/lib/providers/types";
import { fastlyAddress } from "./address";
import { fastlyInfo } from "./info";
import { fastlyVerification } from "./verification";

/** What the wizard, the verifier and the environment settings know about this CDN without its plan: client-safe. */
export const fastlyFacts = {
  info: fastlyInfo,
  address: fastlyAddress,
  verification: fastlyVerification,
  endpoints: [{ key: "fastly", env: "FASTLY_API_BASE_URL", default: "https://api.fastly.com" }] as const,
} satisfies CdnFacts;
