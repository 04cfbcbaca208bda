import { describe, expect, it } from "vitest";
import { CDN_IDS, type CdnId, type HostPlan, type Plan, type PlanStep } from "@/lib/plan/types";
import { PROVIDERS } from "@/lib/providers";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { SENDGRID_AUTO_SSL_TARGET, SENDGRID_ORIGIN } from "@/lib/sendgrid";
import { EVERY_METHOD, INVARIANTS, brokenInvariants } from "./invariants";

/**
 * One table: rows are the ten invariants, columns every provider whose plan exists. A provider added
 * later appears here by registering in PROVIDERS, and fails loudly until it keeps all ten.
 */
const REGIONS = ["global", "eu"] as const;
const HOSTS = ["ablink.x.customer.com", "ablink.mail.brand.co.uk"];
const landed = CDN_IDS.filter((id) => PROVIDERS[id]);
const planFor = (cdn: CdnId, region: "global" | "eu"): Plan => PROVIDERS[cdn]!.plan({ hosts: HOSTS, region });

describe("every available provider has a plan", () => {
  it.each(CDN_IDS.filter((id) => PROVIDER_INFO[id].available))("%s", (cdn) => {
    // Registered under its own id, and its plan is for that CDN.
    expect(PROVIDERS[cdn]?.info.id).toBe(cdn);
    expect(planFor(cdn, "global").cdn).toBe(cdn);
  });
});

describe.each(INVARIANTS.map((inv) => [`#${inv.id} ${inv.title}`, inv] as const))("%s", (_, inv) => {
  it.each(landed.flatMap((cdn) => (["global", "eu"] as const).map((region) => [cdn, region] as const)))("%s (%s region)", (cdn, region) => {
    const plan = planFor(cdn, region);
    expect(plan.hosts.map((h) => inv.check(plan, h))).toEqual(plan.hosts.map(() => null));
  });
});

/**
 * Each check can fail: a real plan (every provider, both regions) changed so that exactly one invariant
 * breaks, for one of its two hosts, must be reported as that invariant for that host and nothing else.
 */
interface Breakage {
  name: string;
  /** The invariants reported for the changed host (#10's Auto SSL origin is also the wrong origin, #2). */
  breaks: number[];
  /** Changes the plan's first host in place (the plan is a copy). */
  change: (host: HostPlan, plan: Plan) => void;
}

const OTHER_REGION = { global: "eu", eu: "global" } as const;
const step = (host: HostPlan, id: string): PlanStep => host.steps.find((s) => s.id === id)!;
const switchRecord = (host: HostPlan) => step(host, "dns").records!.find((r) => r.phase === "switch")!;
/** Removes a phrase from the last step's intro and actions. */
const withoutPhrase = (phrase: string) => (host: HostPlan) => {
  const last = host.steps.at(-1)!;
  last.intro = last.intro.replaceAll(phrase, "");
  last.actions = last.actions.map((a) => a.replaceAll(phrase, ""));
};

const BREAKAGES: Breakage[] = [
  { name: "the certificate names only the wildcard", breaks: [1], change: (h) => void (h.guarantees.certificateNames = [`*.${h.host.split(".").slice(1).join(".")}`]) },
  { name: "the certificate names nothing", breaks: [1], change: (h) => void (h.guarantees.certificateNames = []) },
  { name: "the origin is the other region's SendGrid", breaks: [2], change: (h, p) => void (h.guarantees.origin = SENDGRID_ORIGIN[OTHER_REGION[p.region as keyof typeof OTHER_REGION]]) },
  { name: "the origin is reached over HTTP", breaks: [2], change: (h) => void (h.guarantees.originProtocol = "http") },
  { name: "the origin protocol follows the viewer's", breaks: [2], change: (h) => void (h.guarantees.originProtocol = "match-viewer") },
  { name: "the origin allows TLS 1.1", breaks: [2], change: (h) => void (h.guarantees.originMinTls = "1.1") },
  { name: "the origin certificate is checked against the link host", breaks: [2], change: (h) => void (h.guarantees.originCertificateCheckedAgainst = "link-host") },
  { name: "the Host header is overridden", breaks: [3], change: (h) => void (h.guarantees.hostHeader = "overridden") },
  { name: "the query string is forwarded but not keyed", breaks: [4], change: (h) => void (h.guarantees.queryString = "forwarded-not-keyed") },
  { name: "the query string is dropped", breaks: [4], change: (h) => void (h.guarantees.queryString = "dropped") },
  { name: "a redirect may be shared for one second", breaks: [4], change: (h) => void (h.guarantees.redirectSharedForSeconds = 1) },
  { name: "every method but POST", breaks: [5], change: (h) => void (h.guarantees.methods = EVERY_METHOD.filter((m) => m !== "POST")) },
  { name: "viewers only over HTTPS", breaks: [6], change: (h) => void (h.guarantees.viewerProtocols = ["https"]) },
  { name: "viewers only over HTTP", breaks: [6], change: (h) => void (h.guarantees.viewerProtocols = ["http"]) },
  { name: "the owner record moves at the switch too", breaks: [7], change: (h) => void step(h, "dns").records!.push({ ...switchRecord(h), name: `1234.${h.zone}` }) },
  { name: "no record moves at the switch", breaks: [7], change: (h) => void (switchRecord(h).phase = "keep") },
  { name: "the record moved at the switch is another host's", breaks: [7], change: (h, p) => void (switchRecord(h).name = p.hosts[1]!.host) },
  { name: "the DNS step lacks the re-validation warning", breaks: [8], change: (h) => void (step(h, "dns").warnings = step(h, "dns").warnings!.filter((w) => !/re-validate/i.test(w))) },
  { name: "the DNS step has no warnings", breaks: [8], change: (h) => void delete step(h, "dns").warnings },
  { name: "the next step is not last", breaks: [9], change: (h) => void h.steps.unshift(h.steps.pop()!) },
  { name: "the last step does not name SSL click tracking", breaks: [9], change: withoutPhrase("SSL click tracking") },
  { name: "the last step does not say it is per account", breaks: [9], change: withoutPhrase("per account") },
  { name: "the last step does not mention subusers", breaks: [9], change: withoutPhrase("subusers") },
  { name: "the CDN forwards to the Auto SSL target", breaks: [2, 10], change: (h) => void (h.guarantees.origin = SENDGRID_AUTO_SSL_TARGET) },
];

/** "host #id" for every broken invariant. */
const reported = (plan: Plan) => brokenInvariants(plan).map((line) => /^\S+ #\d+/.exec(line)![0]);

describe("every check can fail", () => {
  it("every invariant has a breakage below", () => {
    expect([...new Set(BREAKAGES.flatMap((b) => b.breaks))].sort((a, b) => a - b)).toEqual(INVARIANTS.map((inv) => inv.id));
  });

  describe.each(landed.flatMap((cdn) => REGIONS.map((region) => [cdn, region] as const)))("%s (%s region)", (cdn, region) => {
    it("the unchanged plan breaks none", () => {
      expect(brokenInvariants(planFor(cdn, region))).toEqual([]);
    });

    it.each(BREAKAGES.map((b) => [b.name, b] as const))("%s", (_, b) => {
      const plan = structuredClone(planFor(cdn, region));
      b.change(plan.hosts[0]!, plan);
      expect(reported(plan)).toEqual(b.breaks.map((id) => `${HOSTS[0]} #${id}`));
    });
  });
});
