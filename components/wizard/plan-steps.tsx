import { ConsoleLegend } from "@/components/plan/console-panel";
import { copyButton } from "@/components/ui/copy-control";
import { PlanStepView } from "@/components/plan/plan-step";
import { card } from "@/components/ui/styles";
import type { ValuesView } from "@/lib/plan/query";
import type { HostPlan, Plan, PlanStep } from "@/lib/domain/plan";

/** The plan steps a wizard step shows, one card per hostname; console-panel pictures under a legend when asked. */
export function PlanSteps({ plan, select, view = "list" }: { plan: Plan; select: (hostPlan: HostPlan) => PlanStep[]; view?: ValuesView }) {
  const hasPanels = plan.hosts.some((hp) => select(hp).some((s) => s.groups?.length));
  return (
    <div className="space-y-6">
      {view === "console" && hasPanels && <ConsoleLegend />}
      {plan.hosts.map((hp) => (
        <article key={hp.host} aria-labelledby={`host-${hp.host}`} className={card}>
          <h2 id={`host-${hp.host}`} className="break-all text-xl font-semibold text-brand-900">
            {hp.host}
          </h2>
          {hp.warnings.map((w) => (
            <p key={w} role="note" className="mt-2 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              {w}
            </p>
          ))}
          <div className="mt-4">
            {select(hp).length === 0 ? (
              <p className="text-slate-700">Nothing to do here for this host: {plan.cdnName} needed this change earlier, under Configure, and it is already listed there.</p>
            ) : (
              select(hp).map((s) => <PlanStepView key={s.id} step={s} host={hp.host} view={view} cdnName={plan.cdnName} copy={copyButton} />)
            )}
          </div>
        </article>
      ))}
    </div>
  );
}
