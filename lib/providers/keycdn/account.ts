import "server-only";
import type { Run } from "@/lib/providers/engine/types";
import { KeycdnClient, type KeycdnAlias, type KeycdnZone } from "./client";
import type { KeycdnCredentials } from "./credentials";

export function keycdnClient(credentials: KeycdnCredentials, run: Run): KeycdnClient {
  const { ctx, policy } = run;
  return new KeycdnClient({ baseUrl: ctx.endpoints.keycdn, apiKey: credentials.apiKey, timeoutMs: policy.requestTimeoutMs, maxRetries: policy.retries, maxRetryDelayMs: policy.maxRetryDelayMs, scrub: run.scrub });
}

/** What every host of a run shares: the client and the account's zones and aliases, listed once. */
export interface Account {
  api: KeycdnClient;
  zones: KeycdnZone[];
  aliases: KeycdnAlias[];
}

/** The list calls double as the key check: a bad key fails here, before anything is written. */
export async function readAccount(api: KeycdnClient): Promise<Account> {
  const [zones, aliases] = await Promise.all([api.listZones(), api.listZoneAliases()]);
  return { api, zones, aliases };
}

