import type { PlanQuery } from "@/lib/plan/query";
import type { PlanStep } from "@/lib/plan/types";

/**
 * The wizard's steps as data, in the documented order (the seed's steps, preceded by the choices the
 * wizard needs). A step "gates" when the steps after it need its answer in the URL.
 */
export interface WizardStep {
  id: "cdn" | "hosts" | "mode" | "configure" | "test" | "dns" | "next";
  title: string;
  /** One line under the title. */
  description: string;
  /** For gating steps: is the answer in the query? */
  answered?: (q: PlanQuery) => boolean;
  /**
   * The plan step ids this wizard step shows; "before-test" is every plan step before the test step, in
   * the plan's order, so a provider's own steps (Cloudflare's records and Configuration Rule, Fastly's
   * activation, KeyCDN's Zone URL and alias) appear without this list knowing them.
   */
  planSteps?: string[] | "before-test";
}

export const WIZARD_STEPS: readonly WizardStep[] = [
  { id: "cdn", title: "Choose your CDN", description: "The CDN that will serve your link host over HTTPS.", answered: (q) => q.cdn !== undefined },
  {
    id: "hosts",
    title: "Link branding hostnames",
    description: "The click-tracking hosts of your link branding, or the record chart as your email provider shows it.",
    answered: (q) => q.hosts.length > 0,
  },
  { id: "mode", title: "How to configure", description: "Copy the values yourself, or let the wizard apply them with your API credentials.", answered: (q) => q.mode !== undefined },
  { id: "configure", title: "Configure", description: "Create the certificate and the CDN configuration for each hostname.", planSteps: "before-test" },
  { id: "test", title: "Test before the switch", description: "Prove the CDN answers correctly over HTTP and HTTPS before touching DNS.", planSteps: ["test"] },
  { id: "dns", title: "Update DNS", description: "Point each link host at the CDN: one CNAME per hostname.", planSteps: ["dns"] },
  { id: "next", title: "Next steps", description: "Ask your account team to turn on SSL click tracking.", planSteps: ["next"] },
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

/** The plan steps a wizard step shows, in plan order. */
export function planStepsShown(step: WizardStep, steps: readonly PlanStep[]): PlanStep[] {
  const ids = step.planSteps;
  if (ids === undefined) return [];
  if (ids === "before-test") {
    const test = steps.findIndex((s) => s.id === "test");
    return steps.slice(0, test < 0 ? steps.length : test);
  }
  return steps.filter((s) => ids.includes(s.id));
}
