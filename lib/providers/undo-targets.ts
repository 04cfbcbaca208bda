import type { ApplyReport, UndoResult, UndoTarget } from "./types";
import { isUndoable } from "./resource-kinds";

/**
 * What an apply session created, as undo targets. Apply is re-run while it polls (a certificate first,
 * the distribution once it is issued), so "this run" is every report of the session: a resource counts
 * once any report says this run created it. Safe for client bundles.
 */
export function createdTargets(report: ApplyReport, previous: readonly UndoTarget[] = []): UndoTarget[] {
  const out = [...previous];
  const seen = new Set(previous.map((t) => `${t.kind}\u0000${t.id}`));
  for (const h of report.hosts) {
    for (const r of h.resources) {
      if (!r.createdByThisRun || r.id === "" || !isUndoable(report.cdn, r.kind)) continue;
      const k = `${r.kind}\u0000${r.id}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ kind: r.kind, id: r.id, host: h.host });
    }
  }
  return out;
}

/**
 * The latest undo results, keeping what an earlier run already removed (a re-run reports it as "already
 * gone", which would hide what was deleted). Undo is always re-sent the whole list, so a certificate can
 * see that its distribution is part of the same undo.
 */
export function mergeResults(previous: readonly UndoResult[], latest: readonly UndoResult[]): UndoResult[] {
  return latest.map((r) => {
    const before = previous.find((p) => p.kind === r.kind && p.id === r.id);
    return before?.outcome === "removed" && r.outcome === "removed" ? before : r;
  });
}
