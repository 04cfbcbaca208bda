import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ESP_MODULES, GUIDE_ESP_MODULES } from "@/lib/esps/registry";

/**
 * Nothing outside lib/esps names an email provider (docs/esps.md): the plans, the CDN modules, the exports, the apply
 * actions and the API routes read the ESP's module. Comments may cite an ESP's guide as a source; code and strings
 * may not name one. Tests and fakes are excepted. The wizard's first step, the pasted charts and the verifier
 * (components/wizard, lib/chart.ts, lib/verify, lib/providers/<cdn>/verification.ts) are moved over by the other half
 * of issue 16 and join this list then.
 */
const CHECKED = ["lib/plan", "lib/providers", "lib/export", "lib/sandbox/accounts.ts", "app/api", "lib/actions/apply-actions.ts", "components/apply", "components/plan"];
const NOT_YET = /\/verification\.ts$/;

/** Each one with why it stays: a name that must not change under existing resources. */
const ALLOWED: Record<string, RegExp> = {
  // The seed's origin ID: distributions made before other ESPs were offered are found and compared by it.
  "lib/providers/cloudfront/settings.ts": /^export const ORIGIN_ID = "Braze_sendgrid-HSTS-email";$/,
};

const root = path.resolve(import.meta.dirname, "../..");
const filesUnder = (rel: string): string[] => (statSync(path.join(root, rel)).isFile() ? [rel] : readdirSync(path.join(root, rel)).flatMap((n) => filesUnder(path.join(rel, n))));
/** Source without comments (block comments, and line comments not inside a URL). */
const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ESP_WORDS = new RegExp(
  [...Object.values(ESP_MODULES), ...Object.values(GUIDE_ESP_MODULES)].flatMap((m) => [`\\b${escape(m.id)}\\b`, escape(m.name)]).join("|"),
  "i",
);

describe("no shared file names an email provider", () => {
  it("the words it looks for include every ESP's id and name", () => {
    for (const w of ["sendgrid", "SparkPost", "Amazon SES", "ses", "mailgun", "Postmark"]) expect(ESP_WORDS.test(w)).toBe(true);
    expect(ESP_WORDS.test("uses processes")).toBe(false);
  });

  it("plans, CDN modules, exports, apply and the API read the ESP module instead", () => {
    const offenders = CHECKED.flatMap(filesUnder)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !NOT_YET.test(f))
      .flatMap((f) =>
        code(readFileSync(path.join(root, f), "utf8"))
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => ESP_WORDS.test(line) && !ALLOWED[f]?.test(line))
          .map((line) => `${f}: ${line}`),
      );
    expect(offenders).toEqual([]);
  });
});
