import type { FixTopic } from "@/lib/domain/verification";

/**
 * What a CDN module tells the verifier (lib/verify) about itself: how its edge answers, its own error pages and
 * their causes and fixes, and how to fix a certificate or the Host header there. The verifier names no CDN; it asks
 * this. Client-safe (plain data and pure functions), so the checklist can print a diagnosis's label.
 */

/** The case a CDN's own diagnosis is worded for. */
export interface DiagnosisWordsContext {
  host: string;
  /** sendgrid.net or eu.sendgrid.net. */
  origin: string;
  /** The CDN address, or "the CDN address" when none is known. */
  target: string;
  /** Case-specific words ("" when none). */
  detail: string;
  /** How to keep the Host header on the CDN the person set up (CdnVerification.hostHeaderFix of that CDN). */
  hostHeaderFix: string;
}

/** One failure signature of the CDN's own, with its words. */
export interface CdnDiagnosis {
  /**
   * Its code in the checklist summary's links (lib/verify/summary.ts): fixed once issued, so links already shared
   * keep their meaning; a new diagnosis takes the next unused number (lib/verify/types.ts says which).
   */
  code: number;
  /** A few words for a summary without the full cause (the printed checklist's "Last verification"). */
  label: string;
  fixTopic: FixTopic;
  words(ctx: DiagnosisWordsContext): { cause: string; fix: string };
}

/** The parts of an HTTP answer the signatures look at; header names in lower case. */
export interface AnswerSignature {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface CdnVerification<D extends string = string> {
  /** The CDN as causes and fixes name it, e.g. "CloudFront". */
  name: string;
  /** Whether this CDN's edge produced an answer, from its headers and body (docs/verification.md#cdn-signatures). */
  answered(headers: Record<string, string>, body: string): boolean;
  /** Every diagnosis of this CDN's own; their ids are part of the verifier's report (docs/contract.md#verification). */
  diagnoses: Record<D, CdnDiagnosis>;
  /** The CDN's own error answer this response is, if any; `fromThisCdn` is true when this CDN answered it. */
  diagnoseAnswer(answer: AnswerSignature, fromThisCdn: boolean): D | null;
  /** How to get a certificate that names the exact host on this CDN. */
  certificateFix(host: string): string;
  /** How to make this CDN pass the link host as the Host header (follows "In <name>, " or a colon). */
  hostHeaderFix: string;
  /** How to stop this CDN redirecting HTTP to HTTPS itself, where it has a setting of its own. */
  httpsRedirectFix?(host: string): string;
  /** How to raise this CDN's minimum TLS version, where it has a setting of its own. */
  tlsVersionFix?: string;
  /**
   * For a CDN that proxies in place (CdnAddress.proxiesInPlace): its diagnosis when no address is given before the
   * switch, the one for a record that is not proxied after it, and the line the DNS check shows when it answers; for
   * the Test step, why an address to test is optional and what to enter if there is one.
   */
  inPlace?: { noTarget: D; dnsOnly: D; answersSeen: string; missingAddressNote: string; targetHint: string };
}

/** Keeps each module's diagnosis ids as literal types, so the verifier's DiagnosisId stays a closed union. */
export function defineVerification<const D extends string>(verification: CdnVerification<D>): CdnVerification<D> {
  return verification;
}
