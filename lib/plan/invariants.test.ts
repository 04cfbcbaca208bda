import { describe, expect, it } from "vitest";
import { CDN_IDS, type CdnId, type HostPlan, type Plan, type PlanStep } from "@/lib/domain/plan";
import { ESP_IDS, type EspId } from "@/lib/domain/ids";
import { espModule } from "@/lib/esps/registry";
import { resolveEsp } from "@/lib/esps/choice";
import { PROVIDERS } from "@/lib/providers";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { INVARIANTS, brokenInvariants } from "./invariants";

/**
 * One table: rows are the ten invariants, columns every CDN × email provider × region. A CDN or an ESP added later
 * appears here by registering, and fails loudly until it keeps all ten, except where the CDN cannot express an ESP's
 * rule: those cells are listed in GAPS, with the plan's own warning that says so.
 */
const HOSTS = ["ablink.x.customer.com", "ablink.mail.brand.co.uk"];

/** Each ESP's listed regions, plus one more AWS region for SES (any well-formed code is accepted). */
const REGIONS: Record<EspId, string[]> = { sendgrid: ["global", "eu"], sparkpost: ["us", "eu"], ses: ["us-east-1", "eu-central-1", "eu-west-2"] };

const CELLS = CDN_IDS.flatMap((cdn) => ESP_IDS.flatMap((esp) => REGIONS[esp].map((region) => [cdn, esp, region] as const)));
const planFor = (cdn: CdnId, esp: EspId, region: string): Plan => PROVIDERS[cdn]!.plan({ hosts: HOSTS, esp, region });

/**
 * What a CDN, as the wizard sets it up, cannot do for an ESP: the invariant it leaves broken and a phrase of the
 * plan's warning. KeyCDN has no setting that drops cookies, and keeps an answer a minute at least; Cloudflare passes
 * cookies (no Transform Rule is created). docs/providers/keycdn.md#per-email-provider, docs/providers/cloudflare.md#per-email-provider
 */
const GAPS: { cdn: CdnId; esp: EspId; invariant: number; warning: string }[] = [
  { cdn: "cloudflare", esp: "ses", invariant: 3, warning: "Cloudflare passes the visitor's cookies on to Amazon SES" },
  { cdn: "keycdn", esp: "ses", invariant: 3, warning: "KeyCDN passes the visitor's cookies on to Amazon SES" },
  { cdn: "keycdn", esp: "sparkpost", invariant: 4, warning: "KeyCDN keeps a redirect without cache headers for 1 minute at least" },
];
const gapsOf = (cdn: CdnId, esp: EspId) => GAPS.filter((g) => g.cdn === cdn && g.esp === esp);

describe("every available provider has a plan", () => {
  it.each(CDN_IDS.filter((id) => PROVIDER_INFO[id].available))("%s", (cdn) => {
    // Registered under its own id, and its plan is for that CDN.
    expect(PROVIDERS[cdn]?.info.id).toBe(cdn);
    expect(planFor(cdn, "sendgrid", "global").cdn).toBe(cdn);
  });
});

describe.each(INVARIANTS.map((inv) => [`#${inv.id} ${inv.title}`, inv] as const))("%s", (_, inv) => {
  it.each(CELLS)("%s for %s (%s)", (cdn, esp, region) => {
    const plan = planFor(cdn, esp, region);
    const expected = gapsOf(cdn, esp).some((g) => g.invariant === inv.id);
    const email = resolveEsp(plan);
    expect(plan.hosts.map((h) => inv.check(plan, h, email) !== null)).toEqual(plan.hosts.map(() => expected));
  });
});

describe("each gap is said on the plan, and is the only thing broken", () => {
  it.each(CELLS.filter(([cdn, esp]) => gapsOf(cdn, esp).length > 0))("%s for %s (%s)", (cdn, esp, region) => {
    const plan = planFor(cdn, esp, region);
    for (const h of plan.hosts) {
      for (const gap of gapsOf(cdn, esp)) expect(h.warnings.some((w) => w.includes(gap.warning))).toBe(true);
      expect(brokenInvariants({ ...plan, hosts: [h] }).map((l) => /#(\d+)/.exec(l)![1])).toEqual(gapsOf(cdn, esp).map((g) => String(g.invariant)));
    }
  });
});

/**
 * Each check can fail: a real plan (every CDN, ESP and region) changed so that exactly one invariant breaks, for one
 * of its two hosts, must be reported as that invariant for that host and nothing else. Breakages that depend on the
 * ESP's rules say for which ESPs they apply.
 */
interface Breakage {
  name: string;
  /** The invariants reported for the changed host (a managed-HTTPS target as origin is also the wrong origin, #2). */
  breaks: number[];
  /** Changes the plan's first host in place (the plan is a copy). */
  change: (host: HostPlan, plan: Plan) => void;
  /** Only for plans this holds for (the ESP has a rule that can be broken this way). */
  when?: (plan: Plan) => boolean;
}

const rules = (p: Plan) => espModule(p.esp).rules;
const step = (host: HostPlan, id: string): PlanStep => host.steps.find((s) => s.id === id)!;
const switchRecord = (host: HostPlan) => step(host, "dns").records!.find((r) => r.phase === "switch")!;
const otherOrigin = (p: Plan) => {
  const esp = espModule(p.esp);
  const other = esp.regions.find((r) => r.id !== p.region)!.id;
  return esp.origin(other);
};
const viaHost = (p: Plan) => !(PROVIDER_INFO[p.cdn].prefersOriginHeaderForBrandedHost && rules(p).brandedHost.originHeader);
const lastStepWithout = (line: (p: Plan, h: HostPlan) => string) => (h: HostPlan, p: Plan) => {
  const last = h.steps.at(-1)!;
  const drop = line(p, h);
  last.intro = last.intro.replaceAll(drop, "");
  last.actions = last.actions.filter((a) => a !== drop);
};

const BREAKAGES: Breakage[] = [
  { name: "the certificate names only the wildcard", breaks: [1], change: (h) => void (h.guarantees.certificateNames = [`*.${h.host.split(".").slice(1).join(".")}`]) },
  { name: "the certificate names nothing", breaks: [1], change: (h) => void (h.guarantees.certificateNames = []) },
  { name: "the origin is the other region's", breaks: [2], change: (h, p) => void (h.guarantees.origin = otherOrigin(p)) },
  { name: "the origin is reached over HTTP", breaks: [2], change: (h) => void (h.guarantees.originProtocol = "http") },
  { name: "the origin protocol follows the viewer's", breaks: [2], change: (h) => void (h.guarantees.originProtocol = "match-viewer") },
  { name: "the origin allows TLS 1.1", breaks: [2], change: (h) => void (h.guarantees.originMinTls = "1.1") },
  { name: "the origin certificate is checked against the link host", breaks: [2], change: (h) => void (h.guarantees.originCertificateCheckedAgainst = "link-host") },
  { name: "the Host header is overridden", breaks: [3], when: viaHost, change: (h) => void (h.guarantees.hostHeader = "overridden") },
  {
    name: "the link host travels in a custom header where the ESP reads Host",
    breaks: [3],
    when: viaHost,
    change: (h) => void (h.guarantees.brandedHost = { via: "origin-header", header: "X-Forwarded-Host", value: h.host }),
  },
  { name: "the origin header is missing", breaks: [3], when: (p) => !viaHost(p), change: (h) => void (h.guarantees.brandedHost = { via: "host" }) },
  {
    name: "the origin header carries another host",
    breaks: [3],
    when: (p) => !viaHost(p),
    change: (h, p) => void (h.guarantees.brandedHost = { via: "origin-header", header: rules(p).brandedHost.originHeader!, value: p.hosts[1]!.host }),
  },
  {
    name: "a header the ESP needs is not forwarded",
    breaks: [3],
    when: (p) => rules(p).forwardHeaders.length > 0,
    change: (h) => void (h.guarantees.forwardedHeaders = []),
  },
  { name: "cookies reach an ESP that refuses them", breaks: [3], when: (p) => rules(p).forwardCookies === "none", change: (h) => void (h.guarantees.cookies = "forwarded") },
  { name: "cookies are dropped where the ESP's setup forwards them", breaks: [3], when: (p) => rules(p).forwardCookies === "all", change: (h) => void (h.guarantees.cookies = "not-forwarded") },
  { name: "the query string is forwarded but not keyed", breaks: [4], change: (h) => void (h.guarantees.queryString = "forwarded-not-keyed") },
  { name: "the query string is dropped", breaks: [4], change: (h) => void (h.guarantees.queryString = "dropped") },
  { name: "a redirect may be shared for one second", breaks: [4], change: (h) => void (h.guarantees.redirectSharedForSeconds = 1) },
  {
    name: "a click is kept a second longer than the ESP allows",
    breaks: [4],
    when: (p) => rules(p).cache.maxTtl > 0,
    change: (h, p) => void (h.guarantees.cachedForSeconds = rules(p).cache.maxTtl + 1),
  },
  { name: "a method the ESP needs is missing", breaks: [5], change: (h, p) => void (h.guarantees.methods = h.guarantees.methods.filter((m) => m !== rules(p).methods.at(-1))) },
  { name: "viewers only over HTTPS", breaks: [6], change: (h) => void (h.guarantees.viewerProtocols = ["https"]) },
  { name: "viewers only over HTTP", breaks: [6], change: (h) => void (h.guarantees.viewerProtocols = ["http"]) },
  { name: "another record moves at the switch too", breaks: [7], change: (h) => void step(h, "dns").records!.push({ ...switchRecord(h), name: `1234.${h.zone}` }) },
  { name: "no record moves at the switch", breaks: [7], change: (h) => void (switchRecord(h).phase = "keep") },
  { name: "the record moved at the switch is another host's", breaks: [7], change: (h, p) => void (switchRecord(h).name = p.hosts[1]!.host) },
  { name: "the first step does not say what the ESP needs first", breaks: [8], change: (h) => void (h.steps[0]!.warnings = h.steps[0]!.warnings!.filter((w) => !w.startsWith("Before you start"))) },
  {
    name: "the DNS step lacks the ESP's warning at the switch",
    breaks: [8],
    when: (p) => espModule(p.esp).order.atSwitch !== undefined,
    change: (h, p) => void (step(h, "dns").warnings = step(h, "dns").warnings!.filter((w) => w !== espModule(p.esp).order.atSwitch)),
  },
  { name: "the ESP's last step is not last", breaks: [9], change: (h) => void h.steps.splice(-1, 0, h.steps.pop()!) },
  { name: "the last step does not say who turns HTTPS on", breaks: [9], change: lastStepWithout((p) => espModule(p.esp).order.whoTurnsHttpsOn) },
  { name: "the last step leaves out what to do in the ESP", breaks: [9], change: lastStepWithout((_, h) => h.steps.at(-1)!.actions.at(-1)!) },
  {
    name: "the CDN forwards to the ESP's managed-HTTPS target",
    breaks: [2, 10],
    when: (p) => Object.keys(espModule(p.esp).managedHttps?.targets ?? {}).length > 0,
    change: (h, p) => void (h.guarantees.origin = Object.values(espModule(p.esp).managedHttps!.targets!)[0]!),
  },
];

/** "host #id" for every broken invariant. */
const reported = (plan: Plan) => brokenInvariants(plan).map((line) => /^\S+ #\d+/.exec(line)![0]);

describe("every check can fail", () => {
  it.each(ESP_IDS)("every invariant has a breakage for %s, but #10 where the ESP has no managed HTTPS", (esp) => {
    const plan = planFor("cloudfront", esp, REGIONS[esp][0]!);
    const ids = [...new Set(BREAKAGES.filter((b) => !b.when || b.when(plan)).flatMap((b) => b.breaks))].sort((a, b) => a - b);
    const expected = INVARIANTS.map((inv) => inv.id).filter((id) => id !== 10 || espModule(esp).managedHttps?.targets);
    expect(ids).toEqual(expected);
  });

  describe.each(CELLS.filter(([cdn, esp]) => gapsOf(cdn, esp).length === 0))("%s for %s (%s)", (cdn, esp, region) => {
    it("the unchanged plan breaks none", () => {
      expect(brokenInvariants(planFor(cdn, esp, region))).toEqual([]);
    });

    const applicable = BREAKAGES.filter((b) => !b.when || b.when(planFor(cdn, esp, region)));
    it.each(applicable.map((b) => [b.name, b] as const))("%s", (_, b) => {
      const plan = structuredClone(planFor(cdn, esp, region));
      b.change(plan.hosts[0]!, plan);
      expect(reported(plan)).toEqual(b.breaks.map((id) => `${HOSTS[0]} #${id}`));
    });
  });
});
