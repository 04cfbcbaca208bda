import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type FakeCall, type RunningFake } from "@/lib/sandbox/http-fake";
import { plainRRSet, Route53Fake } from "@/lib/sandbox/fakes/route53/fake";
import type { DnsContext } from "@/lib/dns-hosts/server-types";
import type { LinkRecord } from "@/lib/dns-hosts/types";
import { route53Server } from "./server";
import { switchedRecord } from "./plan";

/** The Route 53 adapter against the Route 53 fake, through the official SDK: read exactly, write only by compare-and-swap. */
const KEY = { accessKeyId: "AKIAROUTE53ADAPTER01", secretAccessKey: "r53AdapterSecret000000000000000000000000" };
const READ_ONLY = { accessKeyId: "AKIAAPPLYDENIEDADPT1", secretAccessKey: "r53AdapterSecret111111111111111111111111" };
const NO_LIST = { accessKeyId: "AKIAROUTE53NOLISTRR1", secretAccessKey: "r53AdapterSecret222222222222222222222222" };
const NO_GETCHANGE = { accessKeyId: "AKIAROUTE53NOGETCHG2", secretAccessKey: "r53AdapterSecret333333333333333333333333" };
const ZONE = "customer.com";
const SUB = "news.customer.com";
const HOST = `ablink.${SUB}`;
const OWNER = `12345.${SUB}`;
const CDN = "d111111abcdef8.cloudfront.net";

const fake = new Route53Fake({
  // Each key its own account, so each test's zones are its own.
  accounts: Object.fromEntries([KEY, READ_ONLY, NO_LIST, NO_GETCHANGE].map((k) => [k.accessKeyId, k.secretAccessKey])),
  deny: { [NO_LIST.accessKeyId]: ["route53:ListResourceRecordSets"], [NO_GETCHANGE.accessKeyId]: ["route53:GetChange"] },
  syncAfterGets: 2,
});
let server: RunningFake;
let ctx: DnsContext;
let subId: string;

const calls = async (): Promise<FakeCall[]> => (await (await fetch(`${server.url}/__sandbox/calls`)).json()) as FakeCall[];
const faults = (list: unknown[]) => fetch(`${server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
const link = (ttl = 3600, value = "sendgrid.net"): LinkRecord => ({ name: HOST, type: "CNAME", ttl, value });

beforeAll(async () => {
  server = await startFake(fake, { controls: true });
  ctx = { endpoint: server.url, maxRetries: 2, maxRetryDelayMs: 5, sleep: async () => {}, pollMs: 1, syncWaitMs: 10 };
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__sandbox/reset`, { method: "POST" });
  fake.addZone(KEY.accessKeyId, ZONE);
  fake.addZone(KEY.accessKeyId, SUB, { privateZone: true });
  subId = fake.addZone(KEY.accessKeyId, SUB).id;
  fake.putRRSet(subId, plainRRSet(HOST, "CNAME", 3600, ["sendgrid.net"]));
  fake.putRRSet(subId, plainRRSet(OWNER, "CNAME", 3600, ["sendgrid.net"]));
});

describe("read", () => {
  it("finds the most specific public hosted zone (a delegated sub-zone, not the private one of the same name) and reads the record exactly", async () => {
    expect(await route53Server.read(KEY, HOST, ctx)).toEqual({ ok: true, zone: { id: subId, name: SUB }, record: link() });
  });

  it.each([
    ["the zone apex", () => fake.addZone(KEY.accessKeyId, HOST), "zone_apex", `${HOST} is the apex of its own zone at Amazon Route 53: a CNAME cannot sit at a zone apex, so the switch is refused.`],
    [
      "other records at the name",
      () => {
        fake.removeRRSet(subId, HOST, "CNAME");
        fake.putRRSet(subId, plainRRSet(HOST, "A", 300, ["192.0.2.1"]));
        fake.putRRSet(subId, plainRRSet(HOST, "TXT", 300, ['"v=1"']));
      },
      "other_records",
      `${HOST} has A, TXT records at Amazon Route 53, not one CNAME: the switch only replaces a single CNAME and never touches other records.`,
    ],
    [
      "a routing-policy record set",
      () => fake.putRRSet(subId, { Name: `${HOST}.`, Type: "CNAME", SetIdentifier: "blue", Weight: "50", TTL: "60", ResourceRecords: { ResourceRecord: [{ Value: "sendgrid.net" }] } }),
      "routing_policy",
      `${HOST} is a routing-policy record set (it has a SetIdentifier) at Amazon Route 53, so the switch is refused: it only replaces one plain CNAME.`,
    ],
    ["no record", () => fake.putRRSet(subId, plainRRSet(`ablink2.${SUB}`, "CNAME", 300, ["x"])), "no_record", undefined],
  ])("refuses %s, naming it", async (_, arrange, code, message) => {
    arrange();
    const host = code === "no_record" ? `ablink3.${SUB}` : HOST;
    const result = await route53Server.read(KEY, host, ctx);
    expect(result.ok ? "read" : result.error.code).toBe(code);
    if (message && !result.ok) expect(result.error.message).toBe(message);
  });

  it("refuses when no public zone holds the host, listing where it looked", async () => {
    const result = await route53Server.read(KEY, "ablink.news.elsewhere.org", ctx);
    expect(result.ok ? undefined : result.error.message).toBe("Amazon Route 53 has no zone for ablink.news.elsewhere.org that these credentials can see (looked for news.elsewhere.org, elsewhere.org).");
  });

  it("refuses two public zones of the same name, naming both", async () => {
    const second = fake.addZone(KEY.accessKeyId, SUB).id;
    const result = await route53Server.read(KEY, HOST, ctx);
    expect(result.ok ? undefined : [result.error.code, result.error.message.includes(subId) && result.error.message.includes(second)]).toEqual(["duplicate_zones", true]);
  });

  it("names the missing permission and says nothing changed", async () => {
    fake.addZone(NO_LIST.accessKeyId, SUB);
    expect(await route53Server.read(NO_LIST, HOST, ctx)).toEqual({
      ok: false,
      error: {
        code: "missing_permission",
        message: "These credentials lack route53:ListResourceRecordSets at Amazon Route 53. Nothing was changed.",
        action: "Add route53:ListResourceRecordSets to the credentials (the permissions listed beside the fields), then try again.",
      },
    });
  });
});

describe("replace (compare-and-swap)", () => {
  const zone = () => ({ id: subId, name: SUB });

  it("switches only the link record, in one DELETE + CREATE batch, and waits until INSYNC", async () => {
    const others = fake.rrsets(subId).filter((r) => r.Name !== `${HOST}.`);
    const next = switchedRecord(link(), CDN);
    const result = await route53Server.replace(KEY, zone(), link(), next, ctx);
    expect(result.ok && result.written).toEqual({ name: HOST, type: "CNAME", ttl: 3600, value: CDN });
    expect(fake.rrsets(subId).filter((r) => r.Name !== `${HOST}.`)).toEqual(others);
    expect(fake.rrsets(subId).filter((r) => r.Name === `${HOST}.`)).toEqual([plainRRSet(HOST, "CNAME", 3600, [CDN])]);
    const changeId = result.ok ? result.changeId : undefined;
    expect(await route53Server.waitInSync(KEY, zone(), next, changeId, ctx)).toEqual({ ok: true, status: "in-sync" });
    expect((await calls()).map((c) => c.op)).toEqual(["ChangeResourceRecordSets", "GetChange", "GetChange", "GetChange"]);
  });

  it("refuses a record edited by someone else since it was read, and writes nothing", async () => {
    fake.putRRSet(subId, plainRRSet(HOST, "CNAME", 300, ["sendgrid.net"]));
    const result = await route53Server.replace(KEY, zone(), link(), switchedRecord(link(), CDN), ctx);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "record_changed",
        message: `The record for ${HOST} changed at Amazon Route 53 since it was read, so nothing was written. It is now CNAME sendgrid.net (TTL 300 s).`,
        action: "Read the record again, check that the new value is what you expect, then switch (or roll back) from there.",
      },
      recordNow: link(300),
    });
    expect(fake.rrsets(subId).find((r) => r.Name === `${HOST}.`)).toEqual(plainRRSet(HOST, "CNAME", 300, ["sendgrid.net"]));
  });

  it("throttled three times in a row (past the SDK's retries): a clear message, and the record read again shows nothing changed", async () => {
    await faults([{ match: "ChangeResourceRecordSets", status: 400, times: 3, contentType: "text/xml", body: throttleBody }]);
    const result = await route53Server.replace(KEY, zone(), link(), switchedRecord(link(), CDN), ctx);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "Throttling",
        message: `Route 53 asked to slow down (Throttling) while trying to change the record of ${HOST}, and still did after the SDK's retries. Nothing was changed: the record is still sendgrid.net.`,
        action: "Wait a minute, then try again: a change batch is all or nothing, so trying again is safe.",
      },
      recordNow: link(),
    });
    expect((await calls()).map((c) => [c.op, c.fault ?? "answered"])).toEqual([
      ["ChangeResourceRecordSets", 400],
      ["ChangeResourceRecordSets", 400],
      ["ChangeResourceRecordSets", 400],
      ["ListResourceRecordSets", "answered"],
    ]);
  });

  it("an answer lost after Route 53 carried the batch out: read again, and reported as done", async () => {
    await faults([{ match: "ChangeResourceRecordSets", status: 0, times: 1, drop: "after-handling" }]);
    const next = switchedRecord(link(), CDN);
    const result = await route53Server.replace(KEY, zone(), link(), next, { ...ctx, maxRetries: 0 });
    expect(result).toEqual({ ok: true, written: next });
    expect((await calls()).map((c) => [c.op, c.fault ?? "answered"])).toEqual([
      ["ChangeResourceRecordSets", "dropped"],
      ["ListResourceRecordSets", "answered"],
    ]);
  });

  it("names the missing write permission, and says the record is unchanged", async () => {
    const id = fake.addZone(READ_ONLY.accessKeyId, SUB).id;
    fake.putRRSet(id, plainRRSet(HOST, "CNAME", 3600, ["sendgrid.net"]));
    const result = await route53Server.replace(READ_ONLY, { id, name: SUB }, link(), switchedRecord(link(), CDN), ctx);
    expect(result.ok ? undefined : result.error.message).toBe("These credentials lack route53:ChangeResourceRecordSets at Amazon Route 53. Nothing was changed: the record is still sendgrid.net.");
  });

  it("a write that went through without route53:GetChange: the wait says which permission it lacks", async () => {
    const id = fake.addZone(NO_GETCHANGE.accessKeyId, SUB).id;
    fake.putRRSet(id, plainRRSet(HOST, "CNAME", 3600, ["sendgrid.net"]));
    const written = await route53Server.replace(NO_GETCHANGE, { id, name: SUB }, link(), switchedRecord(link(), CDN), ctx);
    const waited = await route53Server.waitInSync(NO_GETCHANGE, { id, name: SUB }, switchedRecord(link(), CDN), written.ok ? written.changeId : undefined, ctx);
    expect(waited.ok ? undefined : waited.error.message).toBe("These credentials lack route53:GetChange at Amazon Route 53.");
  });
});

describe("validation records", () => {
  const name = `_3639ac514e785e898d2646601fa951d5.${HOST}`;
  const value = "_98d2646601fa951d53639ac514e785e8.mhbtsbpdnt.acm-validations.aws.";

  it("creates the CNAME once; asked again, finds it; a different record there is refused", async () => {
    const first = await route53Server.createValidationRecord(KEY, { name, value }, ctx);
    expect(first.ok && [first.zone, first.record, first.created]).toEqual([{ id: subId, name: SUB }, { name, type: "CNAME", ttl: 300, value }, true]);
    const again = await route53Server.createValidationRecord(KEY, { name, value }, ctx);
    expect(again.ok && again.created).toBe(false);
    const other = await route53Server.createValidationRecord(KEY, { name, value: "other.acm-validations.aws." }, ctx);
    expect(other.ok ? undefined : other.error.code).toBe("record_exists");
  });
});

const throttleBody = `<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
