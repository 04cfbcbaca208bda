import "server-only";
import { mapWithConcurrency } from "@/lib/async";
import type { CdnId } from "@/lib/plan/types";
import type { ApplyContext } from "@/lib/providers/server-types";
import type { ProviderError, UndoReport, UndoResult, UndoTarget } from "@/lib/providers/types";
import { UNDO_ORDER } from "./resource-kinds";

/**
 * What every provider's undo shares: one account-level step (token check, shared reads), then the
 * resources kind by kind in UNDO_ORDER (what uses a resource goes first), each kind's resources at once.
 * A failure in one resource never hides another's result. Results keep the order they were asked in.
 */

const DEFAULT_CONCURRENCY = 3;

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

const key = (t: UndoTarget) => `${t.kind}\u0000${t.id}`;

export function undoComplete(results: readonly UndoResult[]): boolean {
  return results.every((r) => r.outcome === "removed" || r.outcome === "refused");
}

export async function runUndo<A>(
  cdn: CdnId,
  targets: readonly UndoTarget[],
  ctx: ApplyContext,
  translate: (error: unknown, target: UndoTarget) => ProviderError,
  account: () => Promise<A>,
  perTarget: (target: UndoTarget, account: A, done: readonly UndoResult[]) => Promise<UndoResult>,
): Promise<UndoReport> {
  const seen = new Set<string>();
  const unique = targets.filter((t) => !seen.has(key(t)) && seen.add(key(t)));
  const order = UNDO_ORDER[cdn] as readonly string[];
  const results = new Map<string, UndoResult>();
  for (const t of unique) {
    if (!order.includes(t.kind)) results.set(key(t), refused(t, `undo removes no ${t.kind} for this CDN.`));
  }
  const todo = unique.filter((t) => !results.has(key(t)));

  if (todo.length > 0) {
    let acc: A | undefined;
    let ready = false;
    try {
      acc = await account();
      ready = true;
    } catch (error) {
      for (const t of todo) results.set(key(t), failedUndo(t, translate(error, t)));
    }
    if (ready) {
      for (const kind of order) {
        const batch = todo.filter((t) => t.kind === kind);
        const done = [...results.values()];
        const out = await mapWithConcurrency(batch, ctx.concurrency ?? DEFAULT_CONCURRENCY, async (t) => {
          try {
            return await perTarget(t, acc as A, done);
          } catch (error) {
            return failedUndo(t, translate(error, t));
          }
        });
        batch.forEach((t, i) => results.set(key(t), out[i]!));
      }
    }
  }
  const ordered = unique.map((t) => results.get(key(t))!);
  return { cdn, results: ordered, complete: undoComplete(ordered) };
}
