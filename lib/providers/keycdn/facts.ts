import type { CdnFacts } from "@/lib/providers/types";
import { keycdnAddress } from "./address";
import { keycdnInfo } from "./info";
import { keycdnVerification } from "./verification";

/** What the wizard and the verifier know about this CDN without its plan: client-safe. */
export const keycdnFacts = {
  info: keycdnInfo,
  address: keycdnAddress,
  verification: keycdnVerification,
} satisfies CdnFacts;
