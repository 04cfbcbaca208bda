import type { EntryKind, SettingGroup } from "@/lib/plan/types";
import { Value, type CopyRenderer } from "./value";

const ENTRY_TEXT: Record<EntryKind, string> = {
  type: "Type",
  choose: "Choose",
  blank: "Leave blank",
  check: "Tick / on",
  uncheck: "Untick / off",
};

/** One console panel's fields, in console order, as label → value rows. */
export function FieldList({ group, host, copy }: { group: SettingGroup; host: string; copy?: CopyRenderer }) {
  const headingId = `${host}-${group.id}`.replace(/[^a-z0-9-]/g, "-");
  return (
    <section aria-labelledby={headingId} className="mt-4 print:mt-0 print:pt-1.5">
      <h4 id={headingId} className="font-semibold text-slate-900 print:break-inside-avoid">
        {group.title}
      </h4>
      <dl className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 print:mt-1">
        {group.fields.map((f) => (
          <div key={f.id} className={`avoid-break grid gap-1 px-3 py-2 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:gap-4 print:grid-cols-[10.5rem_minmax(0,1fr)] print:gap-2 print:px-1.5 print:py-0.5 ${f.changeFromDefault ? "bg-amber-50" : ""}`}>
            <dt className="text-sm">
              <span className="font-medium text-slate-900">{f.label}</span>
              {f.seedLabel && <span className="block text-xs text-slate-600 print:inline print:before:content-['_·_']">Seed: {f.seedLabel}</span>}
            </dt>
            <dd className="min-w-0 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">{ENTRY_TEXT[f.entry]}</span>
                {f.changeFromDefault && <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-950">change</span>}
                {f.entry === "blank" ? <span className="text-slate-700">(empty)</span> : <Value value={f.value} label={f.label} copy={f.entry === "type" ? copy : undefined} />}
              </div>
              {f.note && <p className="mt-1 text-slate-700 print:mt-0 print:text-xs">{f.note}</p>}
              {f.api && <p className="no-print mt-1 font-mono text-xs text-slate-600">API: {f.api}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
