import { describe, expect, it } from "vitest";
import { buildPlan } from "@/lib/plan/build";
import { parsePlanQuery } from "@/lib/plan/query";
import { CDN_IDS, type CdnId } from "@/lib/domain/plan";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import { verifyView } from "./view-props";

const view = (cdn: CdnId) => {
  const { query } = parsePlanQuery(new URLSearchParams({ cdn, host: "ablink.news.customer.com", step: "test" }));
  const { plan } = buildPlan(query);
  return verifyView(query, plan!, undefined, undefined);
};

// The Test step asks the CDN's module whether it proxies in place, never the CDN's name.
describe("the Test step's address fields for a CDN that proxies in place", () => {
  it.each(CDN_IDS)("%s: the note and the hint come from its module", (cdn) => {
    const inPlace = VERIFICATIONS[cdn].inPlace;
    const v = view(cdn);
    expect(v.inPlaceNote).toBe(inPlace?.missingAddressNote);
    if (inPlace) expect(v.hosts[0]).toEqual({ host: "ablink.news.customer.com", target: null, hint: inPlace.targetHint });
  });

  it("applies to exactly the CDNs whose address proxies in place", () => {
    expect(CDN_IDS.filter((cdn) => view(cdn).inPlaceNote !== undefined)).toEqual(CDN_IDS.filter((cdn) => CDN_ADDRESSES[cdn].proxiesInPlace));
    expect(view("cloudflare").inPlaceNote).toBe(
      "Cloudflare proxies each hostname in place, so there is no separate address to test unless you use a partial (CNAME) setup. Without one, the before-switch check cannot run and the DNS step needs your recorded override.",
    );
  });
});
