import type { DnsRecord, PlanStep, SettingGroup } from "@/lib/domain/plan";
import type { CopyRenderer } from "./value";
import type { ValuesView } from "@/lib/plan/query";
import { ConsolePanel } from "./console-panel";
import { FieldList } from "./field-list";
import { RecordList } from "./record-list";

/** A record that one of the step's console forms already shows, name and value (a DNS console's Add record form). */
function shownInGroup(r: DnsRecord, groups: SettingGroup[] | undefined): boolean {
  return (groups ?? []).some((g) => g.fields.some((f) => f.value === r.relativeName) && g.fields.some((f) => f.value === r.value));
}

/** One documented step for one host: intro, warnings, actions, then its values and records. */
export function PlanStepView({
  step,
  host,
  headingLevel = 3,
  number,
  tickBoxes = false,
  view = "list",
  cdnName = "",
  copy,
}: {
  step: PlanStep;
  host: string;
  headingLevel?: 3 | 4;
  number?: number;
  tickBoxes?: boolean;
  /** "console" draws each setting group as a picture of the console panel instead of rows. */
  view?: ValuesView;
  cdnName?: string;
  /** The copy control beside values; none on the printed runbook. */
  copy?: CopyRenderer;
}) {
  const Heading = `h${headingLevel}` as "h3" | "h4";
  // On paper (the checklist) a record is not printed twice: once as its console form is enough.
  const records = (step.records ?? []).filter((r) => !(tickBoxes && shownInGroup(r, step.groups)));
  return (
    <section className={`mt-6 first:mt-0 print:mt-2 ${step.groups ? "" : "avoid-break"}`}>
      <Heading className="text-lg font-semibold text-slate-900">
        {number !== undefined && `Step ${number}: `}
        {step.title}
      </Heading>
      <p className="mt-1 text-slate-700 print:text-sm">{step.intro}</p>
      {step.warnings?.map((w) => (
        <p key={w} role="note" className="mt-3 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {w}
        </p>
      ))}
      {tickBoxes ? (
        <ul className="mt-3 space-y-1 text-sm text-slate-800 print:mt-1 print:space-y-0.5">
          {step.actions.map((a) => (
            <li key={a} className="avoid-break flex items-start gap-2 break-words">
              <span aria-hidden="true" className="tick-box" />
              <span className="min-w-0">{a}</span>
            </li>
          ))}
        </ul>
      ) : (
        <ol className="mt-3 list-decimal space-y-1 pl-6 text-sm text-slate-800">
          {step.actions.map((a) => (
            <li key={a} className="break-words">
              {a}
            </li>
          ))}
        </ol>
      )}
      {step.groups && view === "console" && step.groups.map((g) => <ConsolePanel key={g.id} group={g} host={host} cdnName={cdnName} copy={copy} />)}
      {step.groups && view === "list" && (
        <div className={step.groups.length > 1 ? "print:columns-2 print:gap-4" : undefined}>
          {step.groups.map((g) => (
            <FieldList key={g.id} group={g} host={host} copy={copy} />
          ))}
        </div>
      )}
      {records.length > 0 && <RecordList records={records} caption="DNS records" copy={copy} />}
    </section>
  );
}
