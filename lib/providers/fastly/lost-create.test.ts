import { describe, expect, it } from "vitest";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import { fastlyServer } from "./apply";
import { FastlyFake } from "@/lib/sandbox/fakes/fastly/fake";
import { withFakeServer } from "@/lib/testing/fake-server";

/**
 * Every create apply sends is a new object each time Fastly carries it out, so after an answer that leaves
 * the outcome unknown it is looked up before it is sent again: found, it is adopted as made by this run;
 * not found, it is sent again (docs/providers/fastly.md#creates-whose-answer-is-lost).
 */

const TOKEN = "lostFastlyToken00000000000000001";
const HOST = "ablink.lost.customer.com";
const fake = new FastlyFake({ tokens: { [TOKEN]: { scope: "global" } } });
const fx = withFakeServer(fake, "fastly");

const { faults, calls } = fx;

/** Each create apply sends, and the read that finds what it made. */
const CREATES = [
  { op: "CreateService", lookup: "SearchService" },
  { op: "CreateDomain", lookup: "ListDomains" },
  { op: "CreateBackend", lookup: "ListBackends" },
  { op: "CreateTlsSubscription", lookup: "ListTlsSubscriptions" },
];

/** The create's calls from its first try on, and the lookup between them, as `op fault`. */
async function around(op: string, lookup: string): Promise<string[]> {
  const log = await calls();
  const first = log.findIndex((c) => c.op === op);
  return log
    .slice(first)
    .filter((c, i) => c.op === op || (c.op === lookup && log[first + i - 1]?.op === op))
    .map((c) => (c.fault === undefined ? c.op : `${c.op} ${c.fault}`));
}

/** One apply of HOST; it must end as a run without the fault does, with exactly one of everything. */
async function applyOnce(): Promise<void> {
  const report = await fastlyServer.apply({ apiToken: TOKEN }, { hosts: [HOST], region: "global" }, fx.ctx);
  const h = report.hosts[0]!;
  expect(h.error).toBeUndefined();
  expect(h.outcome).toBe("pending");
  const state = fake.state();
  expect(h.resources.map((r) => [r.kind, r.id, r.createdByThisRun])).toEqual([
    [RESOURCE_KIND.fastlyService, state.services[0]!.id, true],
    [RESOURCE_KIND.fastlyTlsSubscription, state.subscriptions[0]!.id, true],
  ]);
  expect(state.services.map((s) => s.versions.map((v) => [v.number, v.active, v.domains, v.backends.map((b) => b.name)]))).toEqual([[[1, true, [HOST], ["sendgrid"]]]]);
  expect(state.subscriptions.map((s) => s.host)).toEqual([HOST]);
}

describe("Fastly apply when a create's outcome is unknown", () => {
  for (const { op, lookup } of CREATES) {
    it(`${op} whose answer is lost: found by ${lookup} and adopted, not sent again`, async () => {
      await faults([{ match: op, status: 0, drop: "after-handling", times: 1 }]);
      await applyOnce();
      expect(await around(op, lookup)).toEqual([`${op} dropped`, lookup]);
    });

    it(`${op} answered 503 (not carried out): sent again once ${lookup} shows nothing`, async () => {
      await faults([{ match: op, status: 503, times: 1, body: '{"msg":"Service Unavailable"}' }]);
      await applyOnce();
      expect(await around(op, lookup)).toEqual([`${op} 503`, lookup, op]);
    });
  }
});
