import "server-only";
import Cloudflare from "cloudflare";
import { REFUSAL } from "@/lib/dns-hosts/refusals";
import { cfCodes, isPermissionError } from "@/lib/providers/cloudflare/errors";
import { CLOUDFLARE_SCRUB } from "@/lib/providers/cloudflare/client";
import { scrub as scrubWith } from "@/lib/providers/engine/scrub";

const scrub = (text: string, secrets: readonly string[]) => scrubWith(text, secrets, CLOUDFLARE_SCRUB);
import { CF_CODE } from "@/lib/providers/cloudflare/settings";
import type { ProviderError } from "@/lib/providers/types";
import { cloudflareDnsInfo, type CLOUDFLARE_DNS_PERMISSION } from "./info";

/**
 * Cloudflare failures at the DNS host in words, with what to do (docs/dns-hosts/cloudflare.md#errors; the envelope and
 * codes are the CDN's: lib/providers/cloudflare/errors.ts). `doing` completes "while trying to …".
 */
export interface CloudflareDnsCall {
  doing: string;
  permission: (typeof CLOUDFLARE_DNS_PERMISSION)[keyof typeof CLOUDFLARE_DNS_PERMISSION];
  write?: boolean;
}

export function translate(error: unknown, call: CloudflareDnsCall, secrets: readonly string[]): ProviderError {
  const tail = call.write ? "" : " Nothing was changed.";
  if (error instanceof Cloudflare.APIConnectionTimeoutError) return { code: "timeout", message: `Cloudflare did not answer in time while trying to ${call.doing}.${tail}`, action: "Try again." };
  if (error instanceof Cloudflare.APIConnectionError) {
    return { code: "network", message: `Could not reach the Cloudflare API while trying to ${call.doing}.`, action: "Check that this server can reach api.cloudflare.com (or the CLOUDFLARE_API_BASE_URL proxy), then try again." };
  }
  if (!(error instanceof Cloudflare.APIError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: "internal", message: `Something went wrong while trying to ${call.doing}: ${scrub(message, secrets)}`, action: "Try again; if it repeats, report it with this message." };
  }
  const first = error.errors[0];
  const code = first ? String(first.code) : `HTTP ${error.status ?? "error"}`;
  if (error.status === 401 || cfCodes(error).includes(CF_CODE.invalidToken)) {
    return { code, message: `Cloudflare does not accept this API token: it is mistyped, deleted or was rolled.${tail}`, action: "Create an API token in My Profile › API Tokens with the permissions listed, paste it, and try again." };
  }
  if (isPermissionError(error)) return REFUSAL.missingPermission(call.permission, cloudflareDnsInfo, !call.write);
  if (error.status === 429) return { code: "429", message: `Cloudflare's rate limit was reached (1,200 requests per five minutes per token).${tail}`, action: "Wait five minutes, then try again." };
  if (error.status !== undefined && error.status >= 500) return { code, message: `Cloudflare had an internal problem while trying to ${call.doing}.`, action: "Try again in a few minutes." };
  const detail = first ? scrub(String(first.message), secrets) : "";
  return { code, message: `Cloudflare refused to ${call.doing}${detail ? `: ${detail}` : "."}`, action: "Check the record in DNS › Records; if this repeats, contact Cloudflare support with this code." };
}
