import type { CdnProvider } from "@/lib/providers/types";
import { cloudflare } from "./cloudflare";
import { cloudfront } from "./cloudfront";
import { fastly } from "./fastly";
import { keycdn } from "./keycdn";
import type { CdnId } from "./registry";

/** Every CDN's full module (facts, plan, exports), for server code: it carries every plan, so it stays out of client bundles. */
export const PROVIDERS: Record<CdnId, CdnProvider> = {
  cloudfront,
  cloudflare,
  fastly,
  keycdn,
};
