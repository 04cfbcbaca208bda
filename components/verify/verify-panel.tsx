"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { buttonPrimary, buttonSecondary, card, fieldError, inputBase } from "@/components/ui/styles";
import { checkLink, quoted } from "@/lib/tracked-link";
import { encodeSummary } from "@/lib/verify/summary";
import { checkTargetInput, verifyQueryString } from "@/lib/verify/ui";
import { ChipRow, HstsSummary, Problems, Seen } from "./checks";
import { requestOf, VerifyStatus, type VerifyViewProps } from "./status";
import { useVerify, verifyQueryClient } from "./use-verify";

/**
 * The Test step's live check (issue 6): per hostname a row of status chips, each failure's cause and fix with
 * a link to the step that fixes it, the HSTS pre-check at the top, the tracked-link and CDN-address fields,
 * and Re-check. The inputs live in the URL (`link=`, `target=`), so the DNS step checks the same thing.
 */
export function VerifyPanel(props: VerifyViewProps) {
  const [client] = useState(verifyQueryClient);
  return (
    <QueryClientProvider client={client}>
      <TestStepCheck {...props} />
    </QueryClientProvider>
  );
}

function TestStepCheck(props: VerifyViewProps) {
  const { hosts, inPlaceNote } = props;
  const router = useRouter();
  const request = requestOf(props);
  const verify = useVerify(request);
  const { query, result, recheck } = verify;
  const report = result?.report;
  const [navigating, startTransition] = useTransition();
  const [linkValue, setLinkValue] = useState(props.linkInput ?? props.link ?? "");
  const [linkError, setLinkError] = useState(props.linkError);
  const [targetValues, setTargetValues] = useState(() => hosts.map((h) => h.target ?? ""));
  const [targetErrors, setTargetErrors] = useState<(string | undefined)[]>([]);
  const linkRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const apiError = query.status === "error" && !query.isFetching ? query.error : null;
  const shownLinkError = linkError ?? (apiError?.field === "link" ? apiError.message : undefined);
  const missing = hosts.filter((h) => h.target === null);
  const hostNames = hosts.map((h) => h.host);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    let link: string | undefined;
    const raw = linkValue.trim();
    let badLink: string | undefined;
    if (raw !== "") {
      const checked = checkLink(raw, hostNames);
      if (checked.ok) link = checked.path;
      else badLink = `The tracked link ${quoted(raw)} ${checked.message}`;
    }
    const targets: string[] = [];
    const badTargets = targetValues.map((value, i) => {
      if (value.trim() === "") {
        targets.push("");
        return undefined;
      }
      const checked = checkTargetInput(value, hosts[i]!.host);
      targets.push(checked.ok ? checked.target : "");
      return checked.ok ? undefined : `The CDN address ${quoted(value.trim())} ${checked.message}`;
    });
    setLinkError(badLink);
    setTargetErrors(badTargets);
    if (badLink) {
      linkRef.current?.focus();
      return;
    }
    const firstBadTarget = badTargets.findIndex(Boolean);
    if (firstBadTarget >= 0) {
      formRef.current?.querySelector<HTMLInputElement>(`#verify-target-${firstBadTarget}`)?.focus();
      return;
    }

    const next = { ...request, link, targets: hosts.map((h, i) => targets[i] || h.target) };
    const params = new URLSearchParams(window.location.search);
    if (link) params.set("link", link);
    else params.delete("link");
    params.delete("target");
    if (targets.some(Boolean)) for (const t of targets) params.append("target", t);
    const search = params.toString();
    if (verifyQueryString(next) === verifyQueryString(request)) recheck();
    if (search !== window.location.search.replace(/^\?/, "")) startTransition(() => router.replace(`/setup?${search}`, { scroll: false }));
  };

  const notReady = report?.hosts.filter((h) => !h.readyToSwitch) ?? [];

  return (
    <section aria-labelledby="verify-title" className="space-y-6">
      <h3 id="verify-title" className="sr-only">
        Live check
      </h3>
      {report ? <HstsSummary reports={report.hsts} /> : null}

      <form ref={formRef} noValidate onSubmit={onSubmit} className={`${card} space-y-4`}>
        <div>
          <label htmlFor="verify-link" className="block font-semibold text-slate-900">
            Tracked link from a sent email{props.linkOptional ? " (optional)" : ""}
          </label>
          <p id="verify-link-hint" className="mt-1 text-sm text-slate-700">
            {props.linkHint}
          </p>
          <input
            ref={linkRef}
            id="verify-link"
            name="link"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            className={`${inputBase} mt-2 font-mono text-sm`}
            value={linkValue}
            onChange={(e) => setLinkValue(e.target.value)}
            aria-invalid={shownLinkError ? true : undefined}
            aria-describedby={shownLinkError ? "verify-link-error verify-link-hint" : "verify-link-hint"}
          />
          {shownLinkError && (
            <p id="verify-link-error" className={fieldError}>
              {shownLinkError}
            </p>
          )}
        </div>

        <fieldset className="space-y-3">
          <legend className="font-semibold text-slate-900">CDN address to test before the switch</legend>
          {missing.length > 0 && (
            <p role="note" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              {inPlaceNote ??
                `The CDN address is missing for ${missing.map((h) => h.host).join(", ")}: without it nothing can be tested before the switch. Enter it below.`}
            </p>
          )}
          {apiError?.field === "target" && (
            <p id="verify-target-error" className={fieldError}>
              {apiError.message}
            </p>
          )}
          {hosts.map((h, i) => {
            const error = targetErrors[i];
            const ids = [error ? `verify-target-${i}-error` : null, `verify-target-${i}-hint`].filter(Boolean).join(" ");
            return (
              <div key={h.host}>
                <label htmlFor={`verify-target-${i}`} className="block text-sm font-medium text-slate-900 break-all">
                  CDN address for {h.host}
                  {inPlaceNote ? " (optional)" : ""}
                </label>
                <p id={`verify-target-${i}-hint`} className="text-sm text-slate-700">
                  {h.target === null ? `Missing. ${h.hint}` : h.hint}
                </p>
                <input
                  id={`verify-target-${i}`}
                  name="target"
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  className={`${inputBase} mt-1 font-mono text-sm`}
                  value={targetValues[i] ?? ""}
                  onChange={(e) => setTargetValues((v) => v.map((x, j) => (j === i ? e.target.value : x)))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={ids}
                />
                {error && (
                  <p id={`verify-target-${i}-error`} className={fieldError}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <button id="verify-recheck" type="submit" className={buttonPrimary} disabled={navigating}>
            Re-check
          </button>
          {report && (
            <a className={`${buttonSecondary} no-print`} href={`${props.checklistHref}&verified=${encodeSummary(report)}`}>
              Print this result with the checklist
            </a>
          )}
        </div>
        <VerifyStatus verify={verify} />
      </form>

      {report && (
        <p
          className={`rounded-md border-l-4 px-4 py-3 font-semibold ${report.readyToSwitch ? "border-green-700 bg-green-50 text-green-950" : "border-red-700 bg-red-50 text-red-950"}`}
        >
          {report.readyToSwitch
            ? "Ready to switch: the CDN answers every hostname correctly."
            : `Not ready to switch: ${notReady.length} of ${report.hosts.length} hostname${report.hosts.length === 1 ? "" : "s"} not proven yet. Fix what fails below, then Re-check.`}
        </p>
      )}

      <div className="space-y-4">
        {hosts.map((h, i) => {
          const hostReport = report?.hosts.find((r) => r.host === h.host);
          return (
            <article key={h.host} aria-labelledby={`verify-host-${i}`} className={card}>
              <h4 id={`verify-host-${i}`} className="break-all text-lg font-semibold text-brand-900">
                {h.host}
              </h4>
              <p className="mt-1 text-sm text-slate-800 break-words">{hostReport
                  ? hostReport.readyToSwitch
                    ? hostReport.readiness
                    : "Not ready to switch: what fails, why, and the fix are below."
                  : query.status === "error"
                    ? "Not checked: see the message above."
                    : "Checking…"}</p>
              <ChipRow host={h.host} checks={hostReport?.checks ?? null} checking={query.isFetching || query.status === "pending"} />
              {hostReport && (
                <>
                  <Problems report={hostReport} hostIndex={i} steps={props.steps} here="test" hasLink={Boolean(props.link) || props.linkOptional} />
                  <Seen report={hostReport} />
                </>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}
