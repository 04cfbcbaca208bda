import Cloudflare from "cloudflare";
import { REFUSED, type CreateFailure } from "@/lib/providers/create-once";
import { failureOf } from "@/lib/providers/engine/failure";
import type { ErrorTranslator } from "@/lib/providers/engine/types";
import type { ProviderError } from "@/lib/providers/types";
import { CF_CODE, type Permission } from "./settings";

/**
 * Cloudflare failures as ProviderErrors: what went wrong in plain words and what to do about it.
 * The SDK throws `Cloudflare.APIError` subclasses with `.status` and `.errors[{code, message}]`
 * (docs/providers/cloudflare.md#envelope). Nothing credential-like ever reaches a message.
 */

/**
 * A 2xx answer apply cannot read: the body is not JSON (the SDK's `response.json()` throws a SyntaxError),
 * was cut off, or carries no `result` with an `id`. After a create it was probably carried out.
 */
export class UnreadableAnswer extends Error {
  constructor(readonly detail: string) {
    super(`Cloudflare's answer could not be read (${detail})`);
    this.name = "UnreadableAnswer";
  }
}

export function cfCodes(error: unknown): number[] {
  return error instanceof Cloudflare.APIError ? error.errors.map((e) => Number(e.code)) : [];
}

export function hasCode(error: unknown, code: number): boolean {
  return cfCodes(error).includes(code);
}

export function isPermissionError(error: unknown): boolean {
  return (
    error instanceof Cloudflare.APIError &&
    error.status === 403 &&
    (hasCode(error, CF_CODE.authentication) || hasCode(error, CF_CODE.unauthorized) || cfCodes(error).length === 0)
  );
}

/** `beforeChanges`: found by the read probes, so nothing in the zone was changed. */
export function missingPermission(permissions: readonly Permission[], zone: string, beforeChanges = false): ProviderError {
  const list = permissions.join(" and ");
  return {
    code: String(CF_CODE.authentication),
    message: `The API token lacks ${list} for ${zone}.${beforeChanges ? ` Nothing was changed in ${zone}.` : ""}`,
    action: `Edit the token in My Profile › API Tokens: add ${list}, with ${zone} included under Zone Resources. Then run apply again.`,
  };
}

const TOKEN_REJECTED: ProviderError = {
  code: String(CF_CODE.invalidToken),
  message: "Cloudflare does not accept this API token: it is mistyped, deleted or was rolled.",
  action: "Create an API token in My Profile › API Tokens › Create Token with the permissions listed, paste it, and run apply again.",
};

export function tokenInactive(status: string): ProviderError {
  return {
    code: `token_${status}`,
    message: `This API token is ${status}.`,
    action: "Enable the token (or create a new one) in My Profile › API Tokens, then run apply again.",
  };
}

/**
 * A failure that leaves it unknown whether Cloudflare carried the request out: no answer at all (refused,
 * reset, timed out, or the answer lost on the way back) or a 5xx (docs/providers/cloudflare.md#lost-answers).
 */
export function outcomeUnknown(error: unknown): boolean {
  // The SDK's APIConnectionError (and its timeout subclass) extends APIError with no status.
  return error instanceof Cloudflare.APIConnectionError || (error instanceof Cloudflare.APIError && error.status !== undefined && error.status >= 500);
}

/**
 * Retry policy for withRetry (idempotent calls; creates are classified by createFailure below): 429 and 5xx
 * (and lost connections) are retried, waiting what `Retry-After` asks but never longer than `maxDelayMs`
 * (Cloudflare may ask for five minutes: docs/providers/cloudflare.md#limits).
 */
export function retryDelay(error: unknown, maxDelayMs: number): number | null {
  if (error instanceof Cloudflare.APIConnectionError) return 0;
  if (!(error instanceof Cloudflare.APIError) || error.status === undefined) return null;
  if (error.status !== 429 && error.status < 500) return null;
  const header = error.headers?.get("retry-after");
  const seconds = header === null || header === undefined ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(maxDelayMs, seconds * 1000) : 0;
}

/**
 * What a create's failure means (lib/providers/create-once.ts): no answer or a 5xx may have made it, an
 * unreadable 2xx probably did; a 429 was refused before anything was done and is sent again after
 * `Retry-After`, waited for no longer than `maxDelayMs` (see retryDelay); anything else was refused.
 */
export function createFailure(error: unknown, maxDelayMs: number): CreateFailure {
  if (error instanceof UnreadableAnswer) return { kind: "outcomeUnknown", afterMs: 0 };
  const afterMs = retryDelay(error, maxDelayMs);
  if (outcomeUnknown(error)) return { kind: "outcomeUnknown", afterMs };
  return error instanceof Cloudflare.APIError && error.status === 429 && afterMs !== null ? { kind: "retryLater", afterMs } : REFUSED;
}

/** What only apply's own steps know: the permission the step needs, in the zone it works in. */
export interface StepContext {
  permission: Permission;
  zone: string;
}

/**
 * Any error from a Cloudflare call, in words for people. `doing` completes "Cloudflare refused to …"; a step that
 * names its permission and zone gets the exact permission to add when the token lacks it.
 */
export const toProviderError: ErrorTranslator<StepContext> = (error, ctx) => {
  const known = failureOf(error);
  if (known) return known;
  const opts = { ...ctx, doing: ctx.doing ?? "call the Cloudflare API" };
  if (error instanceof UnreadableAnswer) {
    return {
      code: "unexpected_response",
      message: `Cloudflare answered in a shape this tool does not understand while trying to ${opts.doing}: ${error.detail}.`,
      action: "Run apply again; it continues where it stopped. If it happens again, follow the manual checklist for this host and report the message above.",
    };
  }
  if (error instanceof Cloudflare.APIConnectionTimeoutError) {
    return { code: "timeout", message: `Cloudflare did not answer in time while trying to ${opts.doing}.`, action: "Run apply again; it continues where it stopped." };
  }
  if (error instanceof Cloudflare.APIConnectionError) {
    return {
      code: "network",
      message: `Could not reach the Cloudflare API while trying to ${opts.doing}.`,
      action: "Check that this server can reach api.cloudflare.com (or the CLOUDFLARE_API_BASE_URL proxy), then run apply again.",
    };
  }
  if (error instanceof Cloudflare.APIError) {
    const codes = cfCodes(error);
    const first = error.errors[0];
    const code = first ? String(first.code) : `HTTP ${error.status ?? "error"}`;
    const detail = first ? opts.scrub(String(first.message)) : "";
    if (error.status === 401 || codes.includes(CF_CODE.invalidToken)) return TOKEN_REJECTED;
    if (isPermissionError(error)) {
      return opts.permission && opts.zone
        ? missingPermission([opts.permission], opts.zone)
        : {
            code,
            message: `The API token is not allowed to ${opts.doing}.`,
            action: "Check the token's permissions and Zone Resources in My Profile › API Tokens, then run apply again.",
          };
    }
    if (codes.includes(CF_CODE.acmRequired)) {
      return {
        code,
        message: `Cloudflare refused the certificate order: ${opts.zone ?? "the zone"} has no Advanced Certificate Manager.`,
        action: `Subscribe ${opts.zone ?? "the zone"} to Advanced Certificate Manager (SSL/TLS › Edge Certificates), or upload a custom certificate naming the host; then run apply again.`,
      };
    }
    if (codes.includes(CF_CODE.recordNameTaken) || codes.includes(CF_CODE.cnameNameTaken)) {
      return {
        code,
        message: `Another DNS record already uses this name, so Cloudflare refused to ${opts.doing}.`,
        action: "Open DNS › Records, delete or rename the other record with this name, then run apply again.",
      };
    }
    if (error.status === 429) {
      return {
        code: "429",
        message: "Cloudflare's rate limit was reached (1,200 requests per five minutes per token).",
        action: "Wait five minutes, then run apply again; it continues where it stopped.",
      };
    }
    if (error.status !== undefined && error.status >= 500) {
      return { code, message: `Cloudflare had an internal problem while trying to ${opts.doing}.`, action: "Run apply again in a few minutes; it continues where it stopped." };
    }
    return {
      code,
      message: `Cloudflare refused to ${opts.doing}${detail ? `: ${detail}` : "."}`,
      action: "Check the setting in the Cloudflare dashboard and run apply again; if it repeats, contact Cloudflare support with this code.",
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message: `Something went wrong while trying to ${opts.doing}: ${opts.scrub(message)}`, action: "Run apply again; if it repeats, report it with this message." };
};
