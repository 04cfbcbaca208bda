import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testCdnContract } from "@/lib/testing/cdn-contract";
import { CDN_IDS } from "./ids";
import { CDN_FACTS } from "./registry";

/**
 * One provider contract: every CDN in the registry through the same cases (lib/testing/cdn-contract.ts), and the
 * repository kept to it: shared code names no CDN, no adapter imports a fake, no file grows past ~300 lines.
 */
for (const cdn of CDN_IDS) testCdnContract(cdn);

const root = path.resolve(import.meta.dirname, "../..");
const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "app", "components", "lib", "scripts", "proxy.ts"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !/\.test\.tsx?$/.test(f));
const read = (f: string) => readFileSync(path.join(root, f), "utf8");

/** Where a CDN may be named: its own folder, the lists of ids, facts and adapters, the sandbox's fakes and table, test support, scripts. */
const KNOWS_CDNS = [/^lib\/providers\/(ids|registry|server)\.ts$/, /^lib\/domain\/ids\.ts$/, /^lib\/dns-hosts\/(registry|server|export)\.ts$/, /^lib\/dns-hosts\/cloudflare\//, /^lib\/sandbox\/dns-accounts\.ts$/, ...CDN_IDS.map((cdn) => new RegExp(`^lib/providers/${cdn}/`)), /^lib\/sandbox\/(fakes\/|accounts\.ts$)/, /^lib\/testing\//, /^scripts\//];

/** What names a CDN: its id, and its names as its module gives them (info, verification). */
const CDN_WORDS = new RegExp(
  [...new Set(CDN_IDS.flatMap((cdn) => [cdn, CDN_FACTS[cdn].info.name, CDN_FACTS[cdn].verification.name]))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
  "i",
);

describe("one provider contract: the repository", () => {
  it("no shared file names a CDN: the wizard, the verifier, the plan, the exports and the engine ask the modules", () => {
    const shared = tracked.filter((f) => !KNOWS_CDNS.some((re) => re.test(f)));
    // The shared files this rule covers include the wizard, the verifier and the engine.
    expect(["app/setup/page.tsx", "components/verify/verify-panel.tsx", "lib/verify/diagnose.ts", "lib/providers/engine/adapter.ts"].filter((f) => !shared.includes(f))).toEqual([]);
    // Comments in the shared provider types may name a CDN as an example; their code may not.
    const code = (f: string) => (["lib/providers/", "lib/domain/", "lib/esps/", "lib/aws/"].some((dir) => f.startsWith(dir)) ? read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "") : read(f));
    expect(shared.filter((f) => CDN_WORDS.test(code(f)))).toEqual([]);
  });

  it("no file under lib/providers/ imports the sandbox or a fake", () => {
    const imports = (f: string) => [...read(f).matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    expect(tracked.filter((f) => f.startsWith("lib/providers/") && imports(f).some((i) => /(^|\/)sandbox(\/|$)/.test(i)))).toEqual([]);
  });

  it("no file outside tests and fakes is over ~300 lines", () => {
    const lines = (f: string) => read(f).split("\n").length - 1;
    const long = tracked.filter((f) => !f.startsWith("lib/sandbox/fakes/") && lines(f) > 300);
    expect(long.map((f) => `${f}: ${lines(f)}`)).toEqual([]);
  });
});
