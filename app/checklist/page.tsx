import type { Metadata } from "next";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { PrintButton } from "@/components/ui/print-button";
import { PlanStepView } from "@/components/plan/plan-step";
import { LastVerification } from "@/components/verify/last-verification";
import { PreviousRecord } from "@/components/dns-switch/previous-record";
import { parsePrevious } from "@/lib/dns-hosts/previous";
import { buildPlan } from "@/lib/plan/build";
import { parsePlanQuery, planOnlyQueryString, toSearchParams, type SearchParamsRecord } from "@/lib/plan/query";

export const metadata: Metadata = { title: "Printable checklist" };

/**
 * The app's public origin: PUBLIC_BASE_URL when set (behind a proxy), else the request's own Host,
 * accepted only when it looks like a host[:port] so a forged header cannot put markup in the link.
 */
function publicOrigin(h: Headers): string {
  const configured = process.env.PUBLIC_BASE_URL?.replace(/\/$/, "");
  if (configured && /^https?:\/\/[a-z0-9.:[\]-]+$/i.test(configured)) return configured;
  const host = h.get("host") ?? "";
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) ? `${proto}://${host}` : "http://localhost:3000";
}

/** The QR code of the plan link, or null when the link is too long for a QR code (many hosts). */
async function qrCodeSvg(url: string): Promise<string | null> {
  try {
    // The SVG holds only QR modules drawn from the URL: no text of the user's is placed in markup.
    return await QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "L" });
  } catch {
    return null;
  }
}

/** The runbook: server-rendered, complete without JavaScript, one section per hostname. */
export default async function ChecklistPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const { query, errors } = parsePlanQuery(params);
  // The wizard's last verification, when the link carries one (lib/verify/summary.ts): printed, never re-run.
  const verified = typeof params.verified === "string" && params.verified !== "" ? params.verified : undefined;
  // The record before an automatic DNS switch, per host in host order (printed, never trusted for anything else).
  const previous = [params.prev ?? []].flat().map((p) => parsePrevious(p));
  const built = errors.length > 0 ? { errors } : buildPlan(query);
  if (built.errors) {
    return (
      <div>
        <h1 className="text-2xl font-bold">Printable checklist</h1>
        <div role="alert" className="mt-4 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3">
          <p className="font-semibold">This checklist link cannot be used:</p>
          <ul className="mt-1 list-disc pl-5">
            {built.errors.map((e, i) => (
              <li key={i} className="whitespace-pre-line">
                {e.field}: {e.message}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <a className="underline" href="/setup">
              Start the setup wizard
            </a>{" "}
            to build a valid plan.
          </p>
        </div>
      </div>
    );
  }
  const { plan } = built;
  const shareQuery = planOnlyQueryString(query);
  const domains = [...new Set(plan.hosts.map((h) => h.zone))].join(", ");
  const today = new Date().toISOString().slice(0, 10);
  const shareUrl = `${publicOrigin(await headers())}/setup?${shareQuery}`;
  const qrSvg = await qrCodeSvg(shareUrl);
  const withoutPresenter = toSearchParams(params);
  withoutPresenter.delete("present");

  return (
    // Presenter mode (present=1) enlarges the type on screen only; the printed page is the same (app/globals.css).
    <article className={query.present ? "present-mode" : undefined}>
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-300 pb-4">
        <div className="checklist-title min-w-0 flex-1">
        <h1 className="text-2xl font-bold">HTTPS click tracking with {plan.cdnName}: checklist</h1>
        <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium">Brand domain</dt>
          <dd>{domains}</dd>
          <dt className="font-medium">Date</dt>
          <dd>{today}</dd>
          <dt className="font-medium">Origin</dt>
          <dd>
            <code>{plan.origin}</code> ({plan.region === "eu" ? "EU region" : "global region"})
          </dd>
          <dt className="font-medium">Plan link</dt>
          <dd className="break-all">
            <a href={shareUrl} className="underline">
              <code>{shareUrl}</code>
            </a>
          </dd>
        </dl>
        <p className="no-print mt-3">
          <PrintButton />
        </p>
        {query.present && (
          <p className="no-print mt-2 text-sm">
            Presenter mode: larger type for screen sharing.{" "}
            <a className="underline" href={`/checklist?${withoutPresenter.toString()}`}>
              Leave presenter mode
            </a>
          </p>
        )}
        </div>
        {qrSvg && (
          <figure className="w-28 shrink-0">
            <div role="img" aria-label="QR code of the plan link" className="size-28" dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <figcaption className="mt-1 text-center text-xs">Scan to open the plan</figcaption>
          </figure>
        )}
      </header>
      {verified && <LastVerification raw={verified} plan={plan} targets={query.targets} override={query.override === true} />}
      {plan.hosts.map((hp, i) => (
        <section key={hp.host} aria-labelledby={`cl-${hp.host}`} className={`mt-8 print:mt-4 ${i > 0 ? "print-break-before" : ""}`}>
          <h2 id={`cl-${hp.host}`} className="break-all text-xl font-bold text-brand-900">
            {hp.host}
          </h2>
          {hp.steps.map((s, n) => (
            <PlanStepView key={s.id} step={s} host={hp.host} number={n + 1} tickBoxes />
          ))}
          {previous[i] && <PreviousRecord host={hp.host} previous={previous[i]} />}
        </section>
      ))}
    </article>
  );
}

/**
 * The QR code of the plan link, or undefined when the link is longer than a QR code holds (about 2,300
 * characters at this error correction: some 60 hostnames); the printed link is still there.
 */
