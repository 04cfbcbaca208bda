import { resolveEsp } from "@/lib/esps/choice";
import { describe } from "@/lib/verify/diagnose";
import { DIAGNOSIS_LABELS } from "@/lib/verify/labels";
import { decodeSummary, type SummaryCheck } from "@/lib/verify/summary";
import { CHECK_TITLES, type CheckId, type DiagnosisId } from "@/lib/verify/types";
import { CHIP_LABELS } from "@/lib/verify/ui";
import type { Plan } from "@/lib/domain/plan";
import { Chip } from "./checks";

/**
 * The checklist's "Last verification" (server component): the wizard's last result, carried in the link as a
 * compact summary (lib/verify/summary.ts), printed as it was reported. Nothing is fetched or re-checked here, and
 * the page says so: anyone can write such a link.
 */
/** Failing and pending checks grouped by diagnosis: one certificate error fails the gate, TLS and HTTPS alike. */
function problems(checks: SummaryCheck[]): { diagnosis: DiagnosisId; status: SummaryCheck["status"]; checks: CheckId[] }[] {
  const groups: { diagnosis: DiagnosisId; status: SummaryCheck["status"]; checks: CheckId[] }[] = [];
  for (const c of checks) {
    if (!c.diagnosis) continue;
    const group = groups.find((g) => g.diagnosis === c.diagnosis && g.status === c.status);
    if (group) group.checks.push(c.id);
    else groups.push({ diagnosis: c.diagnosis, status: c.status, checks: [c.id] });
  }
  return groups;
}

export function LastVerification({ raw, plan, targets, override }: { raw: string; plan: Plan; targets: (string | undefined)[]; override: boolean }) {
  const decoded = decodeSummary(raw, plan.hosts.length);
  const esp = resolveEsp(plan);
  return (
    <section aria-labelledby="cl-verification" className="avoid-break mt-6 rounded-md border border-slate-300 bg-white p-4 print:mt-3 print:p-2">
      <h2 id="cl-verification" className="text-xl font-bold text-brand-900">
        Last verification
      </h2>
      {!decoded.ok ? (
        <p role="note" className="mt-2">
          {decoded.message}
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm">
            Checked on {decoded.summary.checkedAt.slice(0, 16).replace("T", " at ")} UTC by the wizard&apos;s Test step, as carried in this page&apos;s link. This page did not check
            again: run the Test step before you change DNS.
          </p>
          {override && (
            <p role="note" className="mt-2 rounded-md border-2 border-amber-700 px-3 py-2 text-sm font-semibold text-amber-950">
              Override recorded: the person chose to switch DNS although verification did not pass for every hostname.
            </p>
          )}
          <ul className="mt-3 space-y-3">
            {decoded.summary.hosts.map((h, i) => {
              const host = plan.hosts[i]!.host;
              const verdict = h.ready ? (h.phase === "after" ? "switched, answers through the CDN" : "ready to switch") : "not ready to switch";
              const ctx = { cdn: plan.cdn, host, target: targets[i] ?? null, origin: plan.origin, esp };
              return (
                <li key={host} className="avoid-break">
                  <p className="break-all font-semibold">
                    {host}: {verdict}
                  </p>
                  <ul aria-label={`Checks for ${host}`} className="mt-1 flex flex-wrap gap-2">
                    {h.checks.map((c) => (
                      <Chip key={c.id} label={CHIP_LABELS[c.id]} status={c.status} />
                    ))}
                  </ul>
                  {problems(h.checks).length > 0 && (
                    <ul className="mt-1 list-disc pl-5 text-sm">
                      {problems(h.checks).map(({ diagnosis, status, checks }) => (
                        <li key={`${diagnosis}-${status}`} className="break-words">
                          <span className="font-semibold">
                            {checks.map((id) => CHECK_TITLES[id]).join(", ")} ({status === "fail" ? "failing" : "pending"}):
                          </span>{" "}
                          {DIAGNOSIS_LABELS[diagnosis]}. Fix: {describe(diagnosis, ctx).fix}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
