import "server-only";
import type { ErrorTranslator } from "@/lib/providers/engine/types";
import { commonError, describeWait, hintedDelay, HttpError } from "@/lib/providers/http-client";
import { fastlyRetryHint } from "./client";
import { REQUIRED_SCOPE } from "./settings";

/**
 * Fastly errors → what the person should do. Bodies: config API `{msg, detail}`, TLS API (JSON:API)
 * `{errors: [{title, detail}]}`; 401 `{"msg":"Provided credentials are missing or invalid"}`; writes are
 * limited to 1,000 per hour per user, then 429 with Fastly-RateLimit-Reset (docs/providers/fastly.md#wire-format,
 * #token-and-rate-limits).
 * The exact wording of "domain taken" and quota errors is **unverified**: they are matched loosely, and
 * anything unmatched still shows Fastly's own (scrubbed) words.
 */

/** Fastly's own words from an error body (already scrubbed by the HTTP layer). */
export function fastlyMessage(body: string): string {
  try {
    const b = JSON.parse(body) as { msg?: unknown; detail?: unknown; errors?: { title?: unknown; detail?: unknown }[] };
    if (Array.isArray(b.errors) && b.errors.length > 0) {
      return b.errors.map((e) => [e.title, e.detail].filter((x) => typeof x === "string" && x !== "").join(": ")).join("; ");
    }
    const parts = [b.msg, b.detail].filter((x): x is string => typeof x === "string" && x !== "");
    if (parts.length > 0) return parts.join(": ");
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.trim() === "" ? "(no details)" : body.trim();
}

const TAKEN = /owned by another customer|already (taken|exists|in use)|is taken/i;
const QUOTA = /limit|maximum|exceed|quota|too many/i;
const NOT_ON_SERVICE = /not found on one of your services/i;

export const TOKEN_ACTION = `In Fastly, open Account › API tokens, create a token with scope "${REQUIRED_SCOPE}" (access to all services), and paste it again.`;

/** Bodies arrive already scrubbed by the client, so only the host is needed here. */
export const translateFastlyError: ErrorTranslator = (error, { host }) => {
  const common = commonError(error, "Fastly");
  if (common) return common;
  if (!(error instanceof HttpError)) {
    return { code: "internal", message: "Something unexpected went wrong while talking to Fastly.", action: "Run it again; if it happens again, follow the manual checklist for this host." };
  }
  const said = fastlyMessage(error.body);
  const subject = host ?? "this host";
  if (error.status === 401) {
    return { code: "unauthorized", message: `Fastly rejected the API token: "${said}".`, action: TOKEN_ACTION };
  }
  if (error.status === 403) {
    return {
      code: "forbidden",
      message: `The token may not do ${error.operation}: "${said}".`,
      action: `Use a token with scope "${REQUIRED_SCOPE}" that is not limited to other services, created by a user with the Engineer or Superuser role.`,
    };
  }
  if (error.status === 429) {
    const wait = hintedDelay(error.headers, (h) => fastlyRetryHint(h));
    return {
      code: "rate_limited",
      message: `Fastly's rate limit was reached (${error.operation}; writes are limited to 1,000 per hour).`,
      action: `Run it again ${describeWait(wait)}; what is already done is found and reused.`,
    };
  }
  if (error.status >= 500) {
    return {
      code: "provider_unavailable",
      message: `Fastly answered ${error.status} to ${error.operation}: "${said}".`,
      action: "Run it again in a few minutes; check status.fastly.com if it persists.",
    };
  }
  if (NOT_ON_SERVICE.test(said)) {
    return {
      code: "domain_not_active",
      message: `Fastly will not issue a certificate for ${subject} yet: "${said}".`,
      action: "The certificate can only be requested once the domain is on an activated service version: activate the version, then run it again.",
    };
  }
  if (TAKEN.test(said)) {
    return {
      code: "name_taken",
      message: `${subject} is already on another Fastly service (possibly in another account): "${said}".`,
      action: `Remove ${subject} from the service that has it, or ask Fastly support to release it, then run it again.`,
    };
  }
  if (QUOTA.test(said)) {
    return {
      code: "quota_reached",
      message: `A Fastly account limit stopped ${error.operation}: "${said}".`,
      action: "Delete services or TLS subscriptions you no longer use, or ask Fastly support to raise the limit, then run it again.",
    };
  }
  if (error.status === 404) {
    return { code: "not_found", message: `Fastly could not find what ${error.operation} needs: "${said}".`, action: "Run apply again: it recreates what is missing." };
  }
  return {
    code: "bad_request",
    message: `Fastly refused ${error.operation} (HTTP ${error.status}): "${said}".`,
    action: "Check the values against the manual checklist for this host; fix what Fastly names and run it again.",
  };
};
