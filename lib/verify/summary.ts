import { isReady } from "./readiness";
import { CHECK_IDS, DIAGNOSIS_IDS, type CheckId, type DiagnosisId, type Phase, type VerifyReport } from "./types";

/**
 * The last verification, compact enough for a link (`/checklist?…&verified=…`) so the checklist can print it
 * without fetching anything. Client-safe. Non-secret: statuses and diagnosis ids only, no link, no address.
 *
 * Format, version 1: `1.<checkedAt, Unix seconds in base 36>.<host>.<host>…`, one host code per plan host in
 * plan order. A host code is its phase (`b` before the switch, `a` after) and then one token per check in
 * CHECK_IDS order: `p` pass, `s` skipped, `f<nn>` fail, `w<nn>` pending, where `nn` is the diagnosis's index
 * in DIAGNOSIS_IDS in base 36 (two digits): the code fixed where the diagnosis is defined, so old links keep
 * their meaning (lib/providers/verifications.test.ts pins the codes); anything that does not parse exactly is
 * refused as a whole.
 *
 * Anyone can write such a link: the checklist says the result is as reported, not re-checked.
 */

export const SUMMARY_VERSION = "1";
const MAX_HOSTS = 100;

export type SummaryStatus = "pass" | "fail" | "pending" | "skipped";

export interface SummaryCheck {
  id: CheckId;
  status: SummaryStatus;
  diagnosis?: DiagnosisId;
}

export interface SummaryHost {
  phase: Phase;
  checks: SummaryCheck[];
  /** Derived as the verifier does (readiness.ts). */
  ready: boolean;
}

export interface VerifySummary {
  checkedAt: string;
  hosts: SummaryHost[];
}

const diagnosisCode = (id: DiagnosisId) => DIAGNOSIS_IDS.indexOf(id).toString(36).padStart(2, "0");

export function encodeSummary(report: VerifyReport): string {
  const seconds = Math.floor(Date.parse(report.checkedAt) / 1000);
  const hosts = report.hosts.map((h) => {
    const tokens = CHECK_IDS.map((id) => {
      const c = h.checks.find((x) => x.id === id);
      if (!c) return "s";
      switch (c.status) {
        case "pass":
          return "p";
        case "skipped":
          return "s";
        case "fail":
          return `f${diagnosisCode(c.diagnosis)}`;
        case "pending":
          return `w${diagnosisCode(c.diagnosis)}`;
        default: {
          const never: never = c;
          return never;
        }
      }
    });
    return `${h.phase === "after" ? "a" : "b"}${tokens.join("")}`;
  });
  return [SUMMARY_VERSION, seconds.toString(36), ...hosts].join(".");
}

const HOST_CODE = /^[ab](?:p|s|[fw][0-9a-z]{2}){6}$/;
const TOKEN = /p|s|[fw][0-9a-z]{2}/g;

/** Parse a summary for a plan of `hostCount` hosts; refuses anything that is not exactly the format. */
export function decodeSummary(raw: string, hostCount: number): { ok: true; summary: VerifySummary } | { ok: false; message: string } {
  const refuse = { ok: false as const, message: "The verification result in this link could not be read; run the check again in the wizard." };
  if (raw.length > 40 + MAX_HOSTS * 20) return refuse;
  const [version, time, ...codes] = raw.split(".");
  if (version !== SUMMARY_VERSION || !time || !/^[0-9a-z]{1,8}$/.test(time)) return refuse;
  if (codes.length !== hostCount) {
    return { ok: false, message: `The verification result in this link is for ${codes.length} hostname${codes.length === 1 ? "" : "s"}, the plan has ${hostCount}; run the check again in the wizard.` };
  }
  const seconds = parseInt(time, 36);
  const hosts: SummaryHost[] = [];
  for (const code of codes) {
    if (!HOST_CODE.test(code)) return refuse;
    const phase: Phase = code[0] === "a" ? "after" : "before";
    const tokens = code.slice(1).match(TOKEN) ?? [];
    const checks: SummaryCheck[] = [];
    for (const [i, token] of tokens.entries()) {
      const id = CHECK_IDS[i]!;
      if (token === "p") checks.push({ id, status: "pass" });
      else if (token === "s") checks.push({ id, status: "skipped" });
      else {
        const diagnosis = DIAGNOSIS_IDS[parseInt(token.slice(1), 36)];
        if (!diagnosis) return refuse;
        checks.push({ id, status: token[0] === "f" ? "fail" : "pending", diagnosis });
      }
    }
    hosts.push({ phase, checks, ready: isReady(phase, (id: CheckId) => checks.find((c) => c.id === id)?.status) });
  }
  return { ok: true, summary: { checkedAt: new Date(seconds * 1000).toISOString(), hosts } };
}
