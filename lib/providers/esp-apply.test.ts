import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EspId } from "@/lib/domain/ids";
import type { UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import { HARNESSES, type ProviderHarness } from "@/lib/testing/provider-harness";

/**
 * Every CDN's apply, re-apply and undo against its fakes for every email provider: apply until complete, a second
 * apply writes nothing and finds nothing to change, and undo removes exactly what the runs created.
 */
const ESPS: [EspId, string][] = [
  ["sendgrid", "eu"],
  ["sparkpost", "eu"],
  ["ses", "eu-central-1"],
];
const HOSTS = ["click.a.customer.com", "click.b.customer.com"];
const isWrite = (c: { op: string; method: string }) => c.method !== "GET" && !/^(List|Describe|Get|Search|Verify)/.test(c.op);

describe.each(Object.values(HARNESSES).map((harness) => [harness.name, harness] as const))("%s", (_, harness) => {
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await harness.start({ zone: "customer.com" });
  });
  afterAll(() => h.close());
  beforeEach(() => h.reset());

  it.each(ESPS)("%s (%s): apply, re-apply without writes, undo everything", async (esp, region) => {
    const input = { ...h.input(HOSTS), esp, region };
    // What the account holds before (Cloudflare's zone has its Universal certificate): undo leaves exactly that.
    const initial = await h.inventory();
    let targets: UndoTarget[] = [];
    let report = await h.provider.apply(h.credentials, input, h.ctx);
    for (let i = 0; i < 6 && !report.complete; i++) {
      targets = createdTargets(report, targets);
      report = await h.provider.apply(h.credentials, input, h.ctx);
    }
    targets = createdTargets(report, targets);
    expect([report.complete, report.hosts.map((x) => x.error)]).toEqual([true, [undefined, undefined]]);
    const made = await h.inventory();
    expect(made.size).toBeGreaterThan(initial.size);

    const before = (await h.calls()).length;
    const again = await h.provider.apply(h.credentials, input, h.ctx);
    expect(again.hosts.map((x) => [x.outcome, x.differences])).toEqual(HOSTS.map(() => ["unchanged", []]));
    expect((await h.calls()).slice(before).filter(isWrite)).toEqual([]);
    expect(await h.inventory()).toEqual(made);

    let undo = await h.provider.undo(h.credentials, targets, h.ctx);
    for (let i = 0; i < 5 && !undo.complete; i++) undo = await h.provider.undo(h.credentials, targets, h.ctx);
    expect(undo.results.filter((r) => r.outcome !== "removed")).toEqual([]);
    expect(await h.inventory()).toEqual(initial);
  });
});
