import type { CdnId } from "@/lib/plan/types";
import type { CdnProvider } from "@/lib/providers/types";
import { cloudflare } from "./cloudflare";
import { cloudfront } from "./cloudfront";
import { fastly } from "./fastly";
import { keycdn } from "./keycdn";

/** Providers whose plan() exists. A CDN missing here is offered as "coming soon". */
export const PROVIDERS: Partial<Record<CdnId, CdnProvider>> = {
  cloudfront,
  cloudflare,
  fastly,
  keycdn,
};
