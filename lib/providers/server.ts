import "server-only";
import type { CdnId } from "./ids";
import type { ServerProvider } from "./server-types";
import { cloudflareServer } from "./cloudflare/apply";
import { cloudfrontServer } from "./cloudfront/apply";
import { fastlyServer } from "./fastly/apply";
import { keycdnServer } from "./keycdn/apply";

/**
 * Each CDN's server-only adapter (lib/providers/<cdn>/apply.ts: preview, apply, status and undo on the shared
 * engine), one line per CDN; each carries its client-safe module, from which index.ts derives PROVIDERS.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider has its own credential type; callers validate with its schema first
export const SERVER_PROVIDERS: Record<CdnId, ServerProvider<any>> = {
  cloudfront: cloudfrontServer,
  cloudflare: cloudflareServer,
  fastly: fastlyServer,
  keycdn: keycdnServer,
};
