import "server-only";
import type { CdnId } from "@/lib/plan/types";
import { fastlyServer } from "./fastly/apply";
import { keycdnServer } from "./keycdn/apply";
import type { ServerProvider } from "./server-types";

/** Providers whose apply exists, by CDN. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider has its own credential type; callers validate with its schema first
export const SERVER_PROVIDERS: Partial<Record<CdnId, ServerProvider<any>>> = {
  fastly: fastlyServer,
  keycdn: keycdnServer,
};
