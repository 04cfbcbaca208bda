import { CDN_IDS, type CdnId, type Region } from "@/lib/domain/plan";
import type { CdnDiagnosis } from "@/lib/providers/verification-types";
import { VERIFICATIONS, type CdnDiagnosisId } from "@/lib/providers/verifications";

/**
 * What `/api/verify` returns (docs/contract.md#verification). Client-safe: types and constants only, so the
 * wizard can render the report and switch exhaustively over every union here.
 */

/** The checks of one hostname, in the order the UI shows them. */
export const CHECK_IDS = ["hsts", "cdn-before-switch", "dns", "tls", "http", "https"] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const CHECK_TITLES: Record<CheckId, string> = {
  hsts: "HSTS pre-check",
  "cdn-before-switch": "CDN answers before the DNS switch",
  dns: "DNS",
  tls: "Certificate and TLS",
  http: "Tracked link over HTTP",
  https: "Tracked link over HTTPS",
};

export const CHECK_STATUSES = ["pass", "fail", "pending", "skipped"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** Before the DNS switch the verifier tests the CDN's own address; after it, the hostname by name. */
export type Phase = "before" | "after";
/** `auto` decides per host from where its CNAME points now. */
export type PhaseRequest = Phase | "auto";

/**
 * Every cause the verifier names itself, with its code in the checklist summary's links (lib/verify/summary.ts).
 * Codes are fixed once issued; a new diagnosis, here or in a CDN module, takes the next unused number (the next
 * after the highest in DIAGNOSIS_IDS; lib/providers/verifications.test.ts checks there is no gap or repeat).
 */
const GENERIC_DIAGNOSIS_CODES = {
  "esp-404-unknown-host": 14,
  "https-upgrade-redirect": 15,
  "not-the-esp-answer": 16,
  "no-tracked-link": 17,
  "no-target": 18,
  "cert-name-mismatch": 19,
  "cert-expired": 20,
  "cert-not-yet-valid": 21,
  "cert-untrusted": 22,
  "tls-old-version": 23,
  "tls-handshake-failed": 24,
  "connection-failed": 25,
  nxdomain: 26,
  "target-nxdomain": 27,
  "cname-wrong-target": 28,
  "dns-not-switched": 29,
  "dns-propagation": 30,
  "dns-error": 31,
  "guard-refused": 32,
  "verifier-error": 33,
  "esp-other-answered": 34,
  "esp-answer-mismatch": 35,
  "esp-wrong-origin": 36,
} as const;
export type GenericDiagnosisId = keyof typeof GENERIC_DIAGNOSIS_CODES;
export const GENERIC_DIAGNOSIS_IDS = Object.keys(GENERIC_DIAGNOSIS_CODES) as GenericDiagnosisId[];

/** Every cause the verifier can name: its own (lib/verify/catalogue.ts) and each CDN's (its module's `verification`). */
export type DiagnosisId = CdnDiagnosisId | GenericDiagnosisId;

/** Every diagnosis, at the position of its summary code. */
export const DIAGNOSIS_IDS: readonly DiagnosisId[] = (() => {
  const byCode: DiagnosisId[] = [];
  for (const [id, code] of Object.entries(GENERIC_DIAGNOSIS_CODES)) byCode[code] = id as GenericDiagnosisId;
  for (const cdn of CDN_IDS) {
    for (const [id, d] of Object.entries(VERIFICATIONS[cdn].diagnoses as Record<string, CdnDiagnosis>)) byCode[d.code] = id as CdnDiagnosisId;
  }
  return byCode;
})();

/** Where the fix is made, so the wizard can link each failure to the step that fixes it. */
export type { FixTopic } from "@/lib/domain/verification";
import type { FixTopic } from "@/lib/domain/verification";

interface CheckBase {
  id: CheckId;
  title: string;
  /** What the verifier saw, in plain words, one fact per line (addresses, status codes, names, dates). */
  seen: string[];
  elapsedMs: number;
}

export interface PassCheck extends CheckBase {
  status: "pass";
}

export interface FailCheck extends CheckBase {
  status: "fail";
  diagnosis: DiagnosisId;
  /** Why it fails, in plain words. */
  cause: string;
  /** What to do about it. */
  fix: string;
  fixTopic: FixTopic;
}

/** Waiting on something that resolves by itself (DNS propagation): the UI keeps polling. */
export interface PendingCheck extends CheckBase {
  status: "pending";
  diagnosis: DiagnosisId;
  reason: string;
}

/** Not run, and why (nothing to check in this phase, or an earlier check stopped it). */
export interface SkippedCheck extends CheckBase {
  status: "skipped";
  reason: string;
}

export type CheckResult = PassCheck | FailCheck | PendingCheck | SkippedCheck;

export interface HostReport {
  host: string;
  /** The CDN address given for this host, if any. */
  target: string | null;
  phase: Phase;
  /** The path and query of the tracked link requested, if any (the request counts as a click). */
  link: string | null;
  /** Always the six checks, in CHECK_IDS order. */
  checks: CheckResult[];
  /**
   * True when the CDN is proven to answer this host correctly: before the switch, the pinned TLS, HTTP and
   * HTTPS checks pass; after it, the same checks by name pass.
   */
  readyToSwitch: boolean;
  /** One line for the DNS step: why it is, or is not, ready. */
  readiness: string;
}

export type PreloadStatus = "preloaded" | "pending" | "not-preloaded" | "unknown";

export interface HstsHeader {
  /** `present`: the domain sent the header over valid HTTPS; `absent`: it answered without one. */
  state: "present" | "absent" | "unknown";
  raw: string | null;
  maxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
  /** Why the state is unknown (network, certificate), in plain words. */
  note: string | null;
}

export interface HstsPreload {
  status: PreloadStatus;
  /** The preloaded name that covers the domain (itself, an ancestor, or the TLD). */
  via: string | null;
  /** Where the answer came from. */
  source: "status-api" | "tld-list" | "none";
  note: string | null;
}

/** The HSTS situation of one registrable domain (RFC 6797; docs/verification.md#hsts). */
export interface HstsReport {
  domain: string;
  header: HstsHeader;
  preload: HstsPreload;
  /** Whether browsers force HTTPS on the link hosts under this domain. */
  coversLinkHosts: "yes" | "no" | "unknown";
  /** Which hostnames must serve HTTPS and what breaks today, in words. */
  blastRadius: string;
}

export interface VerifyReport {
  version: 1;
  cdn: CdnId;
  region: Region;
  checkedAt: string;
  elapsedMs: number;
  hosts: HostReport[];
  hsts: HstsReport[];
  /** Every host is ready (see HostReport.readyToSwitch). */
  readyToSwitch: boolean;
  /** Some check is pending: poll again. */
  pending: boolean;
}

/** 400/429 body of /api/verify. */
export interface VerifyErrorBody {
  error: {
    /** The query parameter at fault, or null for rate limiting. */
    field: "cdn" | "host" | "target" | "link" | "phase" | "esp" | "region" | "tenant" | null;
    message: string;
  };
  retryAfterSeconds?: number;
}
