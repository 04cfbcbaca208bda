import { retryWait, sleep } from "@/lib/async";

/**
 * What a failed create means, as each provider's client classifies its own errors:
 * - `refused`: nothing was done (a 4xx, a refusal inside a 2xx): reported at once.
 * - `retryLater`: refused before anything was done (a 429): sent again after `afterMs`.
 * - `outcomeUnknown`: it may have been carried out (no answer, a 5xx), or probably was (a 2xx whose body
 *   cannot be read): looked for before anything else; sent again after `afterMs` (null: never sent again).
 */
export type CreateFailure = { kind: "refused" } | { kind: "retryLater"; afterMs: number } | { kind: "outcomeUnknown"; afterMs: number | null };

export const REFUSED: CreateFailure = { kind: "refused" };

export interface CreateOnce<T> {
  /** One attempt, with no retries of its own. */
  send: () => Promise<T>;
  /** What the create would have made, or null when nothing is there. */
  alreadyMade: () => Promise<T | null>;
  classify: (error: unknown) => CreateFailure;
  /** Sends after the first, at most. */
  retries: number;
  maxDelayMs: number;
}

/**
 * A create that is never sent again blindly, for the providers whose creates carry no idempotency key
 * (Cloudflare, Fastly, KeyCDN: docs/providers/<cdn>.md, "Lost answers" / "Creates whose answer is lost").
 * Once a send's outcome is unknown, every later send is preceded by a look, and what the look finds is
 * taken as made by this call. When the create gives up after an unknown outcome (bound spent, no retries,
 * or a wait it will not make) it looks one last time: the last send may have been carried out too. A look
 * that fails ends it, since nothing may be sent while it is unknown whether the object exists; the create's
 * own failure is what is reported.
 */
export async function createOnce<T>(create: CreateOnce<T>): Promise<T> {
  let mayExist = false;
  let failure: unknown;
  for (let attempt = 0; ; attempt++) {
    if (mayExist) {
      let made: T | null;
      try {
        made = await create.alreadyMade();
      } catch {
        throw failure;
      }
      if (made !== null) return made;
    }
    try {
      return await create.send();
    } catch (error) {
      failure = error;
      const kind = create.classify(error);
      if (kind.kind === "outcomeUnknown") mayExist = true;
      const afterMs = kind.kind === "refused" ? null : kind.afterMs;
      if (afterMs === null || attempt >= create.retries) break;
      await sleep(retryWait(afterMs, attempt, { maxDelayMs: create.maxDelayMs }));
    }
  }
  if (mayExist) {
    const made = await create.alreadyMade().catch(() => null);
    if (made !== null) return made;
  }
  throw failure;
}
