"use client";

import type { CdnId, Region } from "@/lib/domain/plan";
import type { EspId } from "@/lib/domain/ids";
import type { CertificateAfterSwitch } from "@/lib/providers/types";
import { formatElapsed, POLL_EVERY_MS, POLL_FOR_AT_MOST_MS, type VerifyRequest } from "@/lib/verify/ui";
import type { StepHrefs } from "./checks";
import { useNow, type useVerify } from "./use-verify";

/** What the server page hands the Test and DNS steps: the plan's verification inputs, nothing secret. */
export interface VerifyHostInput {
  host: string;
  /** The CDN address to test before the switch: from the URL, or known from the plan; null when missing. */
  target: string | null;
  /** Where to find the CDN address for this host, in the provider's words. */
  hint: string;
}

export interface VerifyViewProps {
  cdn: CdnId;
  cdnName: string;
  esp: EspId;
  region: Region;
  tenant?: string;
  hosts: VerifyHostInput[];
  /** The tracked link's path and query, from the URL. */
  link?: string;
  /** What to paste in the tracked-link field, in the ESP's words (from its module). */
  linkHint: string;
  /** The ESP publishes a check of its own, which runs when no link is given: the field is optional. */
  linkOptional: boolean;
  /** A link from the URL that could not be used, and why (shown at the field). */
  linkInput?: string;
  linkError?: string;
  override: boolean;
  steps: StepHrefs;
  /** `/checklist?…` for this plan; the last result is appended as `verified=`. */
  checklistHref: string;
  /** From the provider module: its certificate can only be issued after the DNS switch (the gate explains the gap). */
  certificateAfterSwitch?: CertificateAfterSwitch;
  /** From the provider module: it proxies each host in place, so an address to test is optional; why, when one is missing. */
  inPlaceNote?: string;
}

export function requestOf(p: VerifyViewProps): VerifyRequest {
  return { cdn: p.cdn, esp: p.esp, region: p.region, tenant: p.tenant, hosts: p.hosts.map((h) => h.host), targets: p.hosts.map((h) => h.target), link: p.link };
}

/** Checking / waiting / stopped / last checked, with a visible elapsed time while anything is pending. */
export function VerifyStatus({ verify }: { verify: ReturnType<typeof useVerify> }) {
  const { query, result, startedAt } = verify;
  const fetching = query.isFetching;
  const pendingSince = result?.pendingSince;
  const polling = !fetching && result?.report.pending === true && query.status !== "error";
  const now = useNow(fetching || polling);
  const rateLimited = fetching && query.failureReason?.status === 429;

  let message: string;
  let elapsed: string | null = null;
  let tone = "border-slate-400 bg-white text-slate-900";
  if (fetching) {
    message = rateLimited
      ? `Too many checks from this browser: asking again in ${query.failureReason?.retryAfterSeconds ?? 3} s.`
      : result
        ? "Re-checking every hostname…"
        : "Checking every hostname…";
    const started = startedAt();
    elapsed = formatElapsed(started !== undefined ? now - started : 0);
    tone = "border-amber-600 bg-amber-50 text-amber-950";
  } else if (query.status === "error") {
    message = `Could not verify: ${query.error.message}`;
    tone = "border-red-700 bg-red-50 text-red-950";
  } else if (result && polling) {
    const waited = pendingSince !== undefined ? now - pendingSince : 0;
    if (waited >= POLL_FOR_AT_MOST_MS) {
      message = `Stopped checking by itself after ${formatElapsed(POLL_FOR_AT_MOST_MS)}: something is still pending. Press Re-check to check again.`;
    } else {
      message = `Something is still pending (DNS changes take a while to reach every resolver): checking again every ${POLL_EVERY_MS / 1000} s, for at most ${formatElapsed(POLL_FOR_AT_MOST_MS)}.`;
      elapsed = formatElapsed(waited);
      tone = "border-amber-600 bg-amber-50 text-amber-950";
    }
  } else if (result) {
    const at = new Date(result.report.checkedAt).toLocaleTimeString();
    message = `Last checked at ${at} (took ${(result.report.elapsedMs / 1000).toFixed(1)} s).`;
  } else {
    message = "Waiting to check…";
  }

  return (
    <div className={`rounded-md border-l-4 px-3 py-2 text-sm ${tone}`}>
      <p role={query.status === "error" && !fetching ? "alert" : "status"}>{message}</p>
      {elapsed !== null && (
        <p className="mt-0.5 font-medium tabular-nums">
          Elapsed <span data-testid="verify-elapsed">{elapsed}</span>
        </p>
      )}
    </div>
  );
}
