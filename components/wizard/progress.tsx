import Link from "next/link";
import { planQueryString, type PlanQuery } from "@/lib/plan/query";
import { WIZARD_STEPS, stepIndex, type WizardStep } from "@/lib/wizard/steps";

/** The step list: done steps link back, the current one is marked for screen readers. */
export function Progress({ query, current }: { query: PlanQuery; current: WizardStep }) {
  const currentIndex = stepIndex(current.id);
  const firstUnanswered = WIZARD_STEPS.findIndex((s) => s.answered && !s.answered(query));
  const reachable = (i: number) => firstUnanswered === -1 || i <= firstUnanswered;
  return (
    <nav aria-label="Wizard steps" className="no-print">
      <ol className="flex flex-wrap gap-2 text-sm">
        {WIZARD_STEPS.map((s, i) => {
          const isCurrent = s.id === current.id;
          const label = `${i + 1}. ${s.title}`;
          const cls = `inline-flex min-h-9 items-center rounded-full border px-3 ${
            isCurrent ? "border-brand-600 bg-brand-600 text-white" : i < currentIndex ? "border-brand-100 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-700"
          }`;
          return (
            <li key={s.id}>
              {isCurrent || !reachable(i) ? (
                <span className={cls} aria-current={isCurrent ? "step" : undefined}>
                  {label}
                </span>
              ) : (
                <Link className={`${cls} underline-offset-4 hover:underline`} href={`/setup?${planQueryString({ ...query, step: s.id })}`}>
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
