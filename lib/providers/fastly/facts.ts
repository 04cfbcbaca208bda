import type { CdnFacts } from "@/lib/providers/types";
import { fastlyAddress } from "./address";
import { fastlyInfo } from "./info";
import { fastlyVerification } from "./verification";

/** What the wizard and the verifier know about this CDN without its plan: client-safe. */
export const fastlyFacts = {
  info: fastlyInfo,
  address: fastlyAddress,
  verification: fastlyVerification,
} satisfies CdnFacts;
