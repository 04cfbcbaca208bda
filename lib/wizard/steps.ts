import type { ResolvedEsp } from "@/lib/domain/esp";
import type { PlanQuery } from "@/lib/plan/query";
import type { HostPlan, PlanStep } from "@/lib/domain/plan";

/**
 * The wizard's steps as data, in the documented order (the seed's steps, preceded by the choices the
 * wizard needs). A step "gates" when the steps after it need its answer in the URL.
 */
export interface WizardStep {
  id: "esp" | "cdn" | "hosts" | "mode" | "configure" | "test" | "dns" | "next";
  title: string;
  /** One line under the title. */
  description: string;
  /** The line under the title in the chosen email provider's words, when it depends on the ESP. */
  espDescription?: (esp: ResolvedEsp) => string;
  /** What the button that leads here says after "Next:", when the title would read oddly there. */
  navLabel?: string;
  /** For gating steps: is the answer in the query? */
  answered?: (q: PlanQuery) => boolean;
  /** Which of a host plan's steps this wizard step shows (steps that render the plan have one). */
  planSteps?: (hostPlan: HostPlan) => PlanStep[];
}

/**
 * Providers order their own steps (one whose certificate can only issue after the DNS switch puts its DNS
 * step before the test). The wizard shows everything before the test under Configure, in the
 * provider's order, and only a DNS step that follows the test under Update DNS.
 */
const indexOf = (hp: HostPlan, id: string) => {
  const i = hp.steps.findIndex((s) => s.id === id);
  return i === -1 ? hp.steps.length : i;
};
const before = (hp: HostPlan, id: string) => hp.steps.slice(0, indexOf(hp, id));
const after = (hp: HostPlan, id: string) => hp.steps.slice(indexOf(hp, id) + 1);

export const WIZARD_STEPS: readonly WizardStep[] = [
  {
    id: "esp",
    title: "Email provider",
    description: "The email provider that sends the mail and tracks its clicks, and the region its account is in.",
    // The ESP has a default (links made before it existed are SendGrid plans), so "answered" means the person has
    // moved past this step: a CDN chosen, or any step named in the URL. An ESP that gets guidance only stays here.
    answered: (q) => q.guide === undefined && (q.cdn !== undefined || q.step !== undefined),
  },
  { id: "cdn", title: "Choose your CDN", description: "The CDN that will serve your link host over HTTPS.", answered: (q) => q.cdn !== undefined },
  {
    id: "hosts",
    title: "Link branding hostnames",
    description: "The click-tracking hosts, or their records as your email provider shows them.",
    answered: (q) => q.hosts.length > 0,
  },
  { id: "mode", title: "How to configure", description: "Copy the values yourself, or let the wizard apply them with your API credentials.", answered: (q) => q.mode !== undefined },
  { id: "configure", title: "Configure", description: "Create the certificate and the CDN configuration for each hostname.", planSteps: (hp) => before(hp, "test").filter((s) => s.id !== "next") },
  { id: "test", title: "Test before the switch", description: "Prove the CDN answers correctly over HTTP and HTTPS before touching DNS.", planSteps: (hp) => hp.steps.filter((s) => s.id === "test") },
  { id: "dns", title: "Update DNS", description: "Point each link host at the CDN: one CNAME per hostname.", planSteps: (hp) => after(hp, "test").filter((s) => s.id === "dns") },
  {
    id: "next",
    title: "Next steps",
    navLabel: "turn HTTPS on for tracked links",
    description: "Turn HTTPS on for tracked links, in the email provider or through its account team.",
    espDescription: (esp) => esp.order.whoTurnsHttpsOn,
    planSteps: (hp) => hp.steps.filter((s) => s.id === "next"),
  },
];

export type StepId = WizardStep["id"];

/** The step to show: the requested one if everything before it is answered, else the first unanswered. */
export function currentStep(q: PlanQuery): WizardStep {
  const firstUnanswered = WIZARD_STEPS.find((s) => s.answered && !s.answered(q));
  const requested = WIZARD_STEPS.find((s) => s.id === q.step);
  if (requested && (!firstUnanswered || WIZARD_STEPS.indexOf(requested) <= WIZARD_STEPS.indexOf(firstUnanswered))) return requested;
  return firstUnanswered ?? WIZARD_STEPS.find((s) => s.id === "configure")!;
}

export function stepIndex(id: StepId): number {
  return WIZARD_STEPS.findIndex((s) => s.id === id);
}

export function neighbours(id: StepId): { previous?: WizardStep; next?: WizardStep } {
  const i = stepIndex(id);
  return { previous: WIZARD_STEPS[i - 1], next: WIZARD_STEPS[i + 1] };
}
