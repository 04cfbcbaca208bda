"use client";

import { QueryClient, useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { VerifyErrorBody, VerifyReport } from "@/lib/verify/types";
import { nextPollMs, verifyQueryString, type VerifyRequest } from "@/lib/verify/ui";

/**
 * The live verification of the Test and DNS steps: GET /api/verify through TanStack Query. One QueryClient
 * per browser tab (module scope), so the DNS step reuses the Test step's fresh result after a client-side
 * navigation instead of asking again; on the server each render gets its own (nothing is fetched there).
 */

export class VerifyError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field: VerifyErrorBody["error"]["field"],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface VerifyResult {
  report: VerifyReport;
  /** When the first answer with a pending check arrived; polling stops POLL_FOR_AT_MOST_MS after it. */
  pendingSince?: number;
}

/** A result this young is shown again (DNS step after the Test step) rather than checked again. */
const FRESH_FOR_MS = 2 * 60_000;
/** 429: wait as the route says, at most this many times. */
const RATE_LIMIT_RETRIES = 3;

const makeClient = () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: FRESH_FOR_MS } } });
let browserClient: QueryClient | undefined;

export function verifyQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeClient();
  return (browserClient ??= makeClient());
}

/** When the request in flight for a query started, for the visible elapsed time (read while re-rendering each second). */
const fetchStartedAt = new Map<string, number>();

async function fetchReport(qs: string, signal: AbortSignal): Promise<VerifyReport> {
  let res: Response;
  try {
    res = await fetch(`/api/verify?${qs}`, { signal, cache: "no-store", headers: { accept: "application/json" } });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new VerifyError("The verifier could not be reached. Check your connection, then Re-check.", 0, null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && body && typeof body === "object" && "hosts" in body) return body as VerifyReport;
  const error = (body as VerifyErrorBody | null)?.error;
  const retryAfter = (body as VerifyErrorBody | null)?.retryAfterSeconds;
  throw new VerifyError(error?.message ?? `The verifier answered HTTP ${res.status}; Re-check.`, res.status, error?.field ?? null, retryAfter);
}

/** The query of one verification request; outside the hook because its callbacks run outside render. */
function verifyOptions(qs: string, client: QueryClient) {
  const queryKey = ["verify", qs] as const;
  return {
    queryKey,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<VerifyResult> => {
      fetchStartedAt.set(qs, Date.now());
      const report = await fetchReport(qs, signal);
      const previous = client.getQueryData<VerifyResult>(queryKey);
      return { report, pendingSince: report.pending ? (previous?.pendingSince ?? Date.now()) : undefined };
    },
    retry: (count: number, error: VerifyError) => error.status === 429 && count < RATE_LIMIT_RETRIES,
    retryDelay: (_count: number, error: VerifyError) => Math.max(1, error.retryAfterSeconds ?? 3) * 1000,
    refetchInterval: (q: Query<VerifyResult, VerifyError, VerifyResult, readonly ["verify", string]>) =>
      nextPollMs(q.state.data?.report, q.state.status === "error", q.state.data?.pendingSince, Date.now()),
  };
}

export function useVerify(request: VerifyRequest) {
  const qs = verifyQueryString(request);
  const client = useQueryClient();
  const options = verifyOptions(qs, client);
  const query = useQuery<VerifyResult, VerifyError, VerifyResult, readonly ["verify", string]>(options);

  /** A person's Re-check: always asks again, and restarts the polling cap. */
  const recheck = () => {
    client.setQueryData<VerifyResult>(options.queryKey, (old) => (old ? { ...old, pendingSince: undefined } : old));
    void query.refetch();
  };

  // A function: read when the elapsed time re-renders, after the request has started.
  const startedAt = () => fetchStartedAt.get(qs);
  return { query, result: query.data, recheck, startedAt };
}

/** The current time, ticking every second while `active` (for elapsed times). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active]);
  return now;
}
