"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { detectDnsHostsAction } from "@/lib/actions/dns-actions";
import { buttonSecondary, fieldError, inputBase } from "@/components/ui/styles";
import type { DetectedDnsHost } from "@/lib/dns-hosts/detect";
import { previousParams } from "@/lib/dns-hosts/previous";
import type { DnsHostInfo } from "@/lib/dns-hosts/types";
import type { CdnId, Region } from "@/lib/domain/plan";
import type { EspId } from "@/lib/domain/ids";
import { HostSwitch, type Account } from "./host-switch";
import { noStoredSwitches, storedSwitches, storeSwitch, subscribeStoredSwitches, type StoredSwitch } from "./stored-results";

export interface DnsSwitchPanelProps {
  hosts: string[];
  /** The CDN address per host, in host order. */
  targets: (string | undefined)[];
  cdn: CdnId;
  esp: EspId;
  region: Region;
  tenant?: string;
  link?: string;
  /** The DNS hosts the wizard can switch at (registry order). */
  dnsHosts: DnsHostInfo[];
  /** The plan's query, for the checklist and export links. */
  planQuery: string;
  /** The CDN has a Terraform export the DNS record can join. */
  terraform: boolean;
  testStepHref: string;
}

function detectedWords(d: DetectedDnsHost, infos: DnsHostInfo[]): string {
  const servers = d.nameServers.length > 0 ? ` (name servers ${d.nameServers.join(", ")})` : "";
  const auto = infos.find((i) => i.id === d.dnsHost);
  if (auto) return `${auto.name}, zone ${d.zone}${servers}.`;
  if (d.knownAs) return `${d.knownAs}, zone ${d.zone}${servers}. The wizard cannot change records there: set the record below by hand.`;
  return d.note ?? `not recognised${servers}. If it is one of the hosts below, choose it; otherwise set the record below by hand.`;
}

/**
 * The automatic switch at the DNS host (issue 17), inside the DNS step's gate: the detected DNS host of each link
 * host, the account (the sandbox, or credentials that stay in this form and the action's POST body), and per host
 * the record read before any write, Switch DNS and Roll back. Results, with the previous value, are kept in the tab.
 */
export function DnsSwitchPanel(props: DnsSwitchPanelProps) {
  const { hosts, dnsHosts } = props;
  const [detected, setDetected] = useState<DetectedDnsHost[] | null>(null);
  const [detectFailed, setDetectFailed] = useState<string | null>(null);
  const [choice, setChoice] = useState<string>("");
  const [accountKind, setAccountKind] = useState<"sandbox" | "credentials">("credentials");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string> | undefined>();
  const [missing, setMissing] = useState(false);
  const stored = useSyncExternalStore(subscribeStoredSwitches, storedSwitches, noStoredSwitches);
  const form = useRef<HTMLFormElement>(null);
  const info = dnsHosts.find((d) => d.id === choice);

  useEffect(() => {
    let live = true;
    detectDnsHostsAction({ hosts })
      .then((r) => {
        if (!live) return;
        if (!r.ok) return setDetectFailed(r.message);
        setDetected(r.data);
        const found = [...new Set(r.data.map((d) => d.dnsHost))];
        if (found.length === 1 && found[0]) setChoice((c) => c || found[0]!);
      })
      .catch(() => live && setDetectFailed("The DNS could not be asked from this server."));
    return () => {
      live = false;
    };
  }, [hosts]);

  const account = (madeWith?: "sandbox" | "credentials"): Account | null => {
    if ((madeWith ?? accountKind) === "sandbox") return { kind: "sandbox" };
    const values: Record<string, string> = {};
    const data = form.current ? new FormData(form.current) : undefined;
    for (const f of info?.credentialFields ?? []) {
      const v = data?.get(f.name);
      if (typeof v === "string" && v.trim() !== "") values[f.name] = v.trim();
    }
    const complete = (info?.credentialFields ?? []).every((f) => f.optional || values[f.name]);
    setMissing(!complete);
    return complete ? { kind: "credentials", values } : null;
  };


  const previous = Object.fromEntries(Object.entries(stored).filter(([, s]) => s.kind === "switch").map(([h, s]) => [h, s.result.previous]));
  const prevQuery = previousParams(hosts, previous).toString();

  return (
    <section aria-labelledby="dns-switch-title" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h3 id="dns-switch-title" className="text-lg font-semibold text-slate-900">
        Switch DNS at your DNS host
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        Where your DNS host has an API the wizard speaks, it can change the link record for you: it reads the record first and shows it, changes only that
        record and only if nobody changed it since, checks the CDN again right before, and keeps the previous value so you can roll back. Otherwise, set
        the record by hand as shown below.
      </p>

      <h4 className="mt-4 font-semibold">DNS host of each hostname</h4>
      {detected === null && !detectFailed && <p className="mt-1 text-sm">Asking the DNS…</p>}
      {detectFailed && <p className="mt-1 text-sm">{detectFailed} Choose the DNS host below.</p>}
      {detected && (
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
          {detected.map((d) => (
            <li key={d.host} className="break-words">
              <span className="font-semibold">{d.host}</span>: {detectedWords(d, dnsHosts)}
            </li>
          ))}
        </ul>
      )}

      <form ref={form} method="post" onSubmit={(e) => e.preventDefault()} className="mt-4 space-y-4">
        <fieldset>
          <legend className="font-semibold">Switch at</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {dnsHosts.map((d) => (
              <label key={d.id} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="dnsHost" value={d.id} checked={choice === d.id} onChange={() => setChoice(d.id)} className="size-4 accent-brand-600" />
                {d.name}
              </label>
            ))}
          </div>
        </fieldset>

        {info && (
          <fieldset className="space-y-3">
            <legend className="font-semibold">Account at {info.name}</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="dnsAccount" checked={accountKind === "sandbox"} onChange={() => setAccountKind("sandbox")} className="mt-1 size-4 accent-brand-600" />
              <span>
                Sandbox DNS host
                <span className="block text-sm text-slate-700">A local imitation of {info.name} where each hostname starts out pointing at your email provider. Its checks are simulated: nothing real is tested or changed.</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="dnsAccount" checked={accountKind === "credentials"} onChange={() => setAccountKind("credentials")} className="mt-1 size-4 accent-brand-600" />
              <span>My {info.name} credentials</span>
            </label>
            {accountKind === "credentials" && (
              <div className="space-y-3 border-l-2 border-slate-200 pl-4">
                <p className="text-sm text-slate-700">
                  Used for each request only: never stored, logged or sent back to your browser. Smallest permissions: <span className="font-mono text-xs">{info.permissions.join("; ")}</span>.
                </p>
                {info.credentialFields.map((f) => {
                  const error = fieldErrors?.[f.name] ?? (missing && !f.optional ? `Enter the ${f.label}.` : undefined);
                  return (
                    <div key={f.name}>
                      <label htmlFor={`dns-${f.name}`} className="block font-medium">
                        {f.label}
                        {f.optional && <span className="font-normal text-slate-600"> (optional)</span>}
                      </label>
                      <input
                        id={`dns-${f.name}`}
                        name={f.name}
                        type={f.secret ? "password" : "text"}
                        autoComplete={f.secret ? "new-password" : "off"}
                        data-1p-ignore=""
                        data-lpignore="true"
                        spellCheck={false}
                        autoCapitalize="none"
                        className={`${inputBase} mt-1 font-mono`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `dns-${f.name}-error` : undefined}
                      />
                      {error && (
                        <p id={`dns-${f.name}-error`} className={fieldError}>
                          {error}
                        </p>
                      )}
                    </div>
                  );
                })}
              </div>
            )}
          </fieldset>
        )}
      </form>

      {hosts.map((host, i) => (
        <article key={host} aria-labelledby={`dns-switch-${host}`} className="mt-6 border-t border-slate-200 pt-4">
          <h4 id={`dns-switch-${host}`} className="break-all font-semibold">
            {host}
          </h4>
          {info || stored[host] ? (
            <HostSwitch
              host={host}
              target={props.targets[i]}
              dnsHost={stored[host]?.result.dnsHost ?? choice}
              info={dnsHosts.find((d) => d.id === (stored[host]?.result.dnsHost ?? choice)) ?? dnsHosts[0]!}
              cdn={props.cdn}
              esp={props.esp}
              region={props.region}
              tenant={props.tenant}
              link={props.link}
              account={account}
              stored={stored[host]}
              onStored={(entry: StoredSwitch | null) => storeSwitch(entry, host)}
              onFieldErrors={setFieldErrors}
              testStepHref={props.testStepHref}
            />
          ) : (
            <p className="mt-1 text-sm">Choose where to switch above, or set the record by hand below.</p>
          )}
        </article>
      ))}

      <div className="no-print mt-6 flex flex-wrap gap-3 border-t border-slate-200 pt-4">
        <a className={buttonSecondary} href={`/checklist?${props.planQuery}${prevQuery ? `&${prevQuery}` : ""}`}>
          {prevQuery ? "Printable checklist with the previous values" : "Printable checklist"}
        </a>
        {props.terraform && info && (
          <a className={buttonSecondary} href={`/api/export?${props.planQuery}&format=terraform&dnshost=${info.id}`}>
            Terraform with the {info.name} record
          </a>
        )}
      </div>
    </section>
  );
}
