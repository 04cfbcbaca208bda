import { CHECK_IDS, CHECK_TITLES, type CheckResult, type CheckStatus, type HostReport, type HstsReport } from "@/lib/verify/types";
import { CHIP_LABELS, FIX_TOPIC_STEP, STATUS_WORDS } from "@/lib/verify/ui";
import { WIZARD_STEPS, stepIndex, type StepId } from "@/lib/wizard/steps";

/** Rendering of a verification report: status chips per host, each failure's cause and fix, the HSTS pre-check. */

type ChipStatus = CheckStatus | "checking";

const CHIP_STYLE: Record<ChipStatus, { icon: string; cls: string }> = {
  pass: { icon: "✓", cls: "border-green-700 bg-green-50 text-green-900" },
  fail: { icon: "✕", cls: "border-red-700 bg-red-50 text-red-900" },
  pending: { icon: "…", cls: "border-amber-600 bg-amber-50 text-amber-950" },
  checking: { icon: "…", cls: "border-amber-600 bg-amber-50 text-amber-950" },
  skipped: { icon: "–", cls: "border-slate-400 bg-white text-slate-800" },
};

/** Links to each wizard step with the current plan in the query (built by the server page). */
export type StepHrefs = Record<StepId, string>;

export function Chip({ label, status }: { label: string; status: ChipStatus }) {
  const style = CHIP_STYLE[status];
  return (
    <li className={`inline-flex min-h-8 items-center gap-1.5 rounded-full border px-3 py-0.5 text-sm ${style.cls}`}>
      <span aria-hidden="true" className="font-bold">
        {style.icon}
      </span>
      <span>
        <span className="font-semibold">{label}</span>: {STATUS_WORDS[status]}
      </span>
    </li>
  );
}

/** `checks` null: no result (yet); the chips say "checking" while a request runs, else "not run". */
export function ChipRow({ host, checks, checking }: { host: string; checks: CheckResult[] | null; checking: boolean }) {
  return (
    <ul aria-label={`Checks for ${host}`} className="mt-3 flex flex-wrap gap-2">
      {CHECK_IDS.map((id) => {
        const c = checks?.find((x) => x.id === id);
        return <Chip key={id} label={CHIP_LABELS[id]} status={c ? c.status : checking ? "checking" : "skipped"} />;
      })}
    </ul>
  );
}

function stepLabel(id: StepId): string {
  return `step ${stepIndex(id) + 1}: ${WIZARD_STEPS[stepIndex(id)]!.title}`;
}

type FieldId = "verify-link" | `verify-target-${number}`;

/** A link to one of the Test step's fields: in-page there, to the Test step elsewhere. */
function fieldLink(field: FieldId, text: string, steps: StepHrefs, here: StepId): { href: string; text: string } {
  return here === "test" ? { href: `#${field}`, text } : { href: `${steps.test}#${field}`, text: `${text} in ${stepLabel("test")}` };
}

/** Where to fix what a check found: the wizard step for its fix topic, or the Test step's field for missing input. */
function fixLink(c: CheckResult, ctx: ProblemContext): { href: string; text: string } | null {
  const { report, hostIndex, steps, here, hasLink } = ctx;
  const targetField = `verify-target-${hostIndex}` as const;
  if (c.status === "skipped") {
    if (c.id === "cdn-before-switch" && report.target === null) return fieldLink(targetField, `Enter the CDN address for ${report.host}`, steps, here);
    if ((c.id === "http" || c.id === "https") && !hasLink) return fieldLink("verify-link", "Enter the tracked link", steps, here);
    return null;
  }
  if (c.status !== "fail") return null;
  const step = FIX_TOPIC_STEP[c.fixTopic];
  if (step === null) return null;
  if (step === "test") {
    return c.diagnosis === "no-tracked-link" ? fieldLink("verify-link", "Enter the tracked link", steps, here) : fieldLink(targetField, `Check the CDN address for ${report.host}`, steps, here);
  }
  const anchor = step === "configure" || step === "dns" ? `#host-${report.host}` : "";
  return { href: `${steps[step]}${anchor}`, text: `Fix it in ${stepLabel(step)}` };
}

interface ProblemContext {
  report: HostReport;
  hostIndex: number;
  steps: StepHrefs;
  /** The wizard step showing this. */
  here: StepId;
  hasLink: boolean;
}

function FixLink({ link }: { link: { href: string; text: string } | null }) {
  if (!link) return null;
  return (
    <p className="no-print mt-1">
      {/* A plain link: this module also renders on the printed checklist, which loads no next/link code. */}
      <a className="font-medium underline underline-offset-2" href={link.href}>
        {link.text}
      </a>
    </p>
  );
}

type Failure = CheckResult & { status: "fail" };

/**
 * Every check that did not pass, with what it means and what to do. Failures with the same diagnosis and fix
 * (a certificate error fails the gate, TLS and HTTPS alike) are one item naming every check they fail.
 */
export function Problems(ctx: ProblemContext) {
  const problems = ctx.report.checks.filter((c) => c.status !== "pass");
  if (problems.length === 0) return null;
  const groups = new Map<string, Failure[]>();
  for (const c of problems) {
    if (c.status !== "fail") continue;
    const key = `${c.diagnosis}|${c.fix}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const shown = new Set<string>();
  return (
    <ul className="mt-4 space-y-3">
      {problems.map((c) => {
        switch (c.status) {
          case "fail": {
            const key = `${c.diagnosis}|${c.fix}`;
            if (shown.has(key)) return null;
            shown.add(key);
            const group = groups.get(key) ?? [c];
            // The plainest words: the gate and HTTPS repeat the TLS cause with more in front.
            const cause = group.map((g) => g.cause).reduce((a, b) => (b.length < a.length ? b : a));
            return (
              <li key={c.id} className="rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm text-red-950">
                <p className="font-semibold">{group.map((g) => g.title).join(", ")}: failing</p>
                <p className="mt-1 break-words">
                  <span className="font-semibold">Cause: </span>
                  {cause}
                </p>
                <p className="mt-1 break-words">
                  <span className="font-semibold">Fix: </span>
                  {c.fix}
                </p>
                <FixLink link={fixLink(c, ctx)} />
              </li>
            );
          }
          case "pending":
            return (
              <li key={c.id} className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                <p className="font-semibold">{c.title}: pending</p>
                <p className="mt-1 break-words">{c.reason}</p>
              </li>
            );
          case "skipped":
            return (
              <li key={c.id} className="rounded-md border-l-4 border-slate-400 bg-slate-50 px-3 py-2 text-sm text-slate-900">
                <p className="font-semibold">{c.title}: not run</p>
                <p className="mt-1 break-words">{c.reason}</p>
                <FixLink link={fixLink(c, ctx)} />
              </li>
            );
          default:
            return null;
        }
      })}
    </ul>
  );
}

/** Plain-words facts behind every check, folded away. */
export function Seen({ report }: { report: HostReport }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700 underline-offset-2 hover:underline">What the verifier saw</summary>
      <dl className="mt-2 space-y-2">
        {report.checks.map((c) => (
          <div key={c.id}>
            <dt className="font-semibold">
              {CHECK_TITLES[c.id]} ({STATUS_WORDS[c.status]}, {c.elapsedMs} ms)
            </dt>
            {c.seen.length === 0 ? (
              <dd className="text-slate-700">nothing recorded</dd>
            ) : (
              c.seen.map((line, i) => (
                <dd key={i} className="break-words text-slate-800">
                  {line}
                </dd>
              ))
            )}
          </div>
        ))}
      </dl>
    </details>
  );
}

const PRELOAD_WORDS: Record<HstsReport["preload"]["status"], string> = {
  preloaded: "on the browsers' HSTS preload list",
  pending: "waiting to be added to the preload list",
  "not-preloaded": "not on the preload list",
  unknown: "preload status unknown",
};

/** The HSTS pre-check per registrable domain: what the header says, the preload list, and the blast radius. */
export function HstsSummary({ reports }: { reports: HstsReport[] }) {
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="hsts-title" className="space-y-3">
      <h3 id="hsts-title" className="text-lg font-semibold text-slate-900">
        HSTS pre-check
      </h3>
      {reports.map((r) => {
        const forced = r.coversLinkHosts === "yes";
        const header =
          r.header.state === "present"
            ? `sends Strict-Transport-Security: ${r.header.raw ?? ""} (includeSubDomains: ${r.header.includeSubDomains ? "yes" : "no"}, preload: ${r.header.preload ? "yes" : "no"})`
            : r.header.state === "absent"
              ? "sends no Strict-Transport-Security header"
              : `header unknown${r.header.note ? `: ${r.header.note}` : ""}`;
        const preload = `${PRELOAD_WORDS[r.preload.status]}${r.preload.via && r.preload.via !== r.domain ? ` (via ${r.preload.via})` : ""}${r.preload.note && r.preload.status === "unknown" ? `: ${r.preload.note}` : ""}`;
        return (
          <div key={r.domain} className={`rounded-md border-l-4 px-4 py-3 text-sm ${forced ? "border-amber-600 bg-amber-50 text-amber-950" : "border-slate-400 bg-white text-slate-900"}`}>
            <p className="text-base font-semibold break-words">
              {r.domain}:{" "}
              {forced ? "browsers force HTTPS on its link hosts" : r.coversLinkHosts === "no" ? "HTTPS is not forced on its link hosts today" : "unknown whether browsers force HTTPS"}
            </p>
            <ul className="mt-1 list-disc pl-5">
              <li className="break-words">Header: {header}</li>
              <li className="break-words">Preload: {preload}</li>
            </ul>
            <p className="mt-2 break-words">
              <span className="font-semibold">Blast radius: </span>
              {r.blastRadius}
            </p>
          </div>
        );
      })}
    </section>
  );
}
