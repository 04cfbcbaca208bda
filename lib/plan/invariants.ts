import type { ResolvedEsp } from "@/lib/domain/esp";
import type { HostPlan, Plan } from "@/lib/domain/plan";
export type { HostGuarantees } from "@/lib/domain/plan";
import { recordsOf } from "@/lib/domain/plan";
import { resolveEsp } from "@/lib/esps/choice";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { beforeWarnings } from "@/lib/providers/plan-parts/common";
import { brandedHostRoute } from "@/lib/providers/plan-parts/branded-host";
import { fillEspText } from "@/lib/providers/plan-parts/esp-steps";

/**
 * The ten invariants every CDN configuration must keep, as they read for the plan's email provider
 * (docs/esps.md#invariants; docs/sendgrid.md#the-ten-invariants for SendGrid, where they were first written), and the
 * checks that prove a plan keeps them. Each provider's plan states what its configuration achieves per host
 * (`guarantees`, derived from the same settings its apply sends); these checks read only that, the plan's steps,
 * the ESP's rules (lib/esps/<esp>/) and the CDN's declared capabilities, so a CDN or an ESP added later is held to
 * all ten without touching this file.
 */

export { EVERY_METHOD } from "@/lib/providers/plan-parts/methods";

export interface InvariantCheck {
  id: number;
  title: string;
  /** Returns null when kept, else what is wrong. */
  check: (plan: Plan, host: HostPlan, esp: ResolvedEsp) => string | null;
}

const versionAtLeast = (v: string, min: string) => Number.parseFloat(v) >= Number.parseFloat(min);
const sameHeader = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const step = (h: HostPlan, id: string) => h.steps.find((s) => s.id === id);
const stepText = (s: HostPlan["steps"][number] | undefined) => (s ? [s.intro, ...s.actions].join(" ") : "");

function brandedHostProblem(plan: Plan, h: HostPlan, esp: ResolvedEsp): string | null {
  const g = h.guarantees;
  const route = brandedHostRoute(PROVIDER_INFO[plan.cdn], esp.rules);
  if (route.via === "host") {
    if (g.brandedHost.via !== "host") return `the link host travels in ${g.brandedHost.header}, but ${esp.name} needs it as the Host header here`;
    if (g.hostHeader !== "pass-through") return "Host is overridden";
  } else if (g.brandedHost.via !== "origin-header" || !sameHeader(g.brandedHost.header, route.header) || g.brandedHost.value !== h.host) {
    const got = g.brandedHost.via === "host" ? "the Host header" : `${g.brandedHost.header}: ${g.brandedHost.value}`;
    return `the link host reaches ${esp.name} as ${got}, not as the origin header ${route.header}: ${h.host}`;
  }
  const missing = esp.rules.forwardHeaders.filter((name) => !g.forwardedHeaders.some((f) => f === "*" || sameHeader(f, name)));
  if (missing.length > 0) return `${missing.join(", ")} does not reach ${esp.name}`;
  const cookies = esp.rules.forwardCookies;
  if (cookies === "none" && g.cookies === "forwarded") {
    return `cookies are forwarded, and ${esp.name} refuses requests past ${esp.rules.maxRequestHeaderBytes ?? "its limit of"} bytes of headers and cookies`;
  }
  if (cookies === "all" && g.cookies === "not-forwarded") return `cookies are dropped, and ${esp.name}'s setup forwards them`;
  return null;
}

export const INVARIANTS: readonly InvariantCheck[] = [
  {
    id: 1,
    title: "The edge certificate names the exact link host",
    check: (_, h) => (h.guarantees.certificateNames.includes(h.host) ? null : `certificate names ${h.guarantees.certificateNames.join(", ") || "nothing"}, not ${h.host}`),
  },
  {
    id: 2,
    title: "Origin is the email provider's for the account's region, over HTTPS with TLS ≥ 1.2, without checking the link host's name",
    check: (_, h, esp) => {
      const g = h.guarantees;
      if (g.origin !== esp.origin) return `origin is ${g.origin}, expected ${esp.origin}`;
      if (g.originProtocol !== esp.rules.originProtocol) return `origin protocol is ${g.originProtocol}`;
      if (!versionAtLeast(g.originMinTls, "1.2")) return `origin TLS minimum is ${g.originMinTls}`;
      if (g.originCertificateCheckedAgainst === "link-host") return `origin certificate is checked against the link host (${esp.name} serves its own name's certificate)`;
      return null;
    },
  },
  {
    id: 3,
    title: "The link host reaches the email provider as it requires (Host or its origin header), with the headers and cookies it needs",
    check: brandedHostProblem,
  },
  {
    id: 4,
    title: "The query string is forwarded and keyed; redirects are never shared between recipients, nor cached longer than the email provider allows",
    check: (_, h, esp) => {
      const g = h.guarantees;
      if (g.queryString !== "forwarded-and-keyed") return `query string is ${g.queryString}`;
      if (g.redirectSharedForSeconds > 0) return `a redirect may be served to another recipient for ${g.redirectSharedForSeconds} s`;
      // An ESP that asks for a short cache (SparkPost: at most 10 s) sets the longest a click may be kept. One that
      // asks for none is held by the line above: a kept answer is never another recipient's, and a CDN that keeps
      // one at all says so in its plan (docs/esps.md#invariants).
      const max = esp.rules.cache.maxTtl;
      if (max > 0 && g.cachedForSeconds > max) return `a repeat click may be answered from cache for ${g.cachedForSeconds} s; ${esp.name} allows at most ${max} s`;
      return null;
    },
  },
  {
    id: 5,
    title: "Every method the email provider needs passes",
    check: (_, h, esp) => {
      const missing = esp.rules.methods.filter((m) => !h.guarantees.methods.includes(m));
      return missing.length === 0 ? null : `methods are ${h.guarantees.methods.join(", ")}, without ${missing.join(", ")}`;
    },
  },
  {
    id: 6,
    title: "Viewers may use HTTP and HTTPS",
    check: (_, h) => (["http", "https"].every((v) => h.guarantees.viewerProtocols.includes(v as "http")) ? null : `viewers: ${h.guarantees.viewerProtocols.join(", ")}`),
  },
  {
    id: 7,
    title: "Only the link host's CNAME moves to the CDN",
    check: (_, h) => {
      const moved = recordsOf(h).filter((r) => r.phase === "switch").map((r) => r.name);
      return moved.length === 1 && moved[0] === h.host ? null : `records moved at the switch: ${moved.join(", ") || "none"}`;
    },
  },
  {
    id: 8,
    title: "The plan follows the email provider's order: what it needs first, and its warning at the switch",
    check: (_, h, esp) => {
      const first = h.steps[0]?.warnings ?? [];
      const missing = beforeWarnings(esp).filter((w) => !first.includes(w));
      if (missing.length > 0) return `the first step does not say: ${missing.join(" ")}`;
      const atSwitch = esp.order.atSwitch;
      if (atSwitch && !step(h, "dns")?.warnings?.includes(atSwitch)) return `the DNS step does not warn: ${atSwitch}`;
      return null;
    },
  },
  {
    id: 9,
    title: "The last step says who turns HTTPS on and what to do in the email provider, after every link host answers over HTTPS",
    check: (_, h, esp) => {
      const last = h.steps.at(-1);
      if (last?.id !== "next") return "the last step is not the email provider's";
      const text = stepText(last);
      const missing = [esp.order.whoTurnsHttpsOn, ...esp.order.after.map((a) => fillEspText(a, h.host, esp))].filter((line) => !text.includes(line));
      return missing.length === 0 ? null : `the last step does not say: ${missing.join(" ")}`;
    },
  },
  {
    id: 10,
    title: "The email provider's managed HTTPS needs no CDN: the CDN never forwards to its managed-HTTPS target",
    // A paste that shows managed HTTPS stops before any plan (the hostnames step); a plan only needs not to claim otherwise.
    check: (_, h, esp) => {
      const targets = Object.values(esp.managedHttps?.targets ?? {});
      return targets.includes(h.guarantees.origin) ? `the CDN forwards to ${h.guarantees.origin}, ${esp.managedHttps!.name}'s target` : null;
    },
  },
];

/** Every invariant a host plan breaks, as "host #id title: what is wrong". Empty when all ten hold. */
export function brokenInvariants(plan: Plan): string[] {
  const esp = resolveEsp(plan);
  return plan.hosts.flatMap((h) =>
    INVARIANTS.flatMap((inv) => {
      const problem = inv.check(plan, h, esp);
      return problem ? [`${h.host} #${inv.id} ${inv.title}: ${problem}`] : [];
    }),
  );
}
