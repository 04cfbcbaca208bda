import type { CdnFacts } from "@/lib/providers/types";
import { cloudflareAddress } from "./address";
import { cloudflareInfo } from "./info";
import { cloudflareVerification } from "./verification";

/** What the wizard and the verifier know about this CDN without its plan: client-safe. */
export const cloudflareFacts = {
  info: cloudflareInfo,
  address: cloudflareAddress,
  verification: cloudflareVerification,
} satisfies CdnFacts;
