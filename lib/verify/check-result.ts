import type { Diagnosis } from "./diagnose";
import { CHECK_TITLES, type CheckId, type CheckResult } from "./types";

/** Builders for one check's result, with its title from CHECK_TITLES. */
export const check = {
  pass: (id: CheckId, seen: string[], ms: number): CheckResult => ({ id, title: CHECK_TITLES[id], status: "pass", seen, elapsedMs: ms }),
  fail: (id: CheckId, d: Diagnosis, seen: string[], ms: number): CheckResult => ({
    id,
    title: CHECK_TITLES[id],
    status: "fail",
    diagnosis: d.id,
    cause: d.cause,
    fix: d.fix,
    fixTopic: d.fixTopic,
    seen,
    elapsedMs: ms,
  }),
  pending: (id: CheckId, d: Diagnosis, seen: string[], ms: number): CheckResult => ({
    id,
    title: CHECK_TITLES[id],
    status: "pending",
    diagnosis: d.id,
    reason: `${d.cause} ${d.fix}`,
    seen,
    elapsedMs: ms,
  }),
  skipped: (id: CheckId, reason: string, seen: string[] = [], ms = 0): CheckResult => ({ id, title: CHECK_TITLES[id], status: "skipped", reason, seen, elapsedMs: ms }),
};
