"use client";

import { useRef, useState } from "react";
import { createValidationRecordsAction, type ValidationRecordResult } from "@/lib/actions/dns-actions";
import { buttonSecondary, fieldError, inputBase } from "@/components/ui/styles";
import { DNS_HOST_FACTS, DNS_HOST_IDS } from "@/lib/dns-hosts/registry";
import type { DnsRecord } from "@/lib/domain/plan";

/**
 * Certificate-validation CNAMEs the CDN asked for (an apply report's records), created at the DNS host through its
 * API, DNS only, so the certificate can issue without leaving the wizard. Nothing is written before the person asks;
 * credentials stay in this form and the action's POST body.
 */
export function ValidationRecordsAtDnsHost({ hosts, records, sandbox }: { hosts: string[]; records: DnsRecord[]; sandbox: boolean }) {
  const wanted = records.filter((r) => r.type === "CNAME" && r.valueKnown && r.name.startsWith("_") && hosts.some((h) => r.name.endsWith(`.${h}`)));
  const [choice, setChoice] = useState<string>(DNS_HOST_IDS[0]);
  const [busy, setBusy] = useState(false);
  // The form exists only once opened: the CDN's own credential fields may still be on the page, with the same names.
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<ValidationRecordResult[] | null>(null);
  const [failure, setFailure] = useState<{ message: string; fieldErrors?: Record<string, string> } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  if (wanted.length === 0) return null;
  const info = DNS_HOST_FACTS[choice as (typeof DNS_HOST_IDS)[number]].info;

  async function create() {
    const data = new FormData(form.current!);
    const values: Record<string, string> = {};
    for (const f of info.credentialFields) {
      const v = data.get(`validation-${f.name}`);
      if (typeof v === "string" && v.trim() !== "") values[f.name] = v.trim();
    }
    setBusy(true);
    setFailure(null);
    try {
      const out = await createValidationRecordsAction({
        dnsHost: choice,
        account: sandbox ? { kind: "sandbox" } : { kind: "credentials", values },
        hosts,
        records: wanted.map((r) => ({ name: r.name, value: r.value })),
      });
      if (out.ok) setResults(out.data);
      else setFailure({ message: out.message, fieldErrors: out.fieldErrors });
    } catch {
      setFailure({ message: "The server could not be reached. Nothing was sent to the DNS host; try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="rounded-md border border-slate-300 bg-white p-3" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-medium">Create the validation records at your DNS host</summary>
      {open && (
        <form ref={form} method="post" onSubmit={(e) => e.preventDefault()} className="mt-3 space-y-3">
          <fieldset>
            <legend className="font-semibold">DNS host</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {DNS_HOST_IDS.map((id) => (
                <label key={id} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="validationDnsHost" value={id} checked={choice === id} onChange={() => setChoice(id)} className="size-4 accent-brand-600" />
                  {DNS_HOST_FACTS[id].info.name}
                </label>
              ))}
            </div>
          </fieldset>
          {sandbox ? (
            <p className="text-sm">The sandbox run creates them in the sandbox&apos;s {info.name}.</p>
          ) : (
            info.credentialFields.map((f) => (
              <div key={f.name}>
                <label htmlFor={`validation-${f.name}`} className="block font-medium">
                  {f.label}
                  {f.optional && <span className="font-normal text-slate-600"> (optional)</span>}
                </label>
                <input id={`validation-${f.name}`} name={`validation-${f.name}`} type={f.secret ? "password" : "text"} autoComplete={f.secret ? "new-password" : "off"} spellCheck={false} className={`${inputBase} mt-1 font-mono`} />
                {failure?.fieldErrors?.[f.name] && <p className={fieldError}>{failure.fieldErrors[f.name]}</p>}
              </div>
            ))
        )}
        <button type="button" className={buttonSecondary} disabled={busy} onClick={create}>
          {busy ? "Creating…" : `Create ${wanted.length} validation record${wanted.length === 1 ? "" : "s"} at ${info.name}`}
        </button>
      </form>
      )}
      <div aria-live="polite">
        {results && (
          <ul className="mt-3 space-y-1 text-sm">
            {results.map((r) => (
              <li key={r.name} className="break-all">
                <span className="font-mono">{r.name}</span>: {r.error ? `${r.error.message} ${r.error.action}` : r.created ? "created (DNS only)" : "already there"}
              </li>
            ))}
          </ul>
        )}
      </div>
      {failure && (
        <p role="alert" className="mt-3 rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm">
          {failure.message}
        </p>
      )}
    </details>
  );
}
