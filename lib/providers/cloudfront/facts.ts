import type { CdnFacts } from "@/lib/providers/types";
import { cloudfrontAddress } from "./address";
import { cloudfrontInfo } from "./info";
import { cloudfrontVerification } from "./verification";

/** What the wizard and the verifier know about this CDN without its plan: client-safe. */
export const cloudfrontFacts = {
  info: cloudfrontInfo,
  address: cloudfrontAddress,
  verification: cloudfrontVerification,
} satisfies CdnFacts;
