import type { HostApplyResult, ProviderError, UndoResult, UndoTarget } from "@/lib/providers/types";

/** The results every adapter reports, made the same way. */

/** A host's result before any step: failed with no summary until the adapter says otherwise. */
export function newResult(host: string): HostApplyResult {
  return { host, outcome: "failed", summary: "", records: [], resources: [], differences: [] };
}

/** A host that failed: what it had done so far stays (records, resources, differences), with the error. */
export function failed(result: HostApplyResult, error: ProviderError): HostApplyResult {
  return { ...result, outcome: "failed", summary: error.message, error };
}

export const removed = (t: UndoTarget, message: string): UndoResult => ({ ...t, outcome: "removed", message });
export const alreadyGone = (t: UndoTarget): UndoResult => removed(t, "Already gone: it no longer exists in this account.");
export const refused = (t: UndoTarget, why: string): UndoResult => ({ ...t, outcome: "refused", message: `Not removed: ${why}` });
export const waiting = (t: UndoTarget, message: string, retryInMinutes?: number): UndoResult => ({
  ...t,
  outcome: "waiting",
  message,
  ...(retryInMinutes === undefined ? {} : { retryInMinutes }),
});
export const failedUndo = (t: UndoTarget, error: ProviderError): UndoResult => ({ ...t, outcome: "failed", message: `${error.message} ${error.action}`, error });

/** Nothing waiting or failed: running undo again would change nothing. */
export function undoComplete(results: readonly UndoResult[]): boolean {
  return results.every((r) => r.outcome === "removed" || r.outcome === "refused");
}
