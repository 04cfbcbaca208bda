import { RecordList } from "@/components/plan/record-list";
import { copyButton } from "@/components/ui/copy-control";
import { Value } from "@/components/plan/value";
import { card } from "@/components/ui/styles";
import type { ApplyPreview, ApplyReport, UndoTarget } from "@/lib/providers/types";
import { OutcomeChip } from "./outcome-chip";

export function PreviewView({ preview }: { preview: ApplyPreview }) {
  return (
    <ul className="space-y-4">
      {preview.hosts.map((h) => (
        <li key={h.host} className={card}>
          <h3 className="break-all text-lg font-semibold">{h.host}</h3>
          {h.error ? (
            <ErrorBox code={h.error.code} message={h.error.message} action={h.error.action} />
          ) : (
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Changes for {h.host}</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-2">Resource</th>
                  <th scope="col" className="py-1 pr-2">Action</th>
                  <th scope="col" className="py-1">Now → after</th>
                </tr>
              </thead>
              <tbody>
                {h.changes.map((c) => (
                  <tr key={c.resource} className="border-b border-slate-100 align-top">
                    <td className="py-1 pr-2">{c.resource}</td>
                    <td className="py-1 pr-2 font-medium">{c.action}</td>
                    <td className="break-all py-1">
                      {c.current ? `${c.current} → ` : ""}
                      {c.next}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ErrorBox({ code, message, action }: { code: string; message: string; action: string }) {
  return (
    <div role="alert" className="mt-2 rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm text-red-950">
      <p className="font-semibold">{message}</p>
      <p className="mt-1">What to do: {action}</p>
      <p className="mt-1 font-mono text-xs">Provider code: {code}</p>
    </div>
  );
}

/**
 * `created`: what this apply session created across its runs (apply is re-run while it polls, and a
 * later run sees what an earlier one created as existing). Defaults to this report's own flags.
 */
export function ReportView({ report, created }: { report: ApplyReport; created?: readonly UndoTarget[] }) {
  const createdHere = (r: { kind: string; id: string; createdByThisRun: boolean }) => r.createdByThisRun || (created ?? []).some((t) => t.kind === r.kind && t.id === r.id);
  return (
    <ul className="space-y-4">
      {report.hosts.map((h) => (
        <li key={h.host} className={card}>
          <div className="flex flex-wrap items-center gap-3">
            <h3 className="break-all text-lg font-semibold">{h.host}</h3>
            <OutcomeChip outcome={h.outcome} />
          </div>
          <p className="mt-2">{h.summary}</p>
          {h.target && (
            <p className="mt-2 text-sm">
              <span className="font-medium">CNAME target for the DNS switch: </span>
              <Value value={h.target} label={`CNAME target for ${h.host}`} copy={copyButton} />
            </p>
          )}
          {h.error && <ErrorBox {...h.error} />}
          {h.records.length > 0 && <RecordList records={h.records} caption="Create these records at your DNS host now" copy={copyButton} />}
          {h.differences.length > 0 && (
            <div className="mt-3 text-sm">
              <p className="font-semibold">Differences from the plan in what already exists:</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {h.differences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </div>
          )}
          {h.resources.length > 0 && (
            <ul className="mt-3 space-y-1 text-sm text-slate-700">
              {h.resources.map((r) => (
                <li key={r.id} className="break-all">
                  {r.kind}: <code>{r.id}</code>
                  {r.status ? ` · ${r.status}` : ""}
                  {createdHere(r) ? " · created by this run" : " · already existed"}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
