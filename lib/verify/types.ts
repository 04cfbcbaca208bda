import type { CdnId, Region } from "@/lib/plan/types";

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

/** Every cause the verifier can name. One entry each in lib/verify/diagnose.ts. */
export const DIAGNOSIS_IDS = [
  "cloudfront-403-alias",
  "cloudfront-502-origin",
  "cloudfront-504-origin-timeout",
  "cloudflare-525",
  "cloudflare-526",
  "cloudflare-1000",
  "cloudflare-1001",
  "cloudflare-1014",
  "cloudflare-1016",
  "cloudflare-dns-only",
  "cloudflare-no-target",
  "fastly-unknown-domain",
  "fastly-503-origin",
  "keycdn-origin-error",
  "sendgrid-404-unknown-host",
  "https-upgrade-redirect",
  "not-a-redirect",
  "no-tracked-link",
  "no-target",
  "cert-name-mismatch",
  "cert-expired",
  "cert-not-yet-valid",
  "cert-untrusted",
  "tls-old-version",
  "tls-handshake-failed",
  "connection-failed",
  "nxdomain",
  "target-nxdomain",
  "cname-wrong-target",
  "dns-not-switched",
  "dns-propagation",
  "dns-error",
  "guard-refused",
  "verifier-error",
] as const;
export type DiagnosisId = (typeof DIAGNOSIS_IDS)[number];

/** Where the fix is made, so the wizard can link each failure to the step that fixes it. */
export type FixTopic = "certificate" | "cdn-config" | "dns" | "link-branding" | "input" | "retry";

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
    field: "cdn" | "host" | "target" | "link" | "phase" | "region" | null;
    message: string;
  };
  retryAfterSeconds?: number;
}
