import "server-only";
import type { CdnId } from "@/lib/plan/types";
import type { ServerProvider } from "./server-types";
import { cloudflareServer } from "./cloudflare/apply";
import { cloudfrontServer } from "./cloudfront/apply";
import { fastlyServer } from "./fastly/apply";
import { keycdnServer } from "./keycdn/apply";

/** Each CDN's apply, status and undo (server-only, so apart from the client-safe registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider has its own credential type; callers validate with its schema first
export const SERVER_PROVIDERS: Record<CdnId, ServerProvider<any>> = {
  cloudfront: cloudfrontServer,
  cloudflare: cloudflareServer,
  fastly: fastlyServer,
  keycdn: keycdnServer,
};
