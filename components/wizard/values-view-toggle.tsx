import Link from "next/link";
import { planQueryString, type PlanQuery, type ValuesView } from "@/lib/plan/query";

const OPTIONS: { view: ValuesView; label: string }[] = [
  { view: "list", label: "Show as list" },
  { view: "console", label: "Show as console panels" },
];

/**
 * List or console pictures. A pair of links, not a client switch: the choice lives in the URL (`view=console`),
 * so it works without JavaScript, survives reload and back, and travels with the share link.
 */
export function ValuesViewToggle({ query }: { query: PlanQuery }) {
  const current = query.view ?? "list";
  return (
    <div role="group" aria-label="How to show the console values" className="no-print mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-slate-800" aria-hidden="true">
        Values:
      </span>
      {OPTIONS.map((o) => {
        const active = o.view === current;
        return (
          <Link
            key={o.view}
            href={`/setup?${planQueryString({ ...query, view: o.view })}`}
            aria-current={active ? "true" : undefined}
            replace
            scroll={false}
            className={`inline-flex min-h-11 items-center rounded-md border px-3 font-medium ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100"}`}
          >
            {o.label}
          </Link>
        );
      })}
    </div>
  );
}
