import { describe, expect, it } from "vitest";
import { CDN_IDS, type CdnId, type Plan } from "@/lib/plan/types";
import { PROVIDERS } from "@/lib/providers";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { INVARIANTS, brokenInvariants } from "./invariants";

/**
 * One table: rows are the ten invariants, columns every provider whose plan exists. A provider added
 * later appears here by registering in PROVIDERS, and fails loudly until it keeps all ten.
 */
const HOSTS = ["ablink.x.customer.com", "ablink.mail.brand.co.uk"];
const landed = CDN_IDS.filter((id) => PROVIDERS[id]);
const planFor = (cdn: CdnId, region: "global" | "eu"): Plan => PROVIDERS[cdn]!.plan({ hosts: HOSTS, region });

describe("every available provider has a plan", () => {
  it.each(CDN_IDS.filter((id) => PROVIDER_INFO[id].available))("%s", (cdn) => {
    expect(PROVIDERS[cdn]).toBeDefined();
  });
});

describe.each(INVARIANTS.map((inv) => [`#${inv.id} ${inv.title}`, inv] as const))("%s", (_, inv) => {
  it.each(landed.flatMap((cdn) => (["global", "eu"] as const).map((region) => [cdn, region] as const)))("%s (%s region)", (cdn, region) => {
    const plan = planFor(cdn, region);
    expect(plan.hosts.map((h) => inv.check(plan, h))).toEqual(plan.hosts.map(() => null));
  });
});

describe("the checks can fail", () => {
  const plan = planFor("cloudfront", "global");
  const host = plan.hosts[0]!;
  const broken = (change: Partial<typeof host.guarantees>) => brokenInvariants({ ...plan, hosts: [{ ...host, guarantees: { ...host.guarantees, ...change } }] });

  it.each([
    [{ certificateNames: ["*.customer.com"] }, "#1"],
    [{ origin: "eu.sendgrid.net" }, "#2"],
    [{ originCertificateCheckedAgainst: "link-host" as const }, "#2"],
    [{ hostHeader: "overridden" as const }, "#3"],
    [{ queryString: "forwarded-not-keyed" as const }, "#4"],
    [{ redirectSharedForSeconds: 3600 }, "#4"],
    [{ methods: ["GET", "HEAD"] }, "#5"],
    [{ viewerProtocols: ["https" as const] }, "#6"],
  ])("%j breaks %s", (change, id) => {
    expect(broken(change).map((b) => b.split(" ")[1])).toEqual([id]);
  });

  it("#7 breaks when the owner record would move too", () => {
    const dns = host.steps.find((s) => s.id === "dns")!;
    const extra = { ...dns.records![0]!, name: "1234.x.customer.com" };
    const changed = { ...host, steps: host.steps.map((s) => (s.id === "dns" ? { ...s, records: [...s.records!, extra] } : s)) };
    expect(brokenInvariants({ ...plan, hosts: [changed] }).map((b) => b.split(" ")[1])).toEqual(["#7"]);
  });
});
