import "server-only";
import type { CdnId } from "./ids";
import { CDN_IDS } from "./registry";
import { SERVER_PROVIDERS } from "./server";
import type { CdnModule } from "./types";

/**
 * Every CDN's module (facts, console labels, plan, export), derived from the adapters that carry them. For
 * server code only: it carries every plan, so it stays out of client bundles (client code asks registry.ts).
 */
export const PROVIDERS = Object.fromEntries(CDN_IDS.map((cdn) => [cdn, SERVER_PROVIDERS[cdn].module])) as Record<CdnId, CdnModule>;
