import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/providers";
import { CDN_IDS } from "@/lib/plan/types";
import { WIZARD_STEPS, planStepsShown } from "./steps";

const byId = (id: string) => WIZARD_STEPS.find((s) => s.id === id)!;

describe.each(CDN_IDS)("wizard steps for %s", (cdn) => {
  const plan = PROVIDERS[cdn]!.plan({ hosts: ["ablink.subdomain.customer.com"], region: "global" });
  const steps = plan.hosts[0]!.steps;

  it("shows every plan step, in plan order, and every console form in the configure step", () => {
    const shown = WIZARD_STEPS.flatMap((w) => planStepsShown(w, steps).map((s) => s.id));
    expect(new Set(shown)).toEqual(new Set(steps.map((s) => s.id)));
    const configure = planStepsShown(byId("configure"), steps);
    expect(configure.map((s) => s.id)).toEqual(steps.slice(0, steps.findIndex((s) => s.id === "test")).map((s) => s.id));
    expect(steps.filter((s) => s.groups?.length).every((s) => configure.includes(s))).toBe(true);
  });

  it("keeps test, dns and next in their own wizard steps", () => {
    for (const id of ["test", "dns", "next"]) expect(planStepsShown(byId(id), steps).map((s) => s.id)).toEqual([id]);
    expect(planStepsShown(byId("cdn"), steps)).toEqual([]);
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
