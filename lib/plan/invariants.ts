import type { HostPlan, Plan } from "@/lib/plan/types";
export type { HostGuarantees } from "@/lib/domain/plan";
import { recordsOf } from "@/lib/plan/types";
import { SENDGRID_AUTO_SSL_TARGET } from "@/lib/sendgrid";
import { resolveEsp } from "@/lib/esps/choice";

/**
 * The ten invariants every CDN configuration must keep (docs/sendgrid.md#the-ten-invariants), and the checks that prove a
 * plan keeps them. Each provider's plan states what its configuration achieves per host (`guarantees`,
 * derived from the same settings its apply sends), and these checks read only that and the plan's
 * steps, so a provider added later is held to all ten without touching this file.
 */

/** Every method a link host must pass: clicks (GET/HEAD) and one-click unsubscribe (POST) among them. */
export const EVERY_METHOD = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"] as const;


export interface InvariantCheck {
  id: number;
  title: string;
  /** Returns null when kept, else what is wrong. */
  check: (plan: Plan, host: HostPlan) => string | null;
}

const versionAtLeast = (v: string, min: string) => Number.parseFloat(v) >= Number.parseFloat(min);

export const INVARIANTS: readonly InvariantCheck[] = [
  {
    id: 1,
    title: "The edge certificate names the exact link host",
    check: (_, h) => (h.guarantees.certificateNames.includes(h.host) ? null : `certificate names ${h.guarantees.certificateNames.join(", ") || "nothing"}, not ${h.host}`),
  },
  {
    id: 2,
    title: "Origin is SendGrid for the account's region, over HTTPS with TLS ≥ 1.2, without checking the link host's name",
    check: (p, h) => {
      const g = h.guarantees;
      const expected = resolveEsp(p).origin;
      if (g.origin !== expected) return `origin is ${g.origin}, expected ${expected}`;
      if (g.originProtocol !== "https") return `origin protocol is ${g.originProtocol}`;
      if (!versionAtLeast(g.originMinTls, "1.2")) return `origin TLS minimum is ${g.originMinTls}`;
      if (g.originCertificateCheckedAgainst === "link-host") return "origin certificate is checked against the link host (SendGrid serves *.sendgrid.net)";
      return null;
    },
  },
  { id: 3, title: "The link host reaches SendGrid as the Host header", check: (_, h) => (h.guarantees.hostHeader === "pass-through" ? null : "Host is overridden") },
  {
    id: 4,
    title: "The query string is forwarded and keyed; redirects are not shared between recipients",
    check: (_, h) => {
      if (h.guarantees.queryString !== "forwarded-and-keyed") return `query string is ${h.guarantees.queryString}`;
      if (h.guarantees.redirectSharedForSeconds > 0) return `a redirect may be served to another recipient for ${h.guarantees.redirectSharedForSeconds} s`;
      return null;
    },
  },
  { id: 5, title: "Every method passes, POST included (one-click unsubscribe)", check: (_, h) => (h.guarantees.methods.includes("POST") ? null : `methods are ${h.guarantees.methods.join(", ")}`) },
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
    title: "The DNS step warns not to re-validate link branding after the switch",
    check: (_, h) => {
      const dns = h.steps.find((s) => s.id === "dns");
      return dns?.warnings?.some((w) => /re-validate/i.test(w)) ? null : "no re-validation warning at the DNS step";
    },
  },
  {
    id: 9,
    title: "The last step says to ask for SSL click tracking, per account, after every link host answers over HTTPS",
    check: (_, h) => {
      const last = h.steps.at(-1);
      const text = last ? [last.intro, ...last.actions].join(" ") : "";
      return last?.id === "next" && /SSL click tracking/.test(text) && /per account/.test(text) && /subusers/.test(text) ? null : "the last step does not say what to ask the account team";
    },
  },
  {
    id: 10,
    title: "Auto SSL link branding needs no CDN: the plan is never built for it",
    // Enforced before any provider runs: a chart whose link host points at SendGrid's Auto SSL target stops
    // at the hostnames step (lib/chart.ts). Provider plans only need to not claim otherwise.
    check: (_, h) => (h.guarantees.origin === SENDGRID_AUTO_SSL_TARGET ? "the CDN forwards to the Auto SSL target" : null),
  },
];

/** Every invariant a host plan breaks, as "#id title: what is wrong". Empty when all ten hold. */
export function brokenInvariants(plan: Plan): string[] {
  return plan.hosts.flatMap((h) =>
    INVARIANTS.flatMap((inv) => {
      const problem = inv.check(plan, h);
      return problem ? [`${h.host} #${inv.id} ${inv.title}: ${problem}`] : [];
    }),
  );
}
