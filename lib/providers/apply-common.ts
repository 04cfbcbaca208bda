import "server-only";
import { mapWithConcurrency } from "@/lib/async";
import { MAX_HOSTS } from "@/lib/hostnames";
import type { CdnId, PlanInput } from "@/lib/plan/types";
import type { ApplyContext } from "@/lib/providers/server-types";
import { isComplete, type ApplyPreview, type ApplyReport, type HostApplyResult, type HostPreview, type ProviderError } from "@/lib/providers/types";

/** Pieces the fetch-based providers share when they run apply/status/preview over every host. */

/**
 * Hosts worked on at once: all of them (at most MAX_HOSTS). Each host's calls depend only on its own
 * earlier calls, so a run takes about as long as one host's chain (scripts/bench.ts measures it). Provider
 * rate limits are per time window, not per connection: a 429 is retried after its Retry-After (bounded),
 * a host that still cannot go on reports when to run it again, and where a provider documents a per-second
 * quota for a call, its client paces that call (ACM RequestCertificate).
 */
export const DEFAULT_CONCURRENCY = MAX_HOSTS;

export function newResult(host: string): HostApplyResult {
  return { host, outcome: "failed", summary: "", records: [], resources: [], differences: [] };
}

export function failed(result: HostApplyResult, error: ProviderError): HostApplyResult {
  return { ...result, outcome: "failed", summary: error.message, error };
}

/**
 * Runs `perHost` for every host after one account-level step (token check, shared look-ups). If the
 * account step fails, every host carries that error; a failure in one host never hides another's result.
 * `perHost` fills the result it is given as it goes, so a late failure keeps what was already done.
 */
export async function runReport<A>(
  cdn: CdnId,
  input: PlanInput,
  ctx: ApplyContext,
  translate: (error: unknown, host?: string) => ProviderError,
  account: () => Promise<A>,
  perHost: (host: string, account: A, result: HostApplyResult) => Promise<HostApplyResult>,
): Promise<ApplyReport> {
  let shared: A;
  try {
    shared = await account();
  } catch (error) {
    const e = translate(error);
    const hosts = input.hosts.map((h) => failed(newResult(h), e));
    return { cdn, hosts, complete: false };
  }
  const hosts = await mapWithConcurrency(input.hosts, ctx.concurrency ?? DEFAULT_CONCURRENCY, async (host) => {
    const result = newResult(host);
    try {
      return await perHost(host, shared, result);
    } catch (error) {
      return failed(result, translate(error, host));
    }
  });
  return { cdn, hosts, complete: isComplete(hosts) };
}

export async function runPreview<A>(
  cdn: CdnId,
  input: PlanInput,
  ctx: ApplyContext,
  translate: (error: unknown, host?: string) => ProviderError,
  account: () => Promise<A>,
  perHost: (host: string, account: A) => Promise<HostPreview>,
): Promise<ApplyPreview> {
  let shared: A;
  try {
    shared = await account();
  } catch (error) {
    const e = translate(error);
    return { cdn, hosts: input.hosts.map((host) => ({ host, changes: [], error: e })) };
  }
  const hosts = await mapWithConcurrency(input.hosts, ctx.concurrency ?? DEFAULT_CONCURRENCY, async (host) => {
    try {
      return await perHost(host, shared);
    } catch (error) {
      return { host, changes: [], error: translate(error, host) };
    }
  });
  return { cdn, hosts };
}
