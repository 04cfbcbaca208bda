import type { CdnFacts } from "@/lib/providers/types";
import { keycdnAddress } from "./address";
import { keycdnCredentials } from "./credentials";
import { keycdnInfo } from "./info";
import { keycdnResources } from "./resources";
import { keycdnVerification } from "./verification";

/** What the wizard, the verifier and the environment settings know about this CDN without its plan: client-safe. */
export const keycdnFacts = {
  info: keycdnInfo,
  credentials: keycdnCredentials,
  address: keycdnAddress,
  verification: keycdnVerification,
  resources: keycdnResources,
  endpoints: [{ key: "keycdn", env: "KEYCDN_API_BASE_URL", default: "https://api.keycdn.com" }] as const,
} satisfies CdnFacts;
