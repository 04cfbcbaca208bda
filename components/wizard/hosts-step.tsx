"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import { parseHostnamesAction, type ParsedHostnamesResult } from "@/lib/actions/hostname-actions";
import { buttonPrimary, buttonSecondary, fieldError, inputBase } from "@/components/ui/styles";
import { planQueryString, type PlanQuery } from "@/lib/plan/url";
import type { RecognisedRecord } from "@/lib/domain/esp";
import limits from "@/lib/security/limits.json";

interface HostsForm {
  hostnames: string;
}

/** What each record of a paste does, in words; the ESP's name comes from its module (through the server action). */
const ROLE_TEXT: Record<RecognisedRecord["role"], (espName: string) => string> = {
  link: () => "link host: moves to the CDN",
  owner: (espName) => `owner record: stays pointing at ${espName}`,
  "managed-validation": (espName) => `validation record of ${espName}'s own HTTPS`,
  other: () => "not a tracking record: ignored",
};

/** The ESP chosen in step 1, in its module's words (the page passes them, so no ESP module ships to this step). */
export interface HostsStepEsp {
  name: string;
  /** e.g. "Global (sendgrid.net)". */
  choiceLabel: string;
  /** What its tracking record is, as its module says. */
  trackingRecord: string;
}

const noSubscription = () => () => {};

/** `initialText`: what the link held when some of it was refused, so the person can correct it in place. */
export function HostsStep({ query, esp, initialError, initialText }: { query: PlanQuery; esp: HostsStepEsp; initialError?: string; initialText?: string }) {
  const router = useRouter();
  // False in the server's HTML, true once hydrated: before that a click would submit the form natively (a GET
  // that drops the plan from the URL), so the button waits for the form's own handler.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [paste, setPaste] = useState<ParsedHostnamesResult["paste"]>();
  // A paste is shown classified first; the next click with the same text moves on.
  const [reviewedText, setReviewedText] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<HostsForm>({
    defaultValues: { hostnames: initialText ?? query.hosts.join("\n") },
  });
  // Set once, not through useForm's `errors` option: that one keeps the error on every render, so the
  // corrected list could never be submitted.
  useEffect(() => {
    if (initialError) setError("hostnames", { type: "server", message: initialError });
  }, [initialError, setError]);

  const onSubmit = handleSubmit(async (values) => {
    const tooLong = `Paste at most ${limits.hostnamesInputChars.toLocaleString("en")} characters.`;
    if (values.hostnames.length > limits.hostnamesInputChars) return setError("hostnames", { type: "server", message: tooLong }, { shouldFocus: true });
    let result: ParsedHostnamesResult;
    try {
      result = await parseHostnamesAction(values.hostnames, query.cdn, query.esp, query.region);
    } catch {
      // Refused before it reached the check (too large a body, or the server is unreachable).
      return setError("hostnames", { type: "server", message: `The hostnames could not be checked. ${tooLong} Then try again.` }, { shouldFocus: true });
    }
    setPaste(result.paste);
    if (result.error) {
      setError("hostnames", { type: "server", message: result.error }, { shouldFocus: true });
      return;
    }
    const found = result.paste;
    if (found?.managedHttps) return; // shown below: no CDN needed
    if (found && reviewedText !== values.hostnames) {
      setReviewedText(values.hostnames);
      return;
    }
    // The ESP, region or tenant the records point at win over step 1's (the field said so when they differ).
    const choice = found
      ? { esp: found.esp, region: found.region, tenant: found.tenant ?? (found.esp === query.esp && found.region === query.region ? query.tenant : undefined) }
      : { esp: query.esp, region: query.region, tenant: query.tenant };
    const owners = found?.records.filter((r) => r.role === "owner").map((r) => r.host) ?? (found ? [] : query.owners);
    // Targets and zones are per host, by position: a new host list starts without them.
    router.push(`/setup?${planQueryString({ ...query, ...choice, hosts: result.hosts, targets: [], zones: [], owners, step: "mode" })}`);
  });

  const error = formState.errors.hostnames?.message;
  const describedBy = ["hostnames-help", paste?.changedEsp ? "hostnames-esp" : "", error ? "hostnames-error" : ""].filter(Boolean).join(" ");
  return (
    <form onSubmit={onSubmit} noValidate>
      <label htmlFor="hostnames" className="block font-semibold text-slate-900">
        Link branding hostnames
      </label>
      <p id="hostnames-help" className="mt-1 text-sm text-slate-700">
        One or more, separated by new lines, commas or spaces, e.g. <code>ablink.news.example.com</code>. Or paste the records exactly as {esp.name} shows them ({esp.trackingRecord}), as a
        chart (type, host, value) or an API response: the hosts, and the region, are picked out of it.
      </p>
      <textarea
        id="hostnames"
        rows={6}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        className={`${inputBase} mt-2 font-mono`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...register("hostnames")}
      />
      {paste?.changedEsp && (
        <p id="hostnames-esp" role="status" className="mt-2 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {paste.changedEsp}
        </p>
      )}
      {error && (
        <p id="hostnames-error" className={fieldError} role="alert">
          {error}
        </p>
      )}

      <p className="mt-4 text-sm text-slate-700">
        Email provider: <span className="font-medium text-slate-900">{esp.name}</span>, {esp.choiceLabel}.{" "}
        <Link className="underline underline-offset-4" href={`/setup?${planQueryString({ ...query, step: "esp" })}`}>
          Change it in step 1
        </Link>{" "}
        (records you paste set it for you).
      </p>

      {paste && (
        <section aria-labelledby="chart-heading" className="mt-6 rounded-md border border-slate-200 bg-white p-3">
          <h3 id="chart-heading" className="font-semibold">
            Records found in the chart
          </h3>
          {!paste.managedHttps && <p className="mt-1 text-sm text-slate-700">Only the link host moves to the CDN. Check the list, then continue.</p>}
          {paste.managedHttps && (
            <div role="status" className="mt-2 rounded-md border-l-4 border-green-600 bg-green-50 px-3 py-2 text-sm text-green-950">
              {paste.notes.map((n) => (
                <p key={n}>{n}</p>
              ))}
              <p className="mt-1">If a CDN is still the right answer for you, enter the hostnames alone instead of these records.</p>
            </div>
          )}
          <ul className="mt-2 space-y-1 text-sm">
            {paste.records.map((r, i) => (
              <li key={i} className="break-all">
                <code>
                  {r.type} {r.host}
                  {r.value ? ` → ${r.value}` : ""}
                </code>
                : {ROLE_TEXT[r.role](paste.espName)}
              </li>
            ))}
          </ul>
          {!paste.managedHttps && paste.notes.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
              {paste.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="mt-6 flex flex-wrap justify-between gap-3">
        <Link className={buttonSecondary} href={`/setup?${planQueryString({ ...query, step: "cdn" })}`}>
          Back
        </Link>
        <button type="submit" className={buttonPrimary} disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting
            ? "Checking…"
            : paste && !paste.managedHttps && reviewedText !== undefined
              ? `Next: move ${paste.records.filter((r) => r.role === "link").length} link host(s) to the CDN`
              : "Next: how to configure"}
        </button>
      </div>
    </form>
  );
}
