"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { buttonPrimary, fieldError, inputBase } from "@/components/ui/styles";
import type { EspId, GuideEspId } from "@/lib/domain/ids";
import { regionMessage, tenantMessage } from "@/lib/esps/messages";
import type { EspOptionView, EspStepView } from "@/lib/esps/view";
import { planQueryString, type PlanQuery } from "@/lib/plan/url";
import { EspGuide } from "./esp-guide";
import { RadioCard } from "./radio-card";

/** The region choice: one of the ESP's regions, another region by its code, or a tenant instead of a region. */
type RegionChoice = { kind: "listed"; id: string } | { kind: "other" } | { kind: "tenant" };

function initialChoice(option: EspOptionView, query: PlanQuery): RegionChoice {
  if (option.id !== query.esp) return { kind: "listed", id: option.regions[0]!.id };
  if (query.tenant && option.tenant) return { kind: "tenant" };
  if (option.regions.some((r) => r.id === query.region)) return { kind: "listed", id: query.region };
  return option.otherRegion ? { kind: "other" } : { kind: "listed", id: option.regions[0]!.id };
}

const noSubscription = () => () => {};

/**
 * Step 1: which email provider sends the mail, and its region (or tenant). Every word about an ESP comes from its
 * module, through the serialisable view the page hands over (lib/esps/view.ts). An ESP the wizard only advises on
 * shows its guidance here instead of leading on to a CDN.
 */
export function EspStep({ query, view }: { query: PlanQuery; view: EspStepView }) {
  const router = useRouter();
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const formRef = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState<EspId | GuideEspId>(query.guide ?? query.esp);
  const option = view.esps.find((e) => e.id === selected);
  const guide = view.guides.find((g) => g.id === selected);
  const [choice, setChoice] = useState<RegionChoice>(() => initialChoice(option ?? view.esps[0]!, query));
  const [otherRegion, setOtherRegion] = useState(option?.otherRegion && !option.regions.some((r) => r.id === query.region) ? query.region : "");
  const [tenant, setTenant] = useState(query.tenant ?? "");
  const [error, setError] = useState<{ field: "region" | "tenant"; message: string }>();
  const [navigating, setNavigating] = useState(false);

  // A choice made before the page was interactive is in the form, not yet in the state.
  useEffect(() => {
    const checked = formRef.current?.querySelector<HTMLInputElement>('input[name="esp"]:checked')?.value;
    if (checked && checked !== selected) select(checked as EspId | GuideEspId);
    // Once, after hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function select(id: EspId | GuideEspId) {
    setSelected(id);
    setError(undefined);
    const next = view.esps.find((e) => e.id === id);
    if (next) setChoice(initialChoice(next, query));
  }

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!option) return;
    let region = option.regions[0]!.id;
    let chosenTenant: string | undefined;
    if (choice.kind === "listed") region = choice.id;
    if (choice.kind === "other" && option.otherRegion) {
      const value = otherRegion.trim().toLowerCase();
      if (!new RegExp(option.otherRegion.pattern).test(value)) return fail("region", regionMessage(option.name, option.otherRegion.hint));
      region = value;
    }
    if (choice.kind === "tenant" && option.tenant) {
      const value = tenant.trim().toLowerCase();
      if (!new RegExp(option.tenant.pattern).test(value)) return fail("tenant", tenantMessage(option.tenant.hint));
      chosenTenant = value;
    }
    setNavigating(true);
    // Owner records are one ESP's (SendGrid's): a new ESP starts without them.
    const owners = option.id === query.esp ? query.owners : [];
    router.push(`/setup?${planQueryString({ ...query, esp: option.id, region, tenant: chosenTenant, guide: undefined, owners, step: "cdn" })}`);
  };

  function fail(field: "region" | "tenant", message: string) {
    setError({ field, message });
    formRef.current?.querySelector<HTMLInputElement>(`#esp-${field}`)?.focus();
  }

  const textField = (field: "region" | "tenant", label: string, hint: string, value: string, set: (v: string) => void) => (
    <div className="mt-3 pl-6">
      <label htmlFor={`esp-${field}`} className="block font-medium text-slate-900">
        {label}
      </label>
      <p id={`esp-${field}-hint`} className="mt-1 text-sm text-slate-700">
        {hint[0]!.toUpperCase() + hint.slice(1)}.
      </p>
      <input
        id={`esp-${field}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        className={`${inputBase} mt-1 max-w-sm font-mono`}
        aria-invalid={error?.field === field ? true : undefined}
        aria-describedby={error?.field === field ? `esp-${field}-hint esp-${field}-error` : `esp-${field}-hint`}
      />
      {error?.field === field && (
        <p id={`esp-${field}-error`} className={fieldError} role="alert">
          {error.message}
        </p>
      )}
    </div>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend className="font-semibold text-slate-900">Which email provider sends the mail?</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {view.esps.map((e) => (
            <RadioCard
              key={e.id}
              name="esp"
              value={e.id}
              defaultChecked={selected === e.id}
              onChange={() => select(e.id)}
              title={<span className="font-semibold text-slate-900">{e.name}</span>}
              description={e.summary}
            />
          ))}
        </div>
      </fieldset>

      {option && (
        <fieldset className="mt-6">
          <legend className="font-semibold text-slate-900">{option.name} region</legend>
          <p className="mt-1 text-sm text-slate-700">The region of the {option.name} account that sends the mail: it decides the CDN&apos;s origin. Records you paste in step 3 set it for you.</p>
          <div className="mt-2 space-y-1">
            {option.regions.map((r) => (
              <label key={r.id} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="region"
                  value={r.id}
                  className="size-4 accent-brand-600"
                  checked={choice.kind === "listed" && choice.id === r.id}
                  onChange={() => setChoice({ kind: "listed", id: r.id })}
                />
                {r.label}
              </label>
            ))}
            {option.otherRegion && (
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" name="region" value="other" className="size-4 accent-brand-600" checked={choice.kind === "other"} onChange={() => setChoice({ kind: "other" })} />
                {option.otherRegion.label}
              </label>
            )}
            {choice.kind === "other" && option.otherRegion && textField("region", "Region code", option.otherRegion.hint, otherRegion, setOtherRegion)}
            {option.tenant && (
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" name="region" value="tenant" className="size-4 accent-brand-600" checked={choice.kind === "tenant"} onChange={() => setChoice({ kind: "tenant" })} />
                {option.tenant.label}
              </label>
            )}
            {choice.kind === "tenant" && option.tenant && textField("tenant", "Tenant name", option.tenant.hint, tenant, setTenant)}
          </div>
        </fieldset>
      )}

      {option && (
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="submit" className={buttonPrimary} disabled={!hydrated || navigating}>
            Next: choose your CDN
          </button>
        </div>
      )}

      <fieldset className="mt-10">
        <legend className="font-semibold text-slate-900">Other email providers: guidance only</legend>
        <p className="mt-1 text-sm text-slate-700">No CDN plan for these: choosing one shows whether it serves HTTPS itself, what a CDN in front needs, and what to ask it.</p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {view.guides.map((g) => (
            <RadioCard
              key={g.id}
              name="esp"
              value={g.id}
              defaultChecked={selected === g.id}
              onChange={() => select(g.id)}
              title={<span className="font-semibold text-slate-900">{g.name}</span>}
              description={g.managedHttps ? `Guidance: ${g.managedHttps.name} first, a CDN otherwise.` : "Guidance: a CDN in front, and what to ask."}
            />
          ))}
        </div>
      </fieldset>

      {guide && <EspGuide guide={guide} />}
      {guide && <p className="mt-6 text-sm text-slate-700">For a CDN plan, choose {view.esps.map((e) => e.name).join(", ")} above.</p>}
    </form>
  );
}
