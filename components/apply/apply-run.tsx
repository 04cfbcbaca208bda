"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { applyAction } from "@/lib/actions/apply-actions";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { planQueryString, type PlanQuery } from "@/lib/plan/url";
import type { ApplyReport, ProviderInfo, UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import { applyRequest, credentialHint, unwrap } from "./apply-shared";
import type { Account } from "./credentials-form";
import { ReportView } from "./report-view";
import { rememberedSandboxTargets, rememberSandboxTargets } from "./sandbox-created";
import { UndoPanel } from "./undo-panel";
import { ValidationRecordsAtDnsHost } from "@/components/dns-switch/validation-records";

// Each poll re-runs apply (idempotent), which costs several API calls per host: start at 5 s and back
// off to a minute, so even 50 hosts stay far inside the providers' rate limits.
const FIRST_POLL_MS = 5000;
const LONGEST_POLL_MS = 60_000;
const POLL_FOR_AT_MOST_MS = 20 * 60 * 1000;

function nextPollDelay(polls: number): number {
  return Math.min(LONGEST_POLL_MS, FIRST_POLL_MS * 1.5 ** polls);
}

/**
 * The apply run after the person confirmed the preview: apply, then poll until every host is done. Loaded
 * only at that point (with TanStack Query, which does the polling), so the credentials step stays small.
 */
export function ApplyRun(props: { query: PlanQuery; provider: ProviderInfo; account: Account; startedAt: number; confirmation?: string }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={client}>
      <Run {...props} />
    </QueryClientProvider>
  );
}

/** `confirmation`: what the person confirms before apply switches in place, from the server page (lib/plan/switch-confirmation.ts). */
function Run({ query, provider, account, startedAt, confirmation }: { query: PlanQuery; provider: ProviderInfo; account: Account; startedAt: number; confirmation?: string }) {
  const [confirmedByPerson, setConfirmedByPerson] = useState(false);
  const sandbox = account.kind === "sandbox";
  /** What this apply session created, across its polling runs (and, in the sandbox, before a reload): what undo may remove. */
  const [created, setCreated] = useState<UndoTarget[]>(() => (sandbox ? rememberedSandboxTargets(provider.id, query.hosts) : []));
  useEffect(() => {
    if (sandbox) rememberSandboxTargets(provider.id, query.hosts, created);
  }, [sandbox, provider.id, query.hosts, created]);
  const [undoing, setUndoing] = useState(false);
  const base = { ...applyRequest(query), linkBrandingValidated: confirmedByPerson };

  // Apply is idempotent, so polling it both reports progress and continues once a certificate is issued.
  const apply = useQuery<ApplyReport, Error>({
    queryKey: ["apply", base, account.kind],
    enabled: !undoing,
    queryFn: async () => {
      const report = unwrap(await applyAction({ ...base, account }));
      setCreated((previous) => createdTargets(report, previous));
      return report;
    },
    refetchInterval: (q) => {
      const data = q.state.data;
      // A failed host needs the person (or a fix elsewhere): retrying it on a timer only burns rate limit.
      if (undoing || q.state.error || !data || data.complete || data.hosts.some((h) => h.outcome === "failed")) return false;
      if (Date.now() - startedAt > POLL_FOR_AT_MOST_MS) return false;
      return nextPollDelay(q.state.dataUpdateCount);
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
      {report && !report.complete && !failed && !undoing && <Waiting since={startedAt} fetching={apply.isFetching} />}
      {report && failed && !undoing && <p className="text-sm text-slate-700">Checking stopped because a host failed: fix what its message says, then apply again.</p>}
      {report && <ReportView report={report} created={created} />}
      {report && !undoing && <ValidationRecordsAtDnsHost hosts={query.hosts} records={report.hosts.flatMap((h) => h.records)} sandbox={sandbox} />}
      {report && !undoing && (confirmedByPerson || !report.complete) && confirmation && (
        <label className="flex items-start gap-3 rounded-md border border-slate-300 bg-white p-3">
          <input type="checkbox" className="mt-1 size-4 accent-brand-600" checked={confirmedByPerson} onChange={(e) => setConfirmedByPerson(e.target.checked)} />
          <span>{confirmation}. Apply then finishes the switch for the hosts that are ready.</span>
        </label>
      )}
      <div className="no-print flex flex-wrap gap-3">
        {report && !undoing && (failed || apply.error) && (
          <button type="button" className={buttonSecondary} onClick={() => apply.refetch()}>
            Apply again (changes nothing that already exists)
          </button>
        )}
        {report?.complete && !undoing && (
          <Link className={buttonPrimary} href={`/setup?${planQueryString({ ...query, targets, step: "test" })}`}>
            Continue: test before the switch
          </Link>
        )}
      </div>
      {report && created.length > 0 && (
        <UndoPanel
          cdn={provider.id}
          providerName={provider.name}
          account={account}
          targets={created}
          applyBusy={apply.isFetching}
          onPause={() => setUndoing(true)}
          onResume={() => setUndoing(false)}
        />
      )}
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
    <div className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950">
      <p role="status">
        Waiting for the provider: certificates are validated once their DNS records are live, and new deployments take a few minutes. Checking again automatically, less often as time passes{fetching ? " (checking now)" : ""}.
      </p>
      {/* Outside the live region: a ticking clock must not be announced every second. */}
      <p className="mt-1 text-sm">Elapsed {elapsed}.</p>
    </div>
  );
}
