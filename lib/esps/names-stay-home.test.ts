import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ESP_IDS, GUIDE_ESP_IDS } from "@/lib/domain/ids";
import { ESP_MODULES, GUIDE_ESP_MODULES } from "./registry";

/**
 * Nothing outside lib/esps/<esp>/ names an email provider: the wizard, the verifier and the shared ESP code ask the
 * modules (lib/domain/esp.ts). Comments may name one (they point at docs/esps.md and docs/sendgrid.md); code and UI
 * text may not. The CDN modules (lib/providers) and the plan builders are checked by their own contract test.
 */
const SHARED = [
  "app",
  "components",
  "lib/verify",
  "lib/wizard",
  "lib/chart.ts",
  "lib/plan/query.ts",
  "lib/plan/url.ts",
  "lib/esps/choice.ts",
  "lib/esps/messages.ts",
  "lib/esps/paste.ts",
  "lib/esps/recognise.ts",
  "lib/esps/tracking-names.ts",
  "lib/esps/view.ts",
];
const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(rel: string): string[] {
  const full = path.join(root, rel);
  if (statSync(full).isFile()) return [rel];
  return readdirSync(full).flatMap((name) => filesUnder(path.join(rel, name)));
}

/** The source without its comments (block comments, and line comments that are not inside a URL). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\w])\/\/.*$/gm, "$1");

const ESP_WORDS = new RegExp(
  `\\b(${[...ESP_IDS, ...GUIDE_ESP_IDS, ...Object.values(ESP_MODULES).map((m) => m.name), ...Object.values(GUIDE_ESP_MODULES).map((m) => m.name), "spgo.io", "awstrack", "msys"]
    .map((w) => w.replace(/\./g, "\\."))
    .join("|")})\\b`,
  "i",
);

describe("email providers are data", () => {
  it("no shared file names an ESP in its code or UI text: each asks the ESP modules", () => {
    const offenders = SHARED.flatMap(filesUnder)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith("lib/verify/testing/"))
      .flatMap((f) =>
        code(readFileSync(path.join(root, f), "utf8"))
          .split("\n")
          .flatMap((line, i) => (ESP_WORDS.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it("the check would catch one", () => {
    expect(ESP_WORDS.test(code(`const origin = "eu.spgo.io"; // SparkPost`))).toBe(true);
    expect(ESP_WORDS.test(code(`<p>forwards clicks to SendGrid</p>`))).toBe(true);
    expect(ESP_WORDS.test(code(`// docs/sendgrid.md#tracked-links\nconst x = 1;`))).toBe(false);
  });
});
