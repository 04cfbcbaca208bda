import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { brokenInvariants } from "@/lib/plan/invariants";
import type { EspId } from "@/lib/domain/ids";
import type { CdnId, PlanInput } from "@/lib/domain/plan";
import { CREDENTIAL_SCHEMAS } from "@/lib/providers/credentials";
import { PROVIDERS } from "@/lib/providers";
import { CDN_FACTS } from "@/lib/providers/registry";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import type { ApplyReport, HostPreview, UndoReport, UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import type { FakeCall } from "@/lib/sandbox/http-fake";
import { HARNESSES, type ProviderHarness } from "./provider-harness";
import { PROVIDER_FAULTS } from "./provider-faults";

/**
 * The contract every CDN keeps, in the style of unstorage's testDriver(): lib/providers/contract.test.ts calls
 * testCdnContract(cdn) for every id in the registry, so a new CDN runs through the same cases as soon as it is
 * registered. The module: registered under its id, credential fields and schema from one description, console
 * labels, an export or why not, resources, plans that keep the ten invariants. The adapter, against its fake:
 * preview → apply → re-apply (nothing changes) → undo (the account is as before), for every email provider too; a
 * 5xx then recovery; a dropped answer; and its credentials never appear in a result, an error or a log line.
 */

/** Three hosts, as lib/testing/provider-faults.ts counts a clean account. */
const HOSTS = ["ablink.c1.customer.com", "ablink.c2.customer.com", "ablink.c3.customer.com"];
/** Polls of apply (certificates issue, distributions deploy) and of undo (a distribution's disabling deploys). */
const MAX_RUNS = 8;
/** An email provider and region each: the CDN's apply reads that ESP's rules (origin, headers, cache, methods). */
const ESP_CASES: [EspId, string][] = [
  ["sendgrid", "eu"],
  ["sparkpost", "eu"],
  ["ses", "eu-central-1"],
];
/** A call that may change the account: anything but a read. */
const isWrite = (c: FakeCall) => c.method !== "GET" && !/^(List|Describe|Get|Search|Verify)/.test(c.op);

type Inventory = Map<string, string>;

function counts(inventory: Inventory): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of inventory.values()) out[kind] = (out[kind] ?? 0) + 1;
  return out;
}
const changes = (hosts: HostPreview[]) => hosts.map((h) => [h.host, h.error?.code ?? null, h.changes.map((c) => [c.resource, c.action])]);
const createdIds = (reports: ApplyReport[]) => reports.flatMap((r) => r.hosts.flatMap((h) => h.resources.filter((x) => x.createdByThisRun).map((x) => x.id)));

/** Apply until complete, as the wizard polls; every report of the session. */
async function applyUntilComplete(h: ProviderHarness, input: PlanInput = h.input(HOSTS)): Promise<ApplyReport[]> {
  const reports: ApplyReport[] = [];
  while (reports.length < MAX_RUNS && !reports.at(-1)?.complete) reports.push(await h.provider.apply(h.credentials, input, h.ctx));
  expect(reports.at(-1)!.hosts.map((x) => [x.host, x.outcome === "failed" ? x.summary : "ok"])).toEqual(HOSTS.map((host) => [host, "ok"]));
  expect(reports.at(-1)!.complete).toBe(true);
  return reports;
}

/** Undo what the session reported as created, again until complete, as the wizard's Undo does. */
async function undoUntilComplete(h: ProviderHarness, reports: ApplyReport[]): Promise<UndoReport> {
  const targets = reports.reduce<UndoTarget[]>((acc, r) => createdTargets(r, acc), []);
  let undo: UndoReport | undefined;
  for (let i = 0; i < MAX_RUNS && !undo?.complete; i++) undo = await h.provider.undo(h.credentials, targets, h.ctx);
  expect(undo!.results.map((r) => [r.kind, r.outcome])).toEqual(targets.map((t) => [t.kind, "removed"]));
  return undo!;
}

/** What the fakes' call log marks as answered by a fault: one entry per faulted call. */
async function faultsFired(h: ProviderHarness) {
  return (await h.calls()).filter((c) => c.fault !== undefined).map((c) => [c.op, c.fault]);
}

export function testCdnContract(cdn: CdnId): void {
  const cdnModule = PROVIDERS[cdn];
  const adapter = SERVER_PROVIDERS[cdn];
  const wire = PROVIDER_FAULTS[cdn];

  describe(`${cdn}: the module`, () => {
    it("is registered under its own id, and its facts, module and adapter are the same objects", () => {
      expect([cdnModule.info.id, adapter.id, adapter.module]).toEqual([cdn, cdn, cdnModule]);
      for (const [key, value] of Object.entries(CDN_FACTS[cdn])) expect(cdnModule[key as keyof typeof cdnModule], key).toBe(value);
    });

    it("derives its credential fields and its schema from one description", () => {
      const names = Object.keys(cdnModule.credentials);
      expect(cdnModule.info.credentialFields.map((f) => [f.name, f.label, f.secret])).toEqual(names.map((n) => [n, cdnModule.credentials[n]!.label, cdnModule.credentials[n]!.secret]));
      // Every field empty: each required field fails with its first check's message, the form and the server alike.
      const empty = Object.fromEntries(names.map((n) => [n, ""]));
      const required = names.filter((n) => !cdnModule.credentials[n]!.optional);
      for (const schema of [CREDENTIAL_SCHEMAS[cdn], adapter.credentialsSchema]) {
        const result = schema.safeParse(empty);
        const first = new Map<string, string>();
        for (const issue of result.error?.issues ?? []) if (!first.has(String(issue.path[0]))) first.set(String(issue.path[0]), issue.message);
        expect(Object.fromEntries(first)).toEqual(Object.fromEntries(required.map((n) => [n, cdnModule.credentials[n]!.checks[0]!.message])));
      }
    });

    it("has console labels, an export or says why there is none, and resources undo can remove", () => {
      expect(Object.values(cdnModule.labels.fields).every((f) => f.label.trim() !== "")).toBe(true);
      expect(Object.keys(cdnModule.labels.fields).length).toBeGreaterThan(0);
      const plan = cdnModule.plan({ hosts: HOSTS, region: "global" });
      if (cdnModule.exports.none !== undefined) expect(cdnModule.exports.none).toMatch(/^No Terraform export: .+\.$/);
      else expect(HOSTS.every((host) => cdnModule.exports.terraform!(plan).includes(host))).toBe(true);
      const kinds = Object.values(cdnModule.resources.kinds);
      expect(cdnModule.resources.undoOrder.filter((k) => !kinds.includes(k))).toEqual([]);
      expect(cdnModule.resources.maxPerHost).toBeGreaterThanOrEqual(cdnModule.resources.undoOrder.length > 0 ? 1 : 0);
    });

    it("plans for its own id and keeps the ten invariants in both regions", () => {
      for (const region of ["global", "eu"] as const) {
        const plan = cdnModule.plan({ hosts: HOSTS, region });
        expect([plan.cdn, plan.hosts.map((h) => h.host), brokenInvariants(plan)]).toEqual([cdn, HOSTS, []]);
      }
    });
  });

  describe(`${cdn}: the adapter against its fake`, () => {
    let h: ProviderHarness;
    let initial: Inventory;
    beforeAll(async () => {
      h = await HARNESSES[cdn].start();
    });
    afterAll(() => h.close());
    const start = async () => {
      await h.reset();
      initial = await h.inventory();
    };

    it("preview → apply → re-apply changes nothing → undo leaves the account as it was", async () => {
      await start();
      const before = await h.provider.preview(h.credentials, h.input(HOSTS), h.ctx);
      expect(before.hosts.map((x) => [x.host, x.error ?? null])).toEqual(HOSTS.map((host) => [host, null]));
      expect(before.hosts.every((x) => x.changes.some((c) => c.action === "create"))).toBe(true);

      const session = await applyUntilComplete(h);
      const made = await h.inventory();
      expect(counts(made)).toEqual(wire.cleanAccount);
      const fresh = [...made.keys()].filter((id) => !initial.has(id));
      expect(fresh.length).toBeGreaterThan(0);
      expect([...createdIds(session)].sort()).toEqual(fresh.sort());

      const again = await h.provider.apply(h.credentials, h.input(HOSTS), h.ctx);
      expect(again.hosts.map((x) => [x.outcome, x.resources.filter((r) => r.createdByThisRun).length])).toEqual(HOSTS.map(() => ["unchanged", 0]));
      expect(await h.inventory()).toEqual(made);
      const previewDone = await h.provider.preview(h.credentials, h.input(HOSTS), h.ctx);
      expect(previewDone.hosts.flatMap((x) => x.changes.map((c) => c.action)).filter((a) => a !== "reuse")).toEqual([]);

      await undoUntilComplete(h, [...session, again]);
      expect(await h.inventory()).toEqual(initial);
      expect(changes((await h.provider.preview(h.credentials, h.input(HOSTS), h.ctx)).hosts)).toEqual(changes(before.hosts));
    });

    it.each(ESP_CASES)("for %s (%s): apply, re-apply without a write or a difference, undo leaves the account as it was", async (esp, region) => {
      await start();
      const input = { ...h.input(HOSTS), esp, region };
      const session = await applyUntilComplete(h, input);
      const made = await h.inventory();
      expect(made.size).toBeGreaterThan(initial.size);

      const before = (await h.calls()).length;
      const again = await h.provider.apply(h.credentials, input, h.ctx);
      expect(again.hosts.map((x) => [x.outcome, x.differences])).toEqual(HOSTS.map(() => ["unchanged", []]));
      expect((await h.calls()).slice(before).filter(isWrite)).toEqual([]);
      expect(await h.inventory()).toEqual(made);

      await undoUntilComplete(h, [...session, again]);
      expect(await h.inventory()).toEqual(initial);
    });

    it("a 5xx on the first create, then recovery: the run ends as a clean one, nothing made twice", async () => {
      await start();
      const error = wire.errors.firstCreate;
      await h.faults([{ match: wire.firstCreate, status: 503, times: 1, body: error.serverError, contentType: error.contentType }]);
      const session = await applyUntilComplete(h);
      expect(await faultsFired(h)).toEqual([[wire.firstCreate, 503]]);
      // Recovered within the run that met it: no host of the first report failed.
      expect(session[0]!.hosts.filter((x) => x.outcome === "failed").map((x) => x.summary)).toEqual([]);
      const made = await h.inventory();
      expect(counts(made)).toEqual(wire.cleanAccount);
      expect([...createdIds(session)].sort()).toEqual([...made.keys()].filter((id) => !initial.has(id)).sort());
      await undoUntilComplete(h, session);
      expect(await h.inventory()).toEqual(initial);
    });

    it("a dropped answer to the first create: what it made is found, reported once and undone", async () => {
      await start();
      await h.faults([{ match: wire.firstCreate, status: 200, drop: "after-handling", times: 1 }]);
      const session = await applyUntilComplete(h);
      expect(await faultsFired(h)).toEqual([[wire.firstCreate, "dropped"]]);
      const made = await h.inventory();
      expect(counts(made)).toEqual(wire.cleanAccount);
      const ids = createdIds(session);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...made.keys()].filter((id) => !initial.has(id)).sort());
      await undoUntilComplete(h, session);
      expect(await h.inventory()).toEqual(initial);
    });

    describe("credentials", () => {
      const logged: string[] = [];
      beforeAll(() => {
        for (const level of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
      });
      afterEach(() => void (logged.length = 0));
      afterAll(() => vi.restoreAllMocks());

      it("never appear in a result, an error or a log line, not even when the provider echoes them back", async () => {
        await start();
        const secrets = Object.values(h.credentials);
        const echo = wire.echo(`request refused: ${secrets.map((s) => `credential ${s}`).join(", ")}`);
        await h.faults([{ match: wire.read, times: 1, ...echo }]);
        const session = [await h.provider.apply(h.credentials, h.input(HOSTS), h.ctx)];
        expect(await faultsFired(h)).toEqual([[wire.read, echo.status]]);
        // The echo reached a person-facing error, scrubbed.
        const echoed = session[0]!.hosts.map((x) => x.error?.message ?? "").filter((m) => m.includes("request refused"));
        expect(echoed.length).toBeGreaterThan(0);
        expect(echoed.every((m) => /\[(redacted|access key ID)\]/.test(m))).toBe(true);

        session.push(...(await applyUntilComplete(h)));
        const wrong = Object.fromEntries(Object.entries(h.credentials).map(([k, v]) => [k, `${v.slice(0, -1)}${v.endsWith("7") ? "8" : "7"}`]));
        const results: unknown[] = [
          ...session,
          await h.provider.status(h.credentials, h.input(HOSTS), h.ctx),
          await h.provider.preview(h.credentials, h.input(HOSTS), h.ctx),
          await h.provider.apply(wrong, h.input(HOSTS), h.ctx),
          await h.provider.undo(wrong, session.reduce<UndoTarget[]>((acc, r) => createdTargets(r, acc), []), h.ctx),
          await undoUntilComplete(h, session),
        ];
        const text = JSON.stringify(results) + logged.join("\n");
        for (const secret of [...secrets, ...Object.values(wrong)]) expect(text).not.toContain(secret);
      });
    });
  });
}
