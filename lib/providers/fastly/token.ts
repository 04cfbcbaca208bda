import "server-only";
import { ProviderFailure } from "@/lib/providers/engine/failure";
import type { FastlyClient } from "./client";
import { TOKEN_ACTION } from "./errors";
import { REQUIRED_SCOPE } from "./settings";

/** Every write needs scope "global" (docs/providers/fastly.md#token-and-rate-limits): checked before anything changes. */
export async function requireWriteScope(api: FastlyClient): Promise<void> {
  const token = await api.tokenSelf();
  if (!token.scope.split(/\s+/).includes(REQUIRED_SCOPE)) {
    throw new ProviderFailure({
      code: "token_scope",
      message: `The token's scope is "${token.scope}"; creating services and certificates needs "${REQUIRED_SCOPE}".`,
      action: TOKEN_ACTION,
    });
  }
}
