"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { buttonSecondary } from "@/components/ui/styles";
import { certificateGapNote } from "@/lib/verify/certificate-gap";
import { stepIndex, WIZARD_STEPS } from "@/lib/wizard/steps";
import { requestOf, VerifyStatus, type VerifyViewProps } from "./status";
import { useVerify, verifyQueryClient } from "./use-verify";

/**
 * The DNS step's gate (issue 6): "Ready to switch" only when the verifier proves the CDN for every hostname
 * (the Test step's fresh result is reused); otherwise the switch is locked, says why, and offers an explicit
 * override that is recorded on the page and in the URL (`override=1`), so a shared link shows it too.
 * `children` (the DNS change itself) appear once ready or overridden. A provider whose certificate can only
 * be issued after the switch says so (ProviderInfo.certificateAfterSwitch): the gate explains the gap per host.
 */
export function SwitchGate(props: VerifyViewProps & { revalidationWarning?: string; children: ReactNode }) {
  const [client] = useState(verifyQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Gate {...props} />
    </QueryClientProvider>
  );
}

const testStepName = `step ${stepIndex("test") + 1}: ${WIZARD_STEPS[stepIndex("test")]!.title}`;

function Gate(props: VerifyViewProps & { revalidationWarning?: string; children: ReactNode }) {
  const router = useRouter();
  const verify = useVerify(requestOf(props));
  const { query, result, recheck } = verify;
  const report = result?.report;
  const [navigating, startTransition] = useTransition();
  const ready = report?.readyToSwitch === true;
  const unlocked = ready || props.override;
  const allAfter = report?.hosts.every((h) => h.phase === "after") ?? false;
  const gap = certificateGapNote(props.certificateAfterSwitch, props.cdnName, report);

  const setOverride = (on: boolean) => {
    const params = new URLSearchParams(window.location.search);
    if (on) params.set("override", "1");
    else params.delete("override");
    startTransition(() => router.replace(`/setup?${params.toString()}`, { scroll: false }));
  };

  return (
    <div className="space-y-4">
      <section aria-labelledby="switch-title" className="space-y-3">
        {ready ? (
          <div className="rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-950">
            <h3 id="switch-title" className="text-lg font-semibold">
              {allAfter ? "Switched: every hostname answers through the CDN" : "Ready to switch"}
            </h3>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {report!.hosts.map((h) => (
                <li key={h.host} className="break-words">
                  {h.readiness}
                </li>
              ))}
            </ul>
          </div>
        ) : report || query.status === "error" ? (
          <div className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-950">
            <h3 id="switch-title" className="text-lg font-semibold">
              Switch locked: do not change DNS yet
            </h3>
            <p className="mt-1 text-sm">
              {report
                ? "The CDN is not proven to answer every hostname correctly. Changing DNS now sends real clicks to a CDN that fails them:"
                : "The check could not run, so nothing is proven yet."}
            </p>
            {report && (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {report.hosts
                  .filter((h) => !h.readyToSwitch)
                  .map((h) => (
                    <li key={h.host} className="break-words">
                      <span className="font-semibold">{h.host}</span>: {h.readiness.replace(/^Not ready: /, "")}
                    </li>
                  ))}
              </ul>
            )}
            <p className="mt-2 text-sm">
              <Link className="font-medium underline underline-offset-2" href={props.steps.test}>
                See every check and its fix in {testStepName}
              </Link>
            </p>
          </div>
        ) : (
          <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
            <h3 id="switch-title" className="text-lg font-semibold">
              Checking whether the CDN is ready…
            </h3>
          </div>
        )}

        {gap && (
          <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <h3 className="text-base font-semibold">{gap.title}</h3>
            <p className="mt-1">{gap.why}</p>
            <ul className="mt-1 list-disc pl-5">
              {gap.hosts.map((h) => (
                <li key={h.host} className="break-words">
                  <span className="font-semibold">{h.host}</span>: {h.words}
                </li>
              ))}
            </ul>
            <p className="mt-2">{gap.howLong}</p>
            <p className="mt-1">{gap.noGap}</p>
          </div>
        )}

        {props.revalidationWarning && (
          <p role="note" className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {props.revalidationWarning}
          </p>
        )}

        {props.override ? (
          <div role="note" aria-label="Override recorded" className="rounded-md border-2 border-amber-700 bg-white px-4 py-3 text-amber-950">
            <p className="font-semibold">Override recorded: you chose to switch anyway{ready ? " (no longer needed: every hostname passes now)" : ""}.</p>
            <p className="mt-1 text-sm">
              The switch is unlocked although the CDN was not proven for every hostname. This page&apos;s link carries the override (override=1), so anyone who opens it sees
              it.
            </p>
            <button type="button" className={`${buttonSecondary} no-print mt-2`} disabled={navigating} onClick={() => setOverride(false)}>
              Withdraw the override
            </button>
          </div>
        ) : (
          !ready &&
          (report || query.status === "error") && (
            <div className="no-print">
              <button
                type="button"
                className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-700 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
                disabled={navigating}
                onClick={() => setOverride(true)}
              >
                I understand the risk: switch anyway
              </button>
            </div>
          )
        )}

        <div className="no-print flex flex-wrap items-start gap-3">
          <button type="button" className={buttonSecondary} disabled={query.isFetching} onClick={recheck}>
            Re-check
          </button>
          <div className="min-w-0 flex-1">
            <VerifyStatus verify={verify} />
          </div>
        </div>
      </section>

      {unlocked ? (
        props.children
      ) : (
        <p className="rounded-md border border-dashed border-slate-400 bg-white px-4 py-3 text-sm text-slate-800">
          The DNS change for each hostname appears here once every hostname passes the checks before the switch, or after you choose to switch anyway.
        </p>
      )}
    </div>
  );
}
