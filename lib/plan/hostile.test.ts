import { describe, expect, it } from "vitest";
import { HOSTILE_CASES } from "@/lib/testing/hostile-inputs";
import { buildPlan } from "./build";
import { parsePlanQuery } from "./query";

/** What /api/plan decides for a query, without HTTP: the fields in error, or the plan. */
function decide(query: string) {
  const { query: q, errors } = parsePlanQuery(new URLSearchParams(query));
  const built: ReturnType<typeof buildPlan> = errors.length > 0 ? { errors } : buildPlan(q);
  return { q, built };
}

describe("hostile-input corpus, at the parser", () => {
  it("has at least 60 cases with distinct names", () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  for (const c of HOSTILE_CASES) {
    const expected = c.expect;
    if ("httpStatus" in expected) continue;
    it(c.name, () => {
      const { q, built } = decide(c.query);
      if ("errors" in expected) {
        expect(built.errors?.map((e) => e.field)).toEqual(expected.errors);
        for (const e of built.errors ?? []) {
          expect(e.message.length).toBeGreaterThan(10);
          // Control, bidi and invisible characters are named by code point (markup is escaped by every output).
          expect(e.message).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
        }
      } else {
        expect(built.errors).toBeUndefined();
        expect(built.plan!.hosts.map((h) => h.host)).toEqual(expected.hosts);
        expect(built.plan!.region).toBe(expected.region ?? "global");
        if (expected.targets) expect(q.targets).toEqual(expected.targets);
      }
    });
  }
});
