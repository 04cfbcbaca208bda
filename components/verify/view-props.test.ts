import { describe, expect, it } from "vitest";
import { buildPlan } from "@/lib/plan/build";
import { parsePlanQuery } from "@/lib/plan/query";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { verifyView } from "./view-props";

const view = (cdn: string) => {
  const { query } = parsePlanQuery(new URLSearchParams({ cdn, host: "ablink.news.customer.com", step: "dns" }));
  const { plan } = buildPlan(query);
  return verifyView(query, plan!, undefined, undefined);
};

describe("the Test and DNS steps' verification inputs", () => {
  it("carry the provider's own word on when its certificate can exist, for the DNS gate", () => {
    expect(view("keycdn").certificateAfterSwitch).toEqual(PROVIDER_INFO.keycdn.certificateAfterSwitch);
    expect(view("keycdn").certificateAfterSwitch).toBeDefined();
    expect(view("fastly").certificateAfterSwitch).toBeUndefined();
  });
});
