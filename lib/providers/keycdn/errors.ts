import "server-only";
import type { ErrorTranslator } from "@/lib/providers/engine/types";
import { commonError, describeWait, hintedDelay, HttpError } from "@/lib/providers/http-client";

/**
 * KeyCDN errors → what the person should do (docs/providers/keycdn.md#errors-and-rate-limits, keycdn.com/api "Errors"): 400 missing or
 * invalid parameter, 403 access denied (a bad key may also be 401: **unverified**, both are handled),
 * 404, 413 body over 64 KB; a rate limit (X-Rate-Limit-Limit / -Remaining; window **unverified**).
 * Every body is the envelope `{status: "error", description}`. Wording of "name taken" and
 * "limit reached" is **unverified**: matched loosely, and KeyCDN's own (scrubbed) words are always shown.
 */

export function keycdnMessage(body: string): string {
  try {
    const b = JSON.parse(body) as { description?: unknown };
    if (typeof b.description === "string" && b.description.trim() !== "") return b.description.trim();
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.trim() === "" ? "(no details)" : body.trim();
}

const TAKEN = /already (exists|taken|in use|used)|is taken|not unique|duplicate/i;
const QUOTA = /limit|maximum|exceed|quota|too many/i;

export const KEY_ACTION = "In KeyCDN, open Account Settings › Authentication, copy the API key again (or generate a new one), and paste it.";

/** Bodies arrive already scrubbed by the client, so only the host is needed here. */
export const translateKeycdnError: ErrorTranslator = (error, { host }) => {
  const common = commonError(error, "KeyCDN");
  if (common) return common;
  if (!(error instanceof HttpError)) {
    return { code: "internal", message: "Something unexpected went wrong while talking to KeyCDN.", action: "Run it again; if it happens again, follow the manual checklist for this host." };
  }
  const said = keycdnMessage(error.body);
  const subject = host ?? "this host";
  if (error.status === 401 || error.status === 403) {
    return { code: "unauthorized", message: `KeyCDN refused the API key: "${said}".`, action: KEY_ACTION };
  }
  if (error.status === 429 || /rate limit/i.test(said)) {
    return {
      code: "rate_limited",
      message: `KeyCDN's API rate limit was reached (${error.operation}).`,
      action: `Run it again ${describeWait(hintedDelay(error.headers))}; what is already done is found and reused.`,
    };
  }
  if (error.status >= 500) {
    return { code: "provider_unavailable", message: `KeyCDN answered ${error.status} to ${error.operation}: "${said}".`, action: "Run it again in a few minutes; check status.keycdn.com if it persists." };
  }
  if (TAKEN.test(said)) {
    return {
      code: "name_taken",
      message: error.operation === "AddZoneAlias" ? `${subject} is already a Zonealias elsewhere (possibly another KeyCDN account): "${said}".` : `KeyCDN says the name is taken (${error.operation}): "${said}".`,
      action:
        error.operation === "AddZoneAlias"
          ? `Remove ${subject} from the zone or account that has it, then run it again.`
          : "Rename or delete the zone that has this name in the KeyCDN dashboard, then run it again.",
    };
  }
  if (QUOTA.test(said)) {
    return {
      code: "quota_reached",
      message: `A KeyCDN account limit stopped ${error.operation}: "${said}".`,
      action: "Delete zones you no longer use, or ask KeyCDN support to raise the limit, then run it again.",
    };
  }
  if (error.status === 404) {
    return { code: "not_found", message: `KeyCDN could not find what ${error.operation} needs: "${said}".`, action: "Run apply again: it recreates what is missing." };
  }
  return {
    code: "bad_request",
    message: `KeyCDN refused ${error.operation} (HTTP ${error.status}): "${said}".`,
    action: "Check the values against the manual checklist for this host; fix what KeyCDN names and run it again.",
  };
};
