import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/providers";
import { CDN_IDS } from "@/lib/domain/plan";
import { currentStep, WIZARD_STEPS } from "./steps";
import { parsePlanQuery } from "@/lib/plan/query";

describe("every plan step is shown by exactly one wizard step, in the provider's order", () => {
  it.each(CDN_IDS)("%s", (cdn) => {
    const hp = PROVIDERS[cdn]!.plan({ hosts: ["ablink.x.customer.com"], region: "global" }).hosts[0]!;
    const shown = WIZARD_STEPS.flatMap((w) => (w.planSteps ? w.planSteps(hp).map((s) => s.id) : []));
    expect(shown.filter((id) => id !== "dns").sort()).toEqual(hp.steps.map((s) => s.id).filter((id) => id !== "dns").sort());
    expect(shown.filter((id) => id === "dns")).toHaveLength(1);
    const configure = WIZARD_STEPS.find((w) => w.id === "configure")!.planSteps!(hp).map((s) => s.id);
    expect(configure).toEqual(hp.steps.map((s) => s.id).filter((id) => configure.includes(id)));
  });
});

describe("currentStep", () => {
  const at = (qs: string) => currentStep(parsePlanQuery(new URLSearchParams(qs)).query).id;
  it.each([
    ["", "esp"],
    ["esp=ses", "esp"],
    ["esp=ses&region=eu-west-2&step=cdn", "cdn"],
    ["step=hosts", "cdn"],
    ["esp=mailgun&step=cdn", "esp"],
    ["cdn=fastly&esp=mailgun&host=ablink.x.customer.com&mode=manual", "esp"],
    ["cdn=fastly", "hosts"],
    ["cdn=fastly&step=dns", "hosts"],
    ["cdn=fastly&host=ablink.x.customer.com", "mode"],
    ["cdn=fastly&host=ablink.x.customer.com&mode=manual", "configure"],
    ["cdn=fastly&host=ablink.x.customer.com&mode=manual&step=dns", "dns"],
    ["cdn=fastly&host=ablink.x.customer.com&step=cdn", "cdn"],
    ["cdn=fastly&host=ablink.x.customer.com&mode=manual&step=bogus", "configure"],
  ])("%j opens %s", (qs, id) => {
    expect(at(qs)).toBe(id);
  });
});

describe("console controls", () => {
  it("come from each provider's labels.ts into the plan's fields", () => {
    const fields = (cdn: (typeof CDN_IDS)[number]) =>
      Object.fromEntries(
        PROVIDERS[cdn]!.plan({ hosts: ["ablink.subdomain.customer.com"], region: "global" })
          .hosts[0]!.steps.flatMap((s) => s.groups ?? [])
          .flatMap((g) => g.fields)
          .map((f) => [f.id, f.control]),
      );
    expect(fields("cloudfront")).toMatchObject({ originDomain: undefined, originProtocol: "radio", httpVersions: "checkbox" });
    expect(fields("cloudflare")).toMatchObject({ "link.recordProxy": "toggle", certHostnames: "tokens", ruleExpression: "textarea" });
    expect(fields("fastly")).toMatchObject({ enableTls: "radio", minTls: "select", hostAddress: undefined });
    expect(fields("keycdn")).toMatchObject({ forwardHostHeader: "select", zoneName: undefined });
  });
});
