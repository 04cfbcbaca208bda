import type { PlanInput } from "@/lib/domain/plan";
import type { ApplyContext } from "@/lib/providers/server-types";
import type { HostApplyResult, HostPreview, ProviderError, UndoResult, UndoTarget } from "@/lib/providers/types";
import type { Policy } from "./policy";
import type { Scrub, ScrubProfile } from "./scrub";

/** What an error translator is told besides the error: what was being done, for which host, and the run's scrubber. */
export interface ErrorContext {
  /** Completes "… while trying to <doing>"; the engine says it for the steps it runs, adapters for their own. */
  doing?: string;
  /** The host the failure is for; absent for the account step, which every host shares. */
  host?: string;
  scrub: Scrub;
}

/**
 * The one translator signature: any error of the adapter's calls → what went wrong in plain words and what to do.
 * Each CDN's errors.ts keeps its own texts; `X` adds what only that CDN's own steps know (e.g. the permission a
 * step needs).
 */
export type ErrorTranslator<X extends object = object> = (error: unknown, context: ErrorContext & Partial<X>) => ProviderError;

export type Operation = "preview" | "apply" | "status" | "undo";

/** One run of an adapter operation: the context as given, the policy it resolves to, and the run's scrubber. */
export interface Run {
  operation: Operation;
  ctx: ApplyContext;
  policy: Policy;
  scrub: Scrub;
}

/** A session may hold what must be released when the run ends (SDK clients). */
export interface Session {
  close?(): void;
}

/**
 * A CDN adapter as the engine runs it; its id, credential schema and undo order come from its module. The engine
 * does the rest the same way for every CDN: one account step (`open`, `openUndo`: token checks, shared reads)
 * whose failure every host carries; then every host at once (a failure in one host never hides another's result;
 * `prepareApply`, when given, runs for every host before any host's writes); undo kind by kind in the module's
 * undo order; errors through `translate`, with the run's scrubber.
 */
export interface AdapterSpec<C, S extends object, U extends object, P> {
  /** The credentials in every form they are sent in (a header value, a base64 pair): the scrubber removes each. */
  secrets(credentials: C): readonly (string | undefined)[];
  scrub: ScrubProfile;
  translate: ErrorTranslator;
  /** The account step in words, for "… while trying to <accountStep>" (default: "read the account"). */
  accountStep?: string;

  open(credentials: C, input: PlanInput, run: Run): Promise<S>;
  /** Reads only: what apply would create, reuse or change for the host. */
  preview(session: S, host: string, index: number): Promise<HostPreview>;
  /** Reads only, for every host before any host's first write (e.g. finding zones and probing permissions). */
  prepareApply?(session: S, host: string, index: number): Promise<P>;
  /** Fills `result` as it goes, so a late failure keeps what was already done. */
  apply(session: S, host: string, index: number, result: HostApplyResult, prepared: P): Promise<HostApplyResult>;
  status(session: S, host: string, index: number, result: HostApplyResult): Promise<HostApplyResult>;

  openUndo(credentials: C, targets: readonly UndoTarget[], run: Run): Promise<U>;
  /** `done`: the results of the kinds removed before this one. */
  undo(session: U, target: UndoTarget, done: readonly UndoResult[]): Promise<UndoResult>;
}
