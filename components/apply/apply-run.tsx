"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { applyAction } from "@/app/setup/apply-actions";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { planQueryString, type PlanQuery } from "@/lib/plan/query-string";
import type { ApplyReport, ProviderInfo } from "@/lib/providers/types";
import type { Account } from "./credentials-form";
import { ReportView } from "./report-view";
import { credentialHint, unwrap } from "./apply-shared";

const POLL_EVERY_MS = 3000;
const POLL_FOR_AT_MOST_MS = 20 * 60 * 1000;

/**
 * The apply run after the person confirmed the preview: apply, then poll until every host is done. Loaded
 * only at that point (with TanStack Query, which does the polling), so the credentials step stays small.
 */
export function ApplyRun(props: { query: PlanQuery; provider: ProviderInfo; account: Account; startedAt: number }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={client}>
      <Run {...props} />
    </QueryClientProvider>
  );
}

function Run({ query, provider, account, startedAt }: { query: PlanQuery; provider: ProviderInfo; account: Account; startedAt: number }) {
  const [confirmedByPerson, setConfirmedByPerson] = useState(false);
  const base = { cdn: query.cdn, hosts: query.hosts, region: query.region, linkBrandingValidated: confirmedByPerson };

  // Apply is idempotent, so polling it both reports progress and continues once a certificate is issued.
  const apply = useQuery<ApplyReport, Error>({
    queryKey: ["apply", base, account.kind],
    queryFn: async () => unwrap(await applyAction({ ...base, account })),
    refetchInterval: (q) => {
      const data = q.state.data;
      if (q.state.error || !data || data.complete) return false;
      return Date.now() - startedAt > POLL_FOR_AT_MOST_MS ? false : POLL_EVERY_MS;
    },
  });

  const report = apply.data;
  const targets = query.hosts.map((h) => report?.hosts.find((r) => r.host === h)?.target);
  const failed = report?.hosts.some((h) => h.outcome === "failed");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{credentialHint(account, provider)}</p>
      {apply.isPending && <p role="status">Applying…</p>}
      {apply.error && (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2">
          {apply.error.message}
        </p>
      )}
      {report && !report.complete && !failed && <Waiting since={startedAt} fetching={apply.isFetching} />}
      {report && <ReportView report={report} />}
      {report && (confirmedByPerson || !report.complete) && provider.applyConfirmation && (
        <label className="flex items-start gap-3 rounded-md border border-slate-300 bg-white p-3">
          <input type="checkbox" className="mt-1 size-4 accent-brand-600" checked={confirmedByPerson} onChange={(e) => setConfirmedByPerson(e.target.checked)} />
          <span>{provider.applyConfirmation}. Apply then finishes the switch for the hosts that are ready.</span>
        </label>
      )}
      <div className="no-print flex flex-wrap gap-3">
        {report && (failed || apply.error) && (
          <button type="button" className={buttonSecondary} onClick={() => apply.refetch()}>
            Apply again (changes nothing that already exists)
          </button>
        )}
        {report?.complete && (
          <Link className={buttonPrimary} href={`/setup?${planQueryString({ ...query, targets, step: "test" })}`}>
            Continue: test before the switch
          </Link>
        )}
      </div>
    </div>
  );
}

function Waiting({ since, fetching }: { since: number; fetching: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  const elapsed = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <p role="status" className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950">
      Waiting for the provider: certificates are validated once their DNS records are live, and new distributions take a few minutes to deploy. Checking every {POLL_EVERY_MS / 1000} s{fetching ? " (checking now)" : ""}. Elapsed {elapsed}.
    </p>
  );
}
