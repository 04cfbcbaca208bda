import type { ConsoleControl, EntryKind, PlanField, SettingGroup } from "@/lib/domain/plan";
import type { CopyRenderer } from "./value";

/**
 * A picture of one console panel, drawn in HTML: the fields in the console's order, each drawn as the
 * console draws it (text box, drop-down, radio option, checkbox, switch, name chips) with our value
 * filled in, and the fields to change highlighted. It is a read-only structure, not a form: a
 * figure named by its heading, described by the legend, with the fields as a description list, so a
 * screen reader hears "Origin domain, change, type: sendgrid.net". Everything comes from the plan
 * (labels from each provider's labels.ts), so it never goes stale like a screenshot.
 */

/** The id of the legend every panel points at with aria-describedby. */
export const CONSOLE_LEGEND_ID = "console-panel-legend";

const DEFAULT_CONTROL: Record<EntryKind, ConsoleControl> = {
  type: "input",
  blank: "input",
  choose: "select",
  check: "checkbox",
  uncheck: "checkbox",
};

export function controlOf(f: PlanField): ConsoleControl {
  return f.control ?? DEFAULT_CONTROL[f.entry];
}

/** What a screen reader hears before the value: what the picture shows the person doing. */
function spokenAction(control: ConsoleControl, entry: EntryKind): string {
  if (entry === "blank") return "leave empty";
  if (control === "checkbox") return entry === "uncheck" ? "unticked" : "ticked";
  if (control === "toggle") return entry === "uncheck" ? "switched off" : "switched on";
  if (control === "radio" || control === "select") return "selected";
  return entry === "choose" ? "selected" : "type";
}

const box = "flex min-h-9 w-full min-w-0 items-center rounded border border-slate-500 bg-white px-2 py-1 text-sm text-slate-900 print:min-h-0 print:py-0.5";

function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="ml-auto size-4 shrink-0 text-slate-700">
      <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function Mark({ control, on }: { control: "radio" | "checkbox" | "toggle"; on: boolean }) {
  if (control === "toggle") {
    return (
      <svg aria-hidden="true" viewBox="0 0 32 18" className="h-[18px] w-8 shrink-0">
        <rect x="1" y="1" width="30" height="16" rx="8" className={on ? "fill-brand-600 stroke-brand-700" : "fill-white stroke-slate-600"} strokeWidth="1.5" />
        <circle cx={on ? 23 : 9} cy="9" r="5.5" className={on ? "fill-white" : "fill-slate-600"} />
      </svg>
    );
  }
  if (control === "radio") {
    return (
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0">
        <circle cx="8" cy="8" r="6.75" className="fill-white stroke-slate-700" strokeWidth="1.5" />
        {on && <circle cx="8" cy="8" r="3.5" className="fill-brand-600" />}
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0">
      <rect x="1" y="1" width="14" height="14" rx="2" className={on ? "fill-brand-600 stroke-brand-700" : "fill-white stroke-slate-700"} strokeWidth="1.5" />
      {on && <path d="M4 8.5l2.5 2.5L12 5.5" fill="none" stroke="white" strokeWidth="2" />}
    </svg>
  );
}

/** The drawn control with the value in it. */
function Control({ f }: { f: PlanField }) {
  const control = controlOf(f);
  const spoken = <span className="sr-only">{spokenAction(control, f.entry)}: </span>;
  if (f.entry === "blank") {
    return (
      <span className={box}>
        <span className="text-sm italic text-slate-600">leave empty</span>
      </span>
    );
  }
  switch (control) {
    case "input":
    case "textarea":
      return (
        <span className={`${box} ${control === "textarea" ? "min-h-14 items-start" : ""}`}>
          {spoken}
          <code className="min-w-0 break-all font-mono">{f.value}</code>
        </span>
      );
    case "tokens":
      return (
        <span className={`${box} flex-wrap gap-1`}>
          {spoken}
          {f.value.split(", ").map((name, i, all) => (
            <code key={name} className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-slate-900">
              {name}
              {i < all.length - 1 && <span className="sr-only">, </span>}
            </code>
          ))}
        </span>
      );
    case "select":
      return (
        <span className={`${box} gap-2`}>
          {spoken}
          <span className="min-w-0 break-words">{f.value}</span>
          <Chevron />
        </span>
      );
    case "radio":
    case "checkbox":
    case "toggle":
      return (
        <span className="flex min-h-9 items-center gap-2 text-sm text-slate-900 print:min-h-0">
          <Mark control={control} on={f.entry !== "uncheck"} />
          <span className="min-w-0 break-words">
            {spoken}
            {f.value}
          </span>
        </span>
      );
    default: {
      const never: never = control;
      return never;
    }
  }
}

export function ConsolePanel({ group, host, cdnName, copy }: { group: SettingGroup; host: string; cdnName: string; copy?: CopyRenderer }) {
  const headingId = `panel-${host}-${group.id}`.replace(/[^a-z0-9-]/g, "-");
  return (
    <figure aria-labelledby={headingId} aria-describedby={CONSOLE_LEGEND_ID} className="mt-4 overflow-hidden rounded-lg border border-slate-400 bg-white shadow-sm [print-color-adjust:exact] print:mt-1.5 print:break-inside-avoid print:shadow-none">
      <div aria-hidden="true" className="flex items-center gap-1.5 border-b border-slate-300 bg-slate-100 px-3 py-1.5 print:py-0.5">
        <span className="size-2.5 rounded-full border border-slate-500 bg-slate-300" />
        <span className="size-2.5 rounded-full border border-slate-500 bg-slate-300" />
        <span className="size-2.5 rounded-full border border-slate-500 bg-slate-300" />
        <span className="ml-2 truncate text-xs text-slate-700">{cdnName} console</span>
      </div>
      <div className="px-3 py-3 sm:px-4 print:px-2 print:py-1">
        <h4 id={headingId} className="font-semibold text-slate-900">
          <span className="sr-only">Console panel: </span>
          {group.title}
        </h4>
        <dl className="mt-2 space-y-1.5 print:mt-1 print:space-y-0.5">
          {group.fields.map((f) => (
            <div
              key={f.id}
              className={`avoid-break rounded-md px-2 py-1.5 print:py-0.5 ${f.changeFromDefault ? "bg-amber-50 outline-2 outline-amber-600" : ""}`}
            >
              <dt className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                {f.label}
                {f.changeFromDefault && <span className="rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">Change</span>}
              </dt>
              <dd className="mt-1 text-sm">
                <span className="flex items-start gap-2">
                  <span className="flex w-full min-w-0 max-w-md">
                    <Control f={f} />
                  </span>
                  {f.entry === "type" && copy?.(f.value, f.label)}
                </span>
                {f.note && (
                  <span className="mt-1 block max-w-xl text-xs text-slate-700">
                    <span className="font-semibold text-brand-900">Note: </span>
                    {f.note}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </figure>
  );
}

/** The key to the pictures: shown once above them, and the description of every panel. */
export function ConsoleLegend() {
  return (
    <div id={CONSOLE_LEGEND_ID} className="rounded-md border border-slate-300 bg-white px-4 py-3 text-sm text-slate-800 [print-color-adjust:exact] print:break-inside-avoid print:py-1">
      <p className="font-semibold text-slate-900">How to read the console pictures</p>
      <ul className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-2">
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-6 shrink-0 rounded-sm bg-amber-50 outline-2 outline-amber-600" />
          <span>
            <span className="rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">Change</span> a field the console fills in differently: set it as shown.
          </span>
        </li>
        <li>Other fields: check they show this value (usually the console&apos;s default).</li>
        <li className="flex items-center gap-2">
          <Mark control="radio" on /> <Mark control="checkbox" on /> <Mark control="toggle" on />
          <span>select this option, tick the box, switch it on.</span>
        </li>
        <li className="flex items-center gap-2">
          <Mark control="checkbox" on={false} /> <Mark control="toggle" on={false} />
          <span>
            leave unticked or off. A box with an arrow (<span aria-hidden="true">▾</span>) is a drop-down list.
          </span>
        </li>
      </ul>
      <p className="mt-2 text-xs text-slate-700">Fields appear in the console&apos;s order. The list view has the API names and the older labels of the seed document.</p>
    </div>
  );
}
