import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DNS_HOST_FACTS, DNS_HOST_IDS } from "./registry";

/**
 * Like the CDNs (lib/providers/contract.test.ts): nothing outside a DNS host's folder names it. The lists that join
 * the folders (registry.ts, server.ts, export.ts) are the exceptions, as lib/providers' registry and index are.
 */
const root = path.resolve(import.meta.dirname, "../..");
const SHARED = ["app", "components", "lib/verify", "lib/plan", "lib/wizard", "lib/export", "lib/env.ts", "lib/dns-hosts"];
const JOINS = ["lib/dns-hosts/registry.ts", "lib/dns-hosts/server.ts", "lib/dns-hosts/export.ts"];

function filesUnder(rel: string): string[] {
  const full = path.join(root, rel);
  if (statSync(full).isFile()) return [rel];
  return readdirSync(full).flatMap((name) => filesUnder(path.join(rel, name)));
}

describe("one DNS host contract", () => {
  it("no shared file names a DNS host: the wizard, the actions and the switch ask the registry", () => {
    const words = DNS_HOST_IDS.flatMap((id) => [id, DNS_HOST_FACTS[id].info.name]).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s*"));
    const names = new RegExp(`${words.join("|")}|route\\s*53|awsdns`, "i");
    const folders = DNS_HOST_IDS.map((id) => `lib/dns-hosts/${id}/`);
    const offenders = SHARED.flatMap(filesUnder)
      .filter((f) => !/\.test\.tsx?$/.test(f) && !JOINS.includes(f) && !folders.some((d) => f.startsWith(d)))
      .filter((f) => names.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
