"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { undoAction } from "@/lib/actions/apply-actions";
import { buttonSecondary, card } from "@/components/ui/styles";
import type { CdnId } from "@/lib/domain/plan";
import type { UndoReport, UndoResult, UndoTarget } from "@/lib/providers/types";
import { mergeResults } from "@/lib/providers/undo-targets";
import { unwrap } from "./apply-shared";
import type { Account } from "./credentials-form";
import { UndoOutcomeChip } from "./outcome-chip";
import { ErrorBox } from "./report-view";

/** While something waits (a resource the provider is still disabling), undo runs again by itself. */
const UNDO_POLL_MS = 5000;
const UNDO_POLL_FOR_AT_MOST_MS = 30 * 60 * 1000;

const buttonDanger =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60";

type Phase = "idle" | "confirm" | "started";

function TargetList({ targets }: { targets: readonly UndoTarget[] }) {
  return (
    <ul className="mt-3 space-y-1 text-sm">
      {targets.map((t) => (
        <li key={`${t.kind} ${t.id}`} className="break-all">
          {t.kind} <code>{t.id}</code> for {t.host}
        </li>
      ))}
    </ul>
  );
}

function summary(results: readonly UndoResult[]): string {
  const count = (o: UndoResult["outcome"]) => results.filter((r) => r.outcome === o).length;
  const parts = [`${count("removed")} of ${results.length} removed`];
  if (count("waiting") > 0) parts.push(`${count("waiting")} waiting`);
  if (count("refused") > 0) parts.push(`${count("refused")} left alone`);
  if (count("failed") > 0) parts.push(`${count("failed")} failed`);
  return `${parts.join(", ")}.`;
}

/**
 * "Undo what this run created": lists exactly what this apply session created, asks for confirmation
 * with that list, then removes it and shows each resource's result. The server re-checks every resource
 * (it must carry the mark apply sets) and leaves anything else alone. Credentials stay in memory.
 */
export function UndoPanel({
  cdn,
  providerName,
  account,
  targets,
  applyBusy,
  onPause,
  onResume,
}: {
  cdn: CdnId;
  providerName: string;
  account: Account;
  targets: readonly UndoTarget[];
  /** An apply request is still on its way: what it creates joins the list before anything is removed. */
  applyBusy: boolean;
  /** Apply stops polling while undo is considered (it would create things again), and for good once undo starts. */
  onPause: () => void;
  onResume: () => void;
}) {
  const [phase, setPhase] = useState<Phase>("idle");
  const [confirmed, setConfirmed] = useState<UndoTarget[]>([]);
  const [results, setResults] = useState<UndoResult[]>([]);
  const [startedAt, setStartedAt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (phase !== "idle") heading.current?.focus();
  }, [phase]);

  const undo = useQuery<UndoReport, Error>({
    queryKey: ["undo", cdn, confirmed],
    enabled: phase === "started",
    queryFn: async () => {
      const report = unwrap(await undoAction({ cdn, account, resources: confirmed }));
      setResults((previous) => mergeResults(previous, report.results));
      return report;
    },
    refetchInterval: (q) => {
      const data = q.state.data;
      if (q.state.error || !data || !data.results.some((r) => r.outcome === "waiting")) return false;
      return Date.now() - startedAt > UNDO_POLL_FOR_AT_MOST_MS ? false : UNDO_POLL_MS;
    },
  });

  const count = `${targets.length} resource${targets.length === 1 ? "" : "s"}`;
  const where = account.kind === "sandbox" ? "the sandbox account" : `your ${providerName} account`;

  if (phase === "idle") {
    return (
      <section aria-labelledby="undo-created-title" className={`${card} no-print`}>
        <h3 id="undo-created-title" className="text-lg font-semibold">
          What this run created
        </h3>
        <p className="mt-1 text-sm text-slate-700">Undo removes exactly these from {where}, and nothing that existed before this run.</p>
        <TargetList targets={targets} />
        <button
          type="button"
          className={`${buttonSecondary} mt-4`}
          onClick={() => {
            onPause();
            setPhase("confirm");
          }}
        >
          Undo what this run created
        </button>
      </section>
    );
  }

  if (phase === "confirm") {
    return (
      <section aria-labelledby="undo-confirm-title" className={`${card} no-print border-red-300`}>
        <h3 id="undo-confirm-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          Remove these {count} from {where}?
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          Only these are removed, each after a check that it carries the mark this wizard puts on what it creates; anything else is left alone. The hostnames below stop
          working through {providerName} until you apply again.
        </p>
        <TargetList targets={targets} />
        {applyBusy && (
          <p role="status" className="mt-2 text-sm">
            Apply is finishing a check; anything it creates is added to this list first.
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            className={buttonSecondary}
            onClick={() => {
              setPhase("idle");
              onResume();
            }}
          >
            Keep them
          </button>
          <button
            type="button"
            className={buttonDanger}
            disabled={applyBusy}
            onClick={() => {
              setConfirmed([...targets]);
              setStartedAt(Date.now());
              setPhase("started");
            }}
          >
            Remove these {count}
          </button>
        </div>
      </section>
    );
  }

  const report = undo.data;
  const waiting = results.some((r) => r.outcome === "waiting");
  return (
    <section aria-labelledby="undo-result-title" className={card}>
      <h3 id="undo-result-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Undo
      </h3>
      <p role="status" className="mt-1">
        {results.length === 0 ? (undo.error ? "" : "Removing…") : `${summary(results)}${waiting ? ` Checking again every ${UNDO_POLL_MS / 1000} s${undo.isFetching ? " (checking now)" : ""}.` : ""}`}
      </p>
      {undo.error && (
        <p role="alert" className="mt-2 rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2">
          {undo.error.message}
        </p>
      )}
      {results.length > 0 && (
        <ul className="mt-3 space-y-3">
          {results.map((r) => (
            <li key={`${r.kind} ${r.id}`} className="border-t border-slate-200 pt-3">
              <div className="flex flex-wrap items-center gap-3">
                <UndoOutcomeChip outcome={r.outcome} />
                <span className="break-all text-sm">
                  {r.kind} <code>{r.id}</code> for {r.host}
                </span>
              </div>
              {r.error ? (
                <ErrorBox {...r.error} />
              ) : (
                <p className="mt-1">{r.message}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {(undo.error || (report && !report.complete)) && (
        <button type="button" className={`${buttonSecondary} no-print mt-4`} disabled={undo.isFetching} onClick={() => undo.refetch()}>
          Run undo again (continues where it stopped)
        </button>
      )}
    </section>
  );
}
