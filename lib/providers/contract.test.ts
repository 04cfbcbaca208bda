import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CDN_IDS } from "./registry";

/** Where the shared code lives: it asks the CDN modules and names no CDN itself (tests aside). */
const SHARED = ["app", "components", "lib/verify", "lib/plan", "lib/wizard", "lib/export", "lib/env.ts"];
const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(rel: string): string[] {
  const full = path.join(root, rel);
  if (statSync(full).isFile()) return [rel];
  return readdirSync(full).flatMap((name) => filesUnder(path.join(rel, name)));
}

describe("one provider contract", () => {
  it("no shared file names a CDN: the wizard, the verifier, the plan and the exports ask the modules", () => {
    const names = new RegExp(CDN_IDS.join("|"), "i");
    const offenders = SHARED.flatMap(filesUnder)
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .filter((f) => names.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
