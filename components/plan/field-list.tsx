import type { EntryKind, SettingGroup } from "@/lib/domain/plan";
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
          <div key={f.id} className={f.changeFromDefault ? "avoid-break field-row bg-amber-50" : "avoid-break field-row"}>
            <dt className="text-sm">
              <span className="font-medium text-slate-900">{f.label}</span>
              {f.seedLabel && <span className="field-seed">Seed: {f.seedLabel}</span>}
            </dt>
            <dd className="min-w-0 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="chip">{ENTRY_TEXT[f.entry]}</span>
                {f.changeFromDefault && <span className="chip-change">change</span>}
                {f.entry === "blank" ? <span className="text-slate-700">(empty)</span> : <Value value={f.value} label={f.label} copy={f.entry === "type" ? copy : undefined} />}
              </div>
              {f.note && <p className="mt-1 text-slate-700 print:mt-0 print:text-xs">{f.note}</p>}
              {f.api && <p className="no-print field-api">API: {f.api}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
