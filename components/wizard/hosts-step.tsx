"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import { parseHostnamesAction, type ParsedHostnamesResult } from "@/app/setup/hostname-actions";
import { buttonPrimary, buttonSecondary, fieldError, inputBase } from "@/components/ui/styles";
import { planQueryString, type PlanQuery } from "@/lib/plan/url";
import type { Region } from "@/lib/plan/types";
import limits from "@/lib/security/limits.json";

interface HostsForm {
  hostnames: string;
  region: Region;
}

const ROLE_TEXT = { link: "link host: moves to the CDN", owner: "owner record: stays pointing at SendGrid", "auto-ssl": "Auto SSL validation record", other: "not link branding: ignored" } as const;

/** `initialText`: what the link held when some of it was refused, so the person can correct it in place. */
const noSubscription = () => () => {};

export function HostsStep({ query, initialError, initialText }: { query: PlanQuery; initialError?: string; initialText?: string }) {
  const router = useRouter();
  // False in the server's HTML, true once hydrated: before that a click would submit the form natively (a GET
  // that drops the plan from the URL), so the button waits for the form's own handler.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [chart, setChart] = useState<ParsedHostnamesResult["chart"]>();
  // A pasted chart is shown classified first; the next click with the same text moves on.
  const [reviewedText, setReviewedText] = useState<string>();
  const { register, handleSubmit, setError, setValue, formState } = useForm<HostsForm>({
    defaultValues: { hostnames: initialText ?? query.hosts.join("\n"), region: query.region },
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
      result = await parseHostnamesAction(values.hostnames, query.cdn);
    } catch {
      // Refused before it reached the check (too large a body, or the server is unreachable).
      return setError("hostnames", { type: "server", message: `The hostnames could not be checked. ${tooLong} Then try again.` }, { shouldFocus: true });
    }
    setChart(result.chart);
    if (result.error) {
      setError("hostnames", { type: "server", message: result.error }, { shouldFocus: true });
      return;
    }
    const region = result.chart?.region ?? values.region;
    if (result.chart?.region) setValue("region", result.chart.region);
    if (result.chart?.autoSsl) return; // shown below: no CDN needed
    if (result.chart && reviewedText !== values.hostnames) {
      setReviewedText(values.hostnames);
      return;
    }
    const owners = result.chart?.records.filter((r) => r.role === "owner").map((r) => r.host) ?? [];
    // Targets and zones are per host, by position: a new host list starts without them.
    router.push(`/setup?${planQueryString({ ...query, hosts: result.hosts, region, targets: [], zones: [], owners, step: "mode" })}`);
  });

  const error = formState.errors.hostnames?.message;
  return (
    <form onSubmit={onSubmit} noValidate>
      <label htmlFor="hostnames" className="block font-semibold text-slate-900">
        Link branding hostnames
      </label>
      <p id="hostnames-help" className="mt-1 text-sm text-slate-700">
        One or more, separated by new lines, commas or spaces, e.g. <code>ablink.news.example.com</code>. Or paste the link-branding record chart (type, host, value) exactly as your email provider shows it: the link hosts are picked out of it.
      </p>
      <textarea
        id="hostnames"
        rows={6}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        className={`${inputBase} mt-2 font-mono`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "hostnames-help hostnames-error" : "hostnames-help"}
        {...register("hostnames")}
      />
      {error && (
        <p id="hostnames-error" className={fieldError} role="alert">
          {error}
        </p>
      )}

      <fieldset className="mt-6">
        <legend className="font-semibold text-slate-900">SendGrid region</legend>
        <p className="mt-1 text-sm text-slate-700">EU-region accounts show values ending in eu.sendgrid.net in the link-branding chart; a pasted chart sets this for you.</p>
        <div className="mt-2 flex flex-wrap gap-4">
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="radio" value="global" className="size-4 accent-brand-600" {...register("region")} /> Global (sendgrid.net)
          </label>
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="radio" value="eu" className="size-4 accent-brand-600" {...register("region")} /> EU (eu.sendgrid.net)
          </label>
        </div>
      </fieldset>

      {chart && (
        <section aria-labelledby="chart-heading" className="mt-6 rounded-md border border-slate-200 bg-white p-3">
          <h3 id="chart-heading" className="font-semibold">
            Records found in the chart
          </h3>
          {!chart.autoSsl && <p className="mt-1 text-sm text-slate-700">Only the link host moves to the CDN. Check the list, then continue.</p>}
          {chart.autoSsl && (
            <p role="status" className="mt-2 rounded-md border-l-4 border-green-600 bg-green-50 px-3 py-2 text-sm text-green-950">
              This branded link uses SendGrid Auto SSL: SendGrid already serves its certificate, so no CDN is needed. Check instead that the records below exist at your DNS host as DNS-only CNAMEs, and that https:// links answer.
            </p>
          )}
          <ul className="mt-2 space-y-1 text-sm">
            {chart.records.map((r, i) => (
              <li key={i} className="break-all">
                <code>{r.type} {r.host} → {r.value}</code>: {ROLE_TEXT[r.role]}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-6 flex flex-wrap justify-between gap-3">
        <Link className={buttonSecondary} href={`/setup?${planQueryString({ ...query, step: "cdn" })}`}>
          Back
        </Link>
        <button type="submit" className={buttonPrimary} disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting
            ? "Checking…"
            : chart && !chart.autoSsl && reviewedText !== undefined
              ? `Next: move ${chart.records.filter((r) => r.role === "link").length} link host(s) to the CDN`
              : "Next: how to configure"}
        </button>
      </div>
    </form>
  );
}
