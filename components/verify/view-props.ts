import type { VerifyViewProps } from "@/components/verify/status";
import { resolveEsp } from "@/lib/esps/choice";
import { espModule } from "@/lib/esps/registry";
import { planOnlyQueryString, planQueryString, type PlanQuery } from "@/lib/plan/query";
import type { Plan } from "@/lib/domain/plan";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import { WIZARD_STEPS, type StepId } from "@/lib/wizard/steps";

/** The Test and DNS steps' verification inputs: the plan's hosts, each one's CDN address, the link from the URL. */
export function verifyView(query: PlanQuery, plan: Plan, rawLink: string | undefined, linkError: string | undefined): VerifyViewProps {
  const inPlace = VERIFICATIONS[plan.cdn].inPlace;
  const hosts = plan.hosts.map((hp, i) => {
    // The CNAME the DNS step moves to the CDN holds the CDN address when the plan knows it (a target in the
    // URL, or one the provider's plan derives); a record proxied in place keeps pointing at the ESP, so it never does.
    const record = hp.steps.find((s) => s.id === "dns")?.records?.find((r) => r.phase === "switch");
    const fromPlan = !inPlace && record?.valueKnown ? record.value : undefined;
    const target = query.targets[i] ?? fromPlan ?? null;
    const hint = inPlace
      ? inPlace.targetHint
      : record && !record.valueKnown
        ? `It is ${record.value}.`
        : "The address the DNS step points this hostname at.";
    return { host: hp.host, target, hint };
  });
  const esp = resolveEsp(plan);
  const looksLike = `${espModule(plan.esp).trackedPaths[0]}…`;
  const linkHint = esp.probe.documented
    ? `Optional. Without one, each check requests ${esp.probe.method} ${esp.probe.path} on every hostname, ${esp.name}'s own test: the right answer is ${esp.probe.describe}. Or paste a link from an email you sent to yourself (it looks like ${looksLike}): each check then requests it once over HTTP and once over HTTPS, which counts as clicks, and expects ${esp.name}'s redirect.`
    : `Paste a link from an email you sent to yourself: the whole URL, or its path and query (it looks like ${esp.exampleTrackedPath.replace(/=.*$/, "=…")}). Each check requests it once over HTTP and once over HTTPS on every hostname, which counts as clicks. It stays in this page's address, so the DNS step checks the same link.`;
  const steps = Object.fromEntries(WIZARD_STEPS.map((s) => [s.id, `/setup?${planQueryString({ ...query, step: s.id })}`])) as Record<StepId, string>;
  return {
    cdn: plan.cdn,
    cdnName: plan.cdnName,
    esp: plan.esp,
    region: plan.region,
    tenant: plan.tenant,
    hosts,
    link: query.link,
    linkHint,
    linkOptional: esp.probe.documented,
    linkInput: linkError ? rawLink : undefined,
    linkError,
    override: query.override === true,
    steps,
    checklistHref: `/checklist?${planOnlyQueryString(query)}${query.override ? "&override=1" : ""}`,
    certificateAfterSwitch: PROVIDER_INFO[plan.cdn].certificateAfterSwitch,
    inPlaceNote: inPlace?.missingAddressNote,
  };
}
