import type { EspId } from "@/lib/domain/ids";
import type { Region } from "@/lib/domain/plan";
import { writeEspChoice } from "@/lib/esps/regions";
import type { StepId } from "@/lib/wizard/steps";
import type { CdnId } from "@/lib/domain/plan";
import { EXAMPLE_CDN_ADDRESS } from "@/lib/providers/registry";
import { targetName } from "@/lib/tracked-link";
import type { CheckId, CheckStatus, FixTopic, VerifyReport } from "./types";

/**
 * How the wizard presents a verification (client-safe, no React): status words, where each fix is made,
 * the polling rule, and the query string of /api/verify.
 */

/** While a check is pending (DNS propagation) the page asks again this often… */
export const POLL_EVERY_MS = 10_000;
/** …and stops by itself after this long; Re-check starts again. */
export const POLL_FOR_AT_MOST_MS = 10 * 60_000;

/** The short name on a chip; the full title (CHECK_TITLES) is in the details. */
export const CHIP_LABELS: Record<CheckId, string> = {
  hsts: "HSTS",
  "cdn-before-switch": "CDN before switch",
  dns: "DNS",
  tls: "TLS",
  http: "HTTP",
  https: "HTTPS",
};

/** The word on a chip. Colour is never the only signal. */
export const STATUS_WORDS: Record<CheckStatus | "checking", string> = {
  pass: "passing",
  fail: "failing",
  pending: "pending",
  skipped: "not run",
  checking: "checking",
};

/** The wizard step where each kind of fix is made; `null`: nothing to change, Re-check later. */
export const FIX_TOPIC_STEP: Record<FixTopic, StepId | null> = {
  certificate: "configure",
  "cdn-config": "configure",
  dns: "dns",
  "link-branding": "hosts",
  input: "test",
  retry: null,
};

/**
 * The next poll: `false` when nothing is pending, the request failed, or polling has run for
 * POLL_FOR_AT_MOST_MS since the first pending answer (`pendingSince`).
 */
export function nextPollMs(report: VerifyReport | undefined, failed: boolean, pendingSince: number | undefined, now: number): number | false {
  if (failed || !report?.pending) return false;
  if (pendingSince !== undefined && now - pendingSince >= POLL_FOR_AT_MOST_MS) return false;
  return POLL_EVERY_MS;
}

/** m:ss */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export interface VerifyRequest {
  cdn: CdnId;
  /** The email provider (SendGrid when absent) and its region: the answer checks use its fingerprint. */
  esp?: EspId;
  region: Region;
  tenant?: string;
  hosts: string[];
  /** The CDN address per host, in host order (null: not known). */
  targets: (string | null)[];
  /** Path and query of the tracked link, used for every host. */
  link?: string;
}

/** The query of GET /api/verify (docs/contract.md#verification): `target` only when one is known, one per host. */
export function verifyQueryString(r: VerifyRequest): string {
  const params = new URLSearchParams();
  params.set("cdn", r.cdn);
  for (const h of r.hosts) params.append("host", h);
  if (r.targets.some(Boolean)) for (const t of r.targets) params.append("target", t ?? "");
  if (r.link) params.set("link", r.link);
  writeEspChoice(params, r);
  return params.toString();
}

/** A CDN address as the wizard's URL accepts it (lib/plan/query.ts): a hostname, never the link host itself. */
export function checkTargetInput(raw: string, host: string): { ok: true; target: string } | { ok: false; message: string } {
  const value = targetName(raw);
  if (value === null) return { ok: false, message: `is not a hostname: copy the CDN's address, e.g. ${EXAMPLE_CDN_ADDRESS}.` };
  if (value === host) return { ok: false, message: "is the link host itself: give the CDN's own address." };
  return { ok: true, target: value };
}
