import type { CdnFacts } from "@/lib/providers/types";
import { keycdnAddress } from "./address";
import { keycdnInfo } from "./info";
import { keycdnVerification } from "./verification";

/** What the wizard, the verifier and the environment settings know about this CDN without its plan: client-safe. */
export const keycdnFacts = {
  info: keycdnInfo,
  address: keycdnAddress,
  verification: keycdnVerification,
  endpoints: [{ key: "keycdn", env: "KEYCDN_API_BASE_URL", default: "https://api.keycdn.com" }] as const,
} satisfies CdnFacts;
