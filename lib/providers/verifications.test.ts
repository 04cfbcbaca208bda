import { describe, expect, it } from "vitest";
import { CDN_IDS } from "@/lib/domain/plan";
import { DIAGNOSIS_IDS, GENERIC_DIAGNOSIS_IDS } from "@/lib/verify/types";
import { CDN_ADDRESSES } from "./addresses";
import { VERIFICATIONS } from "./verifications";

describe("each CDN module's verification knowledge", () => {
  // The checklist summary's codes are positions in DIAGNOSIS_IDS (lib/verify/summary.ts): links already shared
  // must keep their meaning, so the codes the modules declare give exactly the list those links were written with.
  it("gives the diagnoses in the order the summary codes were issued", () => {
    expect(DIAGNOSIS_IDS.slice(0, 14)).toEqual([
      "cloudfront-403-alias",
      "cloudfront-502-origin",
      "cloudfront-504-origin-timeout",
      "cloudflare-525",
      "cloudflare-526",
      "cloudflare-1000",
      "cloudflare-1001",
      "cloudflare-1014",
      "cloudflare-1016",
      "cloudflare-dns-only",
      "cloudflare-no-target",
      "fastly-unknown-domain",
      "fastly-503-origin",
      "keycdn-origin-error",
    ]);
    expect(DIAGNOSIS_IDS.slice(14)).toEqual([...GENERIC_DIAGNOSIS_IDS]);
  });

  it("gives each diagnosis its own code, with no gap", () => {
    const all = [...GENERIC_DIAGNOSIS_IDS, ...CDN_IDS.flatMap((cdn) => Object.keys(VERIFICATIONS[cdn].diagnoses))];
    expect(DIAGNOSIS_IDS).toHaveLength(all.length);
    expect([...DIAGNOSIS_IDS].sort()).toEqual([...all].sort());
  });

  it.each(CDN_IDS)("%s: has in-place diagnoses exactly when its address says it proxies in place", (cdn) => {
    expect(VERIFICATIONS[cdn].inPlace !== undefined).toBe(CDN_ADDRESSES[cdn].proxiesInPlace !== false);
  });
});
