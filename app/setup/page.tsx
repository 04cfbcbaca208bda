import type { Metadata } from "next";
import { CdnStep } from "@/components/wizard/cdn-step";
import { LazyApplyPanel, LazyDnsSwitchPanel, LazyEspStep, LazyHostsStep, LazySwitchGate, LazyVerifyPanel } from "@/components/wizard/lazy-steps";
import { ModeStep } from "@/components/wizard/mode-step";
import { PlanSteps } from "@/components/wizard/plan-steps";
import { ZoneForm } from "@/components/wizard/zone-form";
import { Progress } from "@/components/wizard/progress";
import { StepNav } from "@/components/wizard/step-nav";
import { KeyboardNav } from "@/components/wizard/keyboard-nav";
import { PlanToolbar } from "@/components/wizard/plan-toolbar";
import { ValuesViewToggle } from "@/components/wizard/values-view-toggle";
import { verifyView } from "@/components/verify/view-props";
import { resolveEsp } from "@/lib/esps/choice";
import { choiceWords } from "@/lib/esps/recognise";
import { espStepView, managedHttpsView } from "@/lib/esps/view";
import { buildPlan } from "@/lib/plan/build";
import { switchConfirmation } from "@/lib/plan/switch-confirmation";
import { parsePlanQuery, planOnlyQueryString, type SearchParamsRecord } from "@/lib/plan/query";
import { PROVIDERS } from "@/lib/providers";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { DNS_HOST_FACTS, DNS_HOST_IDS } from "@/lib/dns-hosts/registry";
import { PROVIDER_INFO } from "@/lib/providers/info";
import limits from "@/lib/security/limits.json";
import { currentStep, stepIndex, WIZARD_STEPS } from "@/lib/wizard/steps";

export const metadata: Metadata = { title: "Setup wizard" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const { query, errors } = parsePlanQuery(params);
  const step = currentStep(query);
  const built = query.cdn && query.hosts.length > 0 ? buildPlan(query) : undefined;
  const provider = query.cdn ? PROVIDER_INFO[query.cdn] : undefined;
  const esp = resolveEsp(query);
  const hostError = errors.find((e) => e.field === "host")?.message;
  // A refused host stays in the field with its message, rather than vanishing from it.
  const hostText = hostError ? [params.host ?? []].flat().join("\n").slice(0, limits.hostnamesInputChars) : undefined;
  const linkError = errors.find((e) => e.field === "link")?.message;
  // An ESP that gets guidance only is not an error on step 1: the step shows its guidance.
  const otherErrors = errors.filter((e) => e.field !== "host" && !(e.field === "link" && step.id === "test") && !(e.field === "esp" && query.guide && step.id === "esp"));
  const verify = built?.plan && (step.id === "test" || step.id === "dns") ? verifyView(query, built.plan, typeof params.link === "string" ? params.link : undefined, linkError) : undefined;
  // The DNS step's records sit behind the switch gate (shown once verification passes or is overridden).
  const showPlan = step.planSteps !== undefined && built?.plan !== undefined && step.id !== "dns" && !(step.id === "configure" && query.mode === "apply");

  return (
    <div className={query.present ? "present-mode" : undefined}>
      {query.present && <KeyboardNav />}
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Set up HTTPS click tracking</h1>
      <div className={query.present ? "sticky top-0 z-20 -mx-4 mt-4 border-b-2 border-black bg-white px-4 py-2" : "mt-4"}>
        <Progress query={query} current={step} />
        {query.present && <p className="mt-1 text-sm">Presenter mode: → / N next step, ← / P previous step.</p>}
      </div>

      {otherErrors.length > 0 && (
        <div role="alert" className="mt-6 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">Some of this link could not be used:</p>
          <ul className="mt-1 list-disc pl-5">
            {otherErrors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby="step-title" className="mt-8">
        <p className="text-sm font-medium text-brand-700">
          Step {stepIndex(step.id) + 1} of {WIZARD_STEPS.length}
          {step.id !== "esp" ? ` · ${esp.name}` : ""}
          {provider ? ` · ${provider.name}` : ""}
        </p>
        <h2 id="step-title" className="mt-1 text-xl font-semibold text-slate-900 sm:text-2xl">
          {step.title}
        </h2>
        <p className="mt-1 text-slate-700">{step.espDescription?.(esp) ?? step.description}</p>

        <div className="mt-6">
          {step.id === "esp" && <LazyEspStep query={query} view={espStepView()} />}
          {step.id === "cdn" && <CdnStep query={query} managed={managedHttpsView(query)} />}
          {step.id === "hosts" && (
            <LazyHostsStep
              query={query}
              esp={{ name: esp.name, choiceLabel: choiceWords(query.esp, query.region, query.tenant), trackingRecord: esp.trackingRecord.what }}
              initialError={hostError}
              initialText={hostText}
            />
          )}
          {step.id === "mode" && <ModeStep query={query} />}
          {step.planSteps && !built?.plan && (
            <p className="rounded-md border-l-4 border-slate-500 bg-white px-4 py-3">
              {built?.errors?.map((e) => e.message).join(" ") ?? "Choose a CDN and enter hostnames first."}
            </p>
          )}
          {step.id === "configure" && built?.plan && provider?.needsZone && <ZoneForm query={query} plan={built.plan} words={provider.needsZone} />}
          {step.id === "configure" && built?.plan && query.mode === "apply" && <LazyApplyPanel query={query} provider={provider!} confirmation={switchConfirmation(provider!, query)} />}
          {step.id === "test" && verify && <LazyVerifyPanel {...verify} />}
          {step.id === "test" && verify && <h3 className="mt-10 mb-4 text-lg font-semibold text-slate-900">Or test by hand</h3>}
          {step.id === "dns" && verify && built?.plan && (
            <>
              <LazySwitchGate {...verify} revalidationWarning={esp.order.atSwitch}>
                {/* A CDN that proxies the record in place changes it in its own apply: no separate switch. */}
                {!CDN_ADDRESSES[built.plan.cdn].proxiesInPlace && (
                  <LazyDnsSwitchPanel
                    hosts={built.plan.hosts.map((h) => h.host)}
                    targets={verify.hosts.map((h) => h.target ?? undefined)}
                    cdn={built.plan.cdn}
                    esp={built.plan.esp}
                    region={built.plan.region}
                    tenant={built.plan.tenant}
                    link={query.link}
                    dnsHosts={DNS_HOST_IDS.map((id) => DNS_HOST_FACTS[id].info)}
                    planQuery={planOnlyQueryString(query)}
                    terraform={PROVIDERS[built.plan.cdn].exports.terraform !== undefined}
                    testStepHref={verify.steps.test}
                  />
                )}
                <PlanSteps plan={built.plan} select={step.planSteps!} />
              </LazySwitchGate>
              <noscript>
                <p className="mt-4">Live verification needs JavaScript; test by hand with the checklist&apos;s commands before you change DNS.</p>
                <PlanSteps plan={built.plan} select={step.planSteps!} />
              </noscript>
            </>
          )}
          {showPlan && built?.plan.hosts.some((hp) => step.planSteps!(hp).some((s) => s.groups?.length)) && <ValuesViewToggle query={query} />}
          {showPlan && built?.plan && <PlanSteps plan={built.plan} select={step.planSteps!} view={query.view} />}
          {step.planSteps && built?.plan && <PlanToolbar query={query} />}
          {step.planSteps && <StepNav query={query} step={step.id} />}
        </div>
      </section>
    </div>
  );
}
