import { describe, expect, it } from "vitest";
import { RESOURCE_KIND } from "./resource-kinds";
import type { ApplyReport, HostApplyResult, ResourceRef, UndoResult } from "./types";
import { createdTargets, mergeResults } from "./undo-targets";

const host = (name: string, resources: ResourceRef[]): HostApplyResult => ({ host: name, outcome: "pending", summary: "", records: [], resources, differences: [] });
const report = (hosts: HostApplyResult[]): ApplyReport => ({ cdn: "cloudfront", hosts, complete: false });
const cert = (createdByThisRun: boolean): ResourceRef => ({ kind: RESOURCE_KIND.acmCertificate, id: "arn:cert", createdByThisRun });
const dist = (createdByThisRun: boolean): ResourceRef => ({ kind: RESOURCE_KIND.cloudfrontDistribution, id: "E1", createdByThisRun });

describe("createdTargets", () => {
  it("keeps what any run of the session created, once, with its host", () => {
    const first = createdTargets(report([host("a.x.com", [cert(true)])]));
    // The next poll sees the certificate as existing, and creates the distribution.
    const second = createdTargets(report([host("a.x.com", [cert(false), dist(true)])]), first);
    expect(second).toEqual([
      { kind: RESOURCE_KIND.acmCertificate, id: "arn:cert", host: "a.x.com" },
      { kind: RESOURCE_KIND.cloudfrontDistribution, id: "E1", host: "a.x.com" },
    ]);
    expect(createdTargets(report([host("a.x.com", [dist(true)])]), second)).toEqual(second);
  });

  it("leaves out what existed before, what has no id, and kinds undo does not remove for the CDN", () => {
    const out = createdTargets(
      report([
        host("a.x.com", [
          dist(false),
          { kind: RESOURCE_KIND.acmCertificate, id: "", createdByThisRun: true },
          { kind: RESOURCE_KIND.keycdnZone, id: "1000", createdByThisRun: true },
        ]),
      ]),
    );
    expect(out).toEqual([]);
  });
});

describe("mergeResults", () => {
  const r = (outcome: UndoResult["outcome"], message: string): UndoResult => ({ kind: RESOURCE_KIND.cloudfrontDistribution, id: "E1", host: "a.x.com", outcome, message });
  it("keeps what an earlier run removed instead of 'already gone', and takes every other latest result", () => {
    expect(mergeResults([r("removed", "Deleted distribution E1.")], [r("removed", "Already gone")])).toEqual([r("removed", "Deleted distribution E1.")]);
    expect(mergeResults([r("waiting", "Disabled")], [r("removed", "Deleted distribution E1.")])).toEqual([r("removed", "Deleted distribution E1.")]);
    expect(mergeResults([], [r("waiting", "Disabled")])).toEqual([r("waiting", "Disabled")]);
  });
});
