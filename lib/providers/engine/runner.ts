import "server-only";
import { mapWithConcurrency } from "@/lib/async";
import type { ProviderError, UndoResult, UndoTarget } from "@/lib/providers/types";
import { failedUndo, refused, undoComplete } from "./results";
import type { Session } from "./types";

/** The per-host runner and undo's kind-by-kind runner every adapter uses. */

/**
 * Opens the run's session (the account step), hands it to `work`, and releases it afterwards. When the account
 * step fails, `accountFailed` says what every host reports.
 */
export async function withSession<S extends object, R>(open: () => Promise<S>, accountFailed: (error: unknown) => R, work: (session: S) => Promise<R>): Promise<R> {
  let session: S;
  try {
    session = await open();
  } catch (error) {
    return accountFailed(error);
  }
  try {
    return await work(session);
  } finally {
    (session as Session).close?.();
  }
}

/** `perHost` for every host, `concurrency` at once, results in host order; a host that throws gets `onError`'s result. */
export function eachHost<R>(hosts: readonly string[], concurrency: number, perHost: (host: string, index: number) => Promise<R>, onError: (host: string, index: number, error: unknown) => R): Promise<R[]> {
  return mapWithConcurrency(hosts, concurrency, async (host, index) => {
    try {
      return await perHost(host, index);
    } catch (error) {
      return onError(host, index, error);
    }
  });
}

const key = (t: UndoTarget) => `${t.kind}\u0000${t.id}`;

export interface UndoRun<U extends object> {
  order: readonly string[];
  concurrency: number;
  open(): Promise<U>;
  perTarget(session: U, target: UndoTarget, done: readonly UndoResult[]): Promise<UndoResult>;
  translate(error: unknown, target: UndoTarget): ProviderError;
}

/**
 * Undo: duplicates dropped, a kind this CDN's undo does not remove refused, then one account step, then the
 * resources kind by kind in `order` (what uses a resource goes first), each kind's resources at once. A failure
 * in one resource never hides another's result; results keep the order they were asked in.
 */
export async function undoTargets<U extends object>(targets: readonly UndoTarget[], run: UndoRun<U>): Promise<{ results: UndoResult[]; complete: boolean }> {
  const seen = new Set<string>();
  const unique = targets.filter((t) => !seen.has(key(t)) && seen.add(key(t)));
  const order = run.order as readonly string[];
  const results = new Map<string, UndoResult>();
  for (const t of unique) {
    if (!order.includes(t.kind)) results.set(key(t), refused(t, `undo removes no ${t.kind} for this CDN.`));
  }
  const todo = unique.filter((t) => !results.has(key(t)));

  if (todo.length > 0) {
    await withSession(
      run.open,
      (error) => {
        for (const t of todo) results.set(key(t), failedUndo(t, run.translate(error, t)));
      },
      async (session) => {
        for (const kind of order) {
          const batch = todo.filter((t) => t.kind === kind);
          const done = [...results.values()];
          const out = await mapWithConcurrency(batch, run.concurrency, async (t) => {
            try {
              return await run.perTarget(session, t, done);
            } catch (error) {
              return failedUndo(t, run.translate(error, t));
            }
          });
          batch.forEach((t, i) => results.set(key(t), out[i]!));
        }
      },
    );
  }
  const ordered = unique.map((t) => results.get(key(t))!);
  return { results: ordered, complete: undoComplete(ordered) };
}
