import Link from "next/link";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { planQueryString, type PlanQuery } from "@/lib/plan/query";
import { neighbours, type StepId } from "@/lib/wizard/steps";

/** Back / Next links for steps that have no form of their own. */
export function StepNav({ query, step, nextLabel }: { query: PlanQuery; step: StepId; nextLabel?: string }) {
  const { previous, next } = neighbours(step);
  return (
    <div className="no-print mt-8 flex flex-wrap justify-between gap-3">
      {previous ? (
        <Link className={buttonSecondary} data-step-nav="previous" href={`/setup?${planQueryString({ ...query, step: previous.id })}`}>
          Back
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link className={buttonPrimary} data-step-nav="next" href={`/setup?${planQueryString({ ...query, step: next.id })}`}>
          {nextLabel ?? `Next: ${next.navLabel ?? next.title}`}
        </Link>
      )}
    </div>
  );
}
