import "server-only";
import type { CdnId } from "@/lib/plan/types";
import type { ServerProvider } from "./server-types";
import { cloudflareServer } from "./cloudflare/apply";
import { cloudfrontServer } from "./cloudfront/apply";
import { fastlyServer } from "./fastly/apply";
import { keycdnServer } from "./keycdn/apply";

/** Providers whose apply exists, by CDN. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider has its own credential type; callers validate with its schema first
export const SERVER_PROVIDERS: Partial<Record<CdnId, ServerProvider<any>>> = {
  cloudfront: cloudfrontServer,
  cloudflare: cloudflareServer,
  fastly: fastlyServer,
  keycdn: keycdnServer,
};
