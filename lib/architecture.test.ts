import { describe, expect, it } from "vitest";
import { cycles, folderGraph, importGraph, sourceFiles } from "@/lib/testing/import-graph";

/**
 * The layers hold (README "How it is built"): no import cycle between files or between folders, the domain leaf
 * imports nothing else from lib/, and components never import from app/ (server actions live under lib/actions).
 * Tests and test support may import anything, so they are left out of the graph.
 */
const root = process.cwd();
const files = sourceFiles(root, ["app", "components", "lib"]).filter((f) => !/\.test\.tsx?$/.test(f) && !f.startsWith("lib/testing/") && !f.includes("/testing/"));
const graph = importGraph(root, files);

describe("architecture", () => {
  it("reads the import graph (a graph with no edges would pass everything below)", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(graph.get("app/setup/page.tsx")).toContain("lib/plan/build.ts");
  });

  it("no import cycle between files", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("no import cycle between folders (app, components/<x>, lib/<x>, each file directly under lib/)", () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it("lib/domain is a leaf: it imports nothing from lib/ outside itself", () => {
    const outside = [...graph].filter(([f]) => f.startsWith("lib/domain/")).flatMap(([f, targets]) => targets.filter((t) => !t.startsWith("lib/domain/")).map((t) => `${f} -> ${t}`));
    expect(outside).toEqual([]);
  });

  it("components never import from app/", () => {
    const upward = [...graph].filter(([f]) => f.startsWith("components/")).flatMap(([f, targets]) => targets.filter((t) => t.startsWith("app/")).map((t) => `${f} -> ${t}`));
    expect(upward).toEqual([]);
  });
});
