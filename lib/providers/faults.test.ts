import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyReport } from "@/lib/providers/types";
import type { Fault } from "@/lib/sandbox/http-fake";
import { cloudflareHarness, cloudfrontHarness, fastlyHarness, keycdnHarness, type ProviderHarness } from "@/lib/testing/provider-harness";

/**
 * Fault injection for every provider, one table: each fault is injected into the provider's fake during
 * an apply of three hosts. Whatever happens, the run ends with a report that has one result per host (a
 * failed host says what to do), every resource that now exists in the account was reported as created by
 * this run (nothing created goes unreported, nothing reported that does not exist), and running apply again
 * without the fault completes the rest, ending with exactly the resources a run without faults makes.
 */

const HOSTS = ["ablink.f1.customer.com", "ablink.f2.customer.com", "ablink.f3.customer.com"];
/** The client timeout the harness sets (ApplyContext.requestTimeoutMs). */
const TIMEOUT_MS = 300;
/** Polls of apply until complete, as the wizard polls (certificates issue, distributions deploy). */
const MAX_RUNS = 8;

interface ProviderFaults {
  /** The create that makes a host's first resource, and a later one (so a host can fail half-way). */
  firstCreate: string;
  laterCreate: string;
  /** A read every run makes. */
  read: string;
  /** A 2xx body the client cannot parse, in the provider's wire format. */
  malformed: { body: string; contentType: string };
  /** The provider's error body for a 429 and a 500. */
  rateLimited: string;
  serverError: string;
  contentType: string;
}

const json = "application/json";
const PROVIDERS: { name: string; start: () => Promise<ProviderHarness>; faults: ProviderFaults }[] = [
  {
    name: "CloudFront",
    start: cloudfrontHarness,
    faults: {
      firstCreate: "RequestCertificate",
      laterCreate: "CreateDistribution",
      // Not a list call: the inventory here lists through the same fakes.
      read: "DescribeCertificate",
      malformed: { body: '{"Certificate":{"CertificateArn":', contentType: "application/x-amz-json-1.1" },
      rateLimited: "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>",
      serverError: "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error></ErrorResponse>",
      contentType: "text/xml",
    },
  },
  {
    name: "Cloudflare",
    start: cloudflareHarness,
    faults: {
      firstCreate: "CreateDnsRecord",
      laterCreate: "OrderCertificatePack",
      read: "ListDnsRecords",
      malformed: { body: '{"success":true,"result":[{"id":', contentType: json },
      rateLimited: '{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}],"messages":[],"result":null}',
      serverError: '{"success":false,"errors":[{"code":10000,"message":"Internal error"}],"messages":[],"result":null}',
      contentType: json,
    },
  },
  {
    name: "Fastly",
    start: fastlyHarness,
    faults: {
      firstCreate: "CreateService",
      laterCreate: "CreateTlsSubscription",
      read: "SearchService",
      malformed: { body: '{"id":"abc","versions":[{', contentType: json },
      rateLimited: '{"msg":"Too many requests","detail":"Rate limit exceeded"}',
      serverError: '{"msg":"Internal Server Error"}',
      contentType: json,
    },
  },
  {
    name: "KeyCDN",
    start: keycdnHarness,
    faults: {
      firstCreate: "AddZone",
      laterCreate: "AddZoneAlias",
      read: "ListZones",
      malformed: { body: '{"status":"success","description":"","data":{"zones":[{', contentType: json },
      rateLimited: '{"status":"error","description":"Rate limit exceeded"}',
      serverError: '{"status":"error","description":"Internal error"}',
      contentType: json,
    },
  },
];

interface FaultCase {
  name: string;
  faults: (f: ProviderFaults) => Fault[];
  /** The fault is retried away: the first run ends as it does without the fault. */
  retriedAway?: boolean;
  /** The fault shows in the report: some host fails ("partial": and some other host does not). */
  reported?: "some" | "partial";
}

const CASES: FaultCase[] = [
  { name: "429 with a short Retry-After on a create is retried in the same run", retriedAway: true, faults: (f) => [{ match: f.firstCreate, status: 429, retryAfter: 0, times: 1, body: f.rateLimited, contentType: f.contentType }] },
  { name: "429 asking for longer than the bound, on every try, is reported", reported: "some", faults: (f) => [{ match: f.firstCreate, status: 429, retryAfter: 30, times: 100, body: f.rateLimited, contentType: f.contentType }] },
  { name: "500 once on a create", faults: (f) => [{ match: f.laterCreate, status: 500, times: 1, body: f.serverError, contentType: f.contentType }] },
  { name: "500 once on a read is retried", retriedAway: true, faults: (f) => [{ match: f.read, status: 500, times: 1, body: f.serverError, contentType: f.contentType }] },
  { name: "503 on every try of a create is reported", reported: "some", faults: (f) => [{ match: f.laterCreate, status: 503, times: 100, body: f.serverError, contentType: f.contentType }] },
  { name: "a create that does not answer in time", faults: (f) => [{ match: f.firstCreate, status: 500, times: 1, delayMs: TIMEOUT_MS * 4, body: f.serverError, contentType: f.contentType }] },
  { name: "a read that does not answer in time", faults: (f) => [{ match: f.read, status: 500, times: 1, delayMs: TIMEOUT_MS * 4, body: f.serverError, contentType: f.contentType }] },
  { name: "malformed body on a read", faults: (f) => [{ match: f.read, status: 200, times: 1, ...f.malformed }] },
  { name: "malformed body on a create", faults: (f) => [{ match: f.laterCreate, status: 200, times: 1, ...f.malformed }] },
  { name: "partial success: one host fails half-way, the others go on", reported: "partial", faults: (f) => [{ match: f.laterCreate, status: 400, times: 1, body: f.serverError, contentType: f.contentType }] },
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
      expect(Object.values(clean.kinds).every((n) => n >= HOSTS.length)).toBe(true);
    });
    afterAll(() => h.close());

    for (const c of CASES) {
      it(c.name, async () => {
        await h.reset();
        await h.faults(c.faults(p.faults));
        const faulted: ApplyReport[] = [];
        do faulted.push(await applyOnce(h, secrets));
        while (faulted.length < FAULTED_RUNS && !faulted.at(-1)!.complete && !faulted.at(-1)!.hosts.some((r) => r.outcome === "failed"));

        if (c.retriedAway) expect(faulted[0]!.hosts.map((r) => r.outcome)).toEqual(clean.first);
        const failedRun = faulted.find((r) => r.hosts.some((x) => x.outcome === "failed"));
        if (c.reported) expect(failedRun, "the fault shows in a report").toBeDefined();
        if (c.reported === "partial") expect(failedRun!.hosts.filter((x) => x.outcome !== "failed").length).toBeGreaterThan(0);

        // Without the fault, apply again until complete: the rest is done, nothing twice.
        await h.clearFaults();
        const rest = await finish(h, secrets);
        expect(rest.at(-1)!.complete).toBe(true);
        expect(kinds(await h.inventory())).toEqual(clean.kinds);
        const created = [...faulted, ...rest].flatMap(createdIds);
        expect(new Set(created).size).toBe(created.length);
      });
    }
  });
}
