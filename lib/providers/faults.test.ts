import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyReport } from "@/lib/providers/types";
import type { FakeCall, Fault } from "@/lib/sandbox/http-fake";
import { HARNESSES, type ProviderHarness } from "@/lib/testing/provider-harness";
import { PROVIDER_FAULTS, type ProviderFaults, type Target, type WireErrors } from "@/lib/testing/provider-faults";
import { CDN_IDS } from "./ids";

/**
 * Fault injection for every provider, one table: each fault is injected into the provider's fake during
 * an apply of three hosts. Whatever happens, the run ends with a report that has one result per host (a
 * failed host says what to do), every resource that now exists in the account was reported as created by
 * this run (nothing created goes unreported, nothing reported that does not exist), and running apply again
 * without the fault completes the rest, ending with exactly the resources a run without faults makes.
 * Each case also checks that its fault fired: the fakes' call log marks every call a fault answered, and
 * that must be exactly the expected number of calls to the targeted operation (so a fault that matches
 * nothing, or that the client stops retrying early, fails the case instead of passing unnoticed).
 */

const HOSTS = ["ablink.f1.customer.com", "ablink.f2.customer.com", "ablink.f3.customer.com"];
/** The client timeout the harness sets (ApplyContext.requestTimeoutMs). */
const TIMEOUT_MS = 300;
/** Polls of apply until complete, as the wizard polls (certificates issue, distributions deploy). */
const MAX_RUNS = 8;

/** Tries of one call: the first, plus the harness's retries when the client retries this failure. */
type Tries = (retried: boolean) => number;

interface FaultCase {
  name: string;
  /** The operation the fault answers. */
  target: Target;
  fault: (errors: WireErrors, f: ProviderFaults) => Omit<Fault, "match">;
  /** How many calls the fault answers while armed (each is marked in the fakes' call log). */
  answers: (f: ProviderFaults, tries: Tries) => number;
  /** The fault is retried away: the first run ends as it does without the fault. */
  retriedAway?: boolean;
  /** The fault shows in the report: this many hosts fail (with this code), the others do not. */
  reported?: { failedHosts: number; code?: keyof ProviderFaults["codes"] };
}

const EVERY_TRY = 100;
const once = () => 1;

const CASES: FaultCase[] = [
  { name: "429 with a short Retry-After on a create is retried in the same run", target: "firstCreate", retriedAway: true, answers: once, fault: (e) => ({ status: 429, retryAfter: 0, times: 1, body: e.rateLimited, contentType: e.contentType }) },
  {
    name: "429 asking for longer than the bound, on every try, is reported",
    target: "firstCreate",
    reported: { failedHosts: HOSTS.length, code: "rateLimited" },
    answers: (f, tries) => HOSTS.length * tries(f.retriesCreate.throttledBeyondBound),
    fault: (e) => ({ status: 429, retryAfter: 30, times: EVERY_TRY, body: e.rateLimited, contentType: e.contentType }),
  },
  { name: "500 once on a create", target: "laterCreate", answers: once, fault: (e) => ({ status: 500, times: 1, body: e.serverError, contentType: e.contentType }) },
  { name: "500 once on a read is retried", target: "read", retriedAway: true, answers: once, fault: (e) => ({ status: 500, times: 1, body: e.serverError, contentType: e.contentType }) },
  {
    name: "503 on every try of a create is reported",
    target: "laterCreate",
    reported: { failedHosts: HOSTS.length, code: "serverError" },
    answers: (f, tries) => HOSTS.length * tries(f.retriesCreate.serverError),
    fault: (e) => ({ status: 503, times: EVERY_TRY, body: e.serverError, contentType: e.contentType }),
  },
  { name: "a create that does not answer in time", target: "firstCreate", answers: once, fault: (e) => ({ status: 500, times: 1, delayMs: TIMEOUT_MS * 4, body: e.serverError, contentType: e.contentType }) },
  { name: "a read that does not answer in time", target: "read", answers: once, fault: (e) => ({ status: 500, times: 1, delayMs: TIMEOUT_MS * 4, body: e.serverError, contentType: e.contentType }) },
  { name: "malformed body on a read", target: "read", answers: once, fault: (_e, f) => ({ status: 200, times: 1, ...f.malformed.read }) },
  {
    // The create was carried out, but its 2xx answer cannot be read: the run must look for what it made, report
    // it as created by this run without sending the create again, and end as a run without the fault.
    name: "malformed body on a create: what it made is found and reported once",
    target: "laterCreate",
    retriedAway: true,
    answers: once,
    fault: (_e, f) => ({ status: 200, times: 1, after: "handling", ...f.malformed.laterCreate }),
  },
  ...(["firstCreate", "laterCreate"] as const).map(
    (target): FaultCase => ({
      // The resource exists but its id never arrived: the run must find it and report it as created by this
      // run (or undo would leave it behind), without making a second one, and end as a run without the fault.
      name: `a create whose answer is lost is still reported (${target === "firstCreate" ? "the first resource" : "a later resource"})`,
      target,
      retriedAway: true,
      answers: once,
      fault: () => ({ drop: "after-handling", status: 0, times: 1 }),
    }),
  ),
  { name: "partial success: one host fails half-way, the others go on", target: "laterCreate", reported: { failedHosts: 1 }, answers: once, fault: (e) => ({ status: 400, times: 1, body: e.serverError, contentType: e.contentType }) },
];

/** Runs with the fault armed, at most this many (the later create comes in the second run for CloudFront). */
const FAULTED_RUNS = 3;

function createdIds(report: ApplyReport): string[] {
  return report.hosts.flatMap((h) => h.resources.filter((r) => r.createdByThisRun).map((r) => r.id));
}

function kinds(inventory: Map<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of inventory.values()) out[kind] = (out[kind] ?? 0) + 1;
  return out;
}

/** The calls a fault answered since the last reset, as { op, fault, carriedOut? }. */
async function faultAnswered(h: ProviderHarness): Promise<Pick<FakeCall, "op" | "fault" | "carriedOut">[]> {
  return (await h.calls()).filter((c) => c.fault !== undefined).map((c) => ({ op: c.op, fault: c.fault!, ...(c.carriedOut ? { carriedOut: c.carriedOut } : {}) }));
}

function tries(h: ProviderHarness): Tries {
  const retries = h.ctx.maxRetries;
  if (retries === undefined) throw new Error("the harness must set maxRetries, or the tries cannot be counted");
  return (retried) => (retried ? 1 + retries : 1);
}

/** One apply, checked against the account: one result per host, failures explained, creations all reported. */
async function applyOnce(h: ProviderHarness, secrets: string[]): Promise<ApplyReport> {
  const before = await h.inventory();
  const report = await h.provider.apply(h.credentials, h.input(HOSTS), h.ctx);
  const after = await h.inventory();
  expect(report.hosts.map((r) => r.host)).toEqual(HOSTS);
  for (const r of report.hosts) {
    if (r.outcome === "failed") {
      expect(r.error, `${r.host}: ${r.summary}`).toBeDefined();
      expect(r.error!.code).not.toBe("");
      expect(r.error!.message).not.toBe("");
      expect(r.error!.action).not.toBe("");
    }
  }
  const text = JSON.stringify(report);
  for (const s of secrets) expect(text).not.toContain(s);
  const created = createdIds(report);
  const fresh = [...after.keys()].filter((id) => !before.has(id));
  expect(new Set(created).size, "an id reported as created twice").toBe(created.length);
  expect([...created].sort(), "created this run = reported as created this run").toEqual([...fresh].sort());
  return report;
}

/** Apply until complete (bounded), as the wizard's polling does; returns every report. */
async function finish(h: ProviderHarness, secrets: string[]): Promise<ApplyReport[]> {
  const reports: ApplyReport[] = [];
  for (let i = 0; i < MAX_RUNS; i++) {
    const report = await applyOnce(h, secrets);
    reports.push(report);
    if (report.complete) return reports;
  }
  throw new Error(`not complete after ${MAX_RUNS} runs: ${JSON.stringify(reports.at(-1)!.hosts.map((x) => [x.host, x.outcome, x.summary]))}`);
}

/** Every CDN in the registry, each with its own fake and its API's fault data (lib/testing/provider-faults.ts). */
const PROVIDERS = CDN_IDS.map((cdn) => ({ name: HARNESSES[cdn].name, start: HARNESSES[cdn].start, faults: PROVIDER_FAULTS[cdn] }));

for (const p of PROVIDERS) {
  describe(`${p.name}: apply under injected faults`, () => {
    let h: ProviderHarness;
    let secrets: string[];
    let clean: { first: string[]; kinds: Record<string, number> };

    beforeAll(async () => {
      h = await p.start();
      secrets = Object.values(h.credentials as Record<string, string>);
      // The reference: the same apply with no fault, from an empty account.
      await h.reset();
      const reports = await finish(h, secrets);
      clean = { first: reports[0]!.hosts.map((r) => r.outcome), kinds: kinds(await h.inventory()) };
      expect(clean.kinds).toEqual(p.faults.cleanAccount);
    });
    afterAll(() => h.close());

    for (const c of CASES) {
      it(c.name, async () => {
        await h.reset();
        const initial = await h.inventory();
        const op = p.faults[c.target];
        const fault: Fault = { match: op, ...c.fault(p.faults.errors[c.target], p.faults) };
        await h.faults([fault]);
        const faulted: ApplyReport[] = [];
        do faulted.push(await applyOnce(h, secrets));
        while (faulted.length < FAULTED_RUNS && !faulted.at(-1)!.complete && !faulted.at(-1)!.hosts.some((r) => r.outcome === "failed"));

        // The fault fired, on the operation it targets, exactly as often as expected.
        const expected = { op, fault: fault.drop ? "dropped" : fault.status, ...(fault.after ? { carriedOut: true } : {}) };
        expect(await faultAnswered(h)).toEqual(Array.from({ length: c.answers(p.faults, tries(h)) }, () => expected));

        if (c.retriedAway) expect(faulted[0]!.hosts.map((r) => r.outcome)).toEqual(clean.first);
        const failedRun = faulted.find((r) => r.hosts.some((x) => x.outcome === "failed"));
        if (c.reported) {
          expect(failedRun, "the fault shows in a report").toBeDefined();
          const failed = failedRun!.hosts.filter((x) => x.outcome === "failed");
          expect(failed.length).toBe(c.reported.failedHosts);
          const code = c.reported.code;
          if (code) expect(failed.map((x) => x.error!.code)).toEqual(failed.map(() => p.faults.codes[code]));
        }

        // Without the fault, apply again until complete: the rest is done, nothing twice.
        await h.clearFaults();
        const rest = await finish(h, secrets);
        expect(rest.at(-1)!.complete).toBe(true);
        const final = await h.inventory();
        expect(kinds(final)).toEqual(clean.kinds);
        // Each resource the runs made was reported as created exactly once, and nothing else was.
        const created = [...faulted, ...rest].flatMap(createdIds);
        expect([...created].sort()).toEqual([...final.keys()].filter((id) => !initial.has(id)).sort());
      });
    }
  });
}
