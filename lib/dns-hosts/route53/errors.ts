import "server-only";
import { scrubAws } from "@/lib/providers/aws/scrub";
import { REFUSAL } from "@/lib/dns-hosts/refusals";
import type { ProviderError } from "@/lib/providers/types";
import { route53Info, ROUTE53_PERMISSION } from "./info";

/**
 * Route 53 failures in words, with what to do (docs/dns-hosts/route53.md#errors). In SDK v3 an error's `name` is
 * Route 53's code. `doing` completes "while trying to …"; `permission` is the IAM action of the call.
 */
export interface Route53Call {
  doing: string;
  permission: (typeof ROUTE53_PERMISSION)[keyof typeof ROUTE53_PERMISSION];
  /** The call was a write: whether it changed anything is settled by reading again (server.ts). */
  write?: boolean;
}

type SdkError = { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };

const NETWORK = ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "TimeoutError", "RequestTimeout"];

export const codeOf = (e: unknown): string | undefined => (e as SdkError | undefined)?.name;

export function translate(error: unknown, call: Route53Call, secrets: readonly (string | undefined)[]): ProviderError {
  const e = error as SdkError | undefined;
  const status = e?.$metadata?.httpStatusCode ?? 0;
  const code = NETWORK.includes(e?.code ?? "") ? e!.code! : e?.name && !["Error", "Unknown", "UnknownError"].includes(e.name) ? e.name : status ? `HTTP ${status}` : "Error";
  const detail = scrubAws(e?.message ?? "", secrets);
  const tail = call.write ? "" : " Nothing was changed.";
  switch (code) {
    case "AccessDenied":
    case "AccessDeniedException":
      return REFUSAL.missingPermission(call.permission, route53Info, !call.write);
    case "InvalidClientTokenId":
    case "UnrecognizedClientException":
      return { code, message: `AWS does not know this access key ID.${tail}`, action: "Copy the access key ID again from IAM (Users › Security credentials), or create a new access key there." };
    case "SignatureDoesNotMatch":
      return { code, message: `AWS refused the signature: the secret access key does not belong to this access key ID.${tail}`, action: "Paste the secret access key again (it is shown only once, when the key is created)." };
    case "ExpiredToken":
      return { code, message: `These temporary credentials have expired.${tail}`, action: "Get new temporary credentials (and their session token), then try again." };
    case "Throttling":
    case "ThrottlingException":
    case "PriorRequestNotComplete":
      return {
        code,
        message: `Route 53 asked to slow down (${code}) while trying to ${call.doing}, and still did after the SDK's retries.${tail}`,
        action: "Wait a minute, then try again: a change batch is all or nothing, so trying again is safe.",
      };
    case "NoSuchHostedZone":
      return { code, message: `The hosted zone is gone from this AWS account while trying to ${call.doing}.${tail}`, action: "Read the record again: the wizard looks the zone up afresh." };
  }
  if (NETWORK.includes(code)) return { code, message: `Could not reach Route 53 (${code}) while trying to ${call.doing}.`, action: "Check that this server can reach route53.amazonaws.com (or the ROUTE53_ENDPOINT proxy), then try again." };
  if (status >= 500) return { code, message: `Route 53 had a temporary problem (HTTP ${status}) while trying to ${call.doing}.`, action: "Try again in a minute." };
  return { code, message: `Route 53 refused to ${call.doing}${detail ? `: ${detail}` : "."}`, action: "Check the record in the Route 53 console; if this repeats, report the message above." };
}
