import "server-only";
import type * as z from "zod/mini";
import type { Endpoints } from "@/lib/providers/endpoints";
import type { CdnId, PlanInput } from "@/lib/domain/plan";
import type { ApplyPreview, ApplyReport, CdnModule, UndoReport, UndoTarget } from "@/lib/providers/types";

/** What a run is given: the API base URLs, and what it changes in the engine's policy (lib/providers/engine/policy.ts). */
export interface ApplyContext {
  endpoints: Endpoints;
  /** Hosts worked on at once. */
  concurrency?: number;
  /** Retries after a 429 or 5xx; SDKs that retry themselves are given the same bound. */
  maxRetries?: number;
  /** Upper bound on any single wait for Retry-After, in ms (a provider may ask for minutes). */
  maxRetryDelayMs?: number;
  /** Upper bound on one API request, in ms (clients that use fetch pass it to AbortSignal.timeout). */
  requestTimeoutMs?: number;
  /** How apply waits between looks for what it has just created (default: a timer). Tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The server-only half of a provider. Every method is idempotent: running it twice with the same
 * input changes nothing the second time. Results never contain credentials.
 */
export interface ServerProvider<C> {
  id: CdnId;
  /** The CDN's client-safe module this adapter applies the plan of. */
  module: CdnModule;
  credentialsSchema: z.ZodMiniType<C>;
  /** Reads the account and says what apply would create, reuse or change. Changes nothing. */
  preview(credentials: C, input: PlanInput, ctx: ApplyContext): Promise<ApplyPreview>;
  /** Creates or adopts what each host needs; a failure in one host never hides another's result. */
  apply(credentials: C, input: PlanInput, ctx: ApplyContext): Promise<ApplyReport>;
  /** Read-only: where each host stands (certificate issued? deployed?). Used for polling. */
  status(credentials: C, input: PlanInput, ctx: ApplyContext): Promise<ApplyReport>;
  /**
   * Removes what an apply run created, and nothing else. The list comes from the browser, so each
   * resource is checked first: it must exist in this account and carry the marker apply sets on what it
   * creates (a name, comment, tag or caller reference derived from the host); anything else is refused.
   * Re-running continues where a previous run stopped (a CloudFront distribution must deploy its disabling first).
   */
  undo(credentials: C, resources: UndoTarget[], ctx: ApplyContext): Promise<UndoReport>;
}
