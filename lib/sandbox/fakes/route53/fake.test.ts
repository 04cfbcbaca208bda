import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type Change,
} from "@aws-sdk/client-route-53";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type FakeCall, type RunningFake } from "@/lib/sandbox/http-fake";
import { plainRRSet, Route53Fake } from "./fake";

/**
 * The Route 53 fake, proved through the official @aws-sdk/client-route-53: what the SDK sends is accepted, what the
 * fake answers is what the SDK parses, and errors reach code with Route 53's names and messages.
 */
const KEY = { accessKeyId: "AKIAROUTE53FAKETEST1", secretAccessKey: "r53FakeSecretKey0000000000000000000000000" };
const READ_ONLY = { accessKeyId: "AKIAAPPLYDENIEDR5301", secretAccessKey: "r53FakeSecretKey1111111111111111111111111" };
const NO_GETCHANGE = { accessKeyId: "AKIAROUTE53NOGETCHG1", secretAccessKey: "r53FakeSecretKey2222222222222222222222222" };
const ZONE = "news.customer.com";
const HOST = `ablink.${ZONE}`;

const synced: { zone: string; names: string[] }[] = [];
const fake = new Route53Fake({
  accounts: Object.fromEntries([KEY, READ_ONLY, NO_GETCHANGE].map((k) => [k.accessKeyId, { secret: k.secretAccessKey, accountId: "111122223333" }])),
  deny: { [NO_GETCHANGE.accessKeyId]: ["route53:GetChange"] },
  syncAfterGets: 1,
  onSync: (zone, rrsets) => synced.push({ zone, names: rrsets.map((r) => `${r.Name} ${r.Type}`) }),
});
let server: RunningFake;
let zoneId: string;

const client = (key = KEY, opts: { maxAttempts?: number } = {}) =>
  new Route53Client({ endpoint: server.url, region: "us-east-1", credentials: key, maxAttempts: opts.maxAttempts ?? 1 });
const calls = async (): Promise<FakeCall[]> => (await (await fetch(`${server.url}/__sandbox/calls`)).json()) as FakeCall[];
const faults = (list: unknown[]) => fetch(`${server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { name: "ok", message: "" };
  } catch (e) {
    const error = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
  }
};
const cname = (name: string, ttl: number, value: string) => ({ Name: name, Type: "CNAME" as const, TTL: ttl, ResourceRecords: [{ Value: value }] });
const swap = (from: ReturnType<typeof cname>, to: ReturnType<typeof cname>): Change[] => [
  { Action: "DELETE", ResourceRecordSet: from },
  { Action: "CREATE", ResourceRecordSet: to },
];

beforeAll(async () => {
  server = await startFake(fake, { controls: true });
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__sandbox/reset`, { method: "POST" });
  synced.length = 0;
  fake.addZone(KEY.accessKeyId, "customer.com");
  zoneId = fake.addZone(KEY.accessKeyId, ZONE).id;
  fake.addZone(KEY.accessKeyId, ZONE, { privateZone: true });
  fake.putRRSet(zoneId, plainRRSet(HOST, "CNAME", 3600, ["sendgrid.net"]));
  fake.putRRSet(zoneId, plainRRSet(`12345.${ZONE}`, "CNAME", 3600, ["sendgrid.net"]));
});

describe("ListHostedZonesByName", () => {
  it("is a cursor: zones from the first name at or after dnsname, labels reversed, private zones too", async () => {
    const out = await client().send(new ListHostedZonesByNameCommand({ DNSName: ZONE }));
    // Two zones of one name are ordered by id, which is random here: compare them sorted.
    expect(out.HostedZones?.map((z) => [z.Name, z.Config?.PrivateZone]).sort()).toEqual([
      [`${ZONE}.`, false],
      [`${ZONE}.`, true],
    ]);
    expect(out.HostedZones?.[0]?.Id).toMatch(/^\/hostedzone\/Z[A-Z0-9]{13}$/);
    expect([out.DNSName, out.IsTruncated, out.MaxItems]).toEqual([ZONE, false, 100]);
    // com.customer sorts before com.customer.news: asking for customer.com lists it first, then the sub-zones.
    const all = await client().send(new ListHostedZonesByNameCommand({ DNSName: "customer.com", MaxItems: 1 }));
    expect([all.HostedZones?.map((z) => z.Name), all.IsTruncated, all.NextDNSName]).toEqual([["customer.com."], true, `${ZONE}.`]);
  });
});

describe("ListResourceRecordSets", () => {
  it("starts at the first record set with name ≥ name (and type ≥ type) and returns it raw", async () => {
    const out = await client().send(new ListResourceRecordSetsCommand({ HostedZoneId: `/hostedzone/${zoneId}`, StartRecordName: HOST, StartRecordType: "CNAME", MaxItems: 1 }));
    expect(out.ResourceRecordSets).toEqual([{ Name: `${HOST}.`, Type: "CNAME", TTL: 3600, ResourceRecords: [{ Value: "sendgrid.net" }] }]);
    expect([out.IsTruncated, out.NextRecordName, out.NextRecordType]).toEqual([false, undefined, undefined]);
    // A name that has no record set: the list starts at the next one, so the caller must compare names.
    const absent = await client().send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordName: `0.${ZONE}`, MaxItems: 1 }));
    expect([absent.ResourceRecordSets?.map((r) => r.Name), absent.IsTruncated, absent.NextRecordName]).toEqual([[`12345.${ZONE}.`], true, `${HOST}.`]);
  });

  it("refuses a type without a name (InvalidInput), and an unknown zone (NoSuchHostedZone 404)", async () => {
    expect(await failure(client().send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordType: "CNAME" })))).toEqual({
      name: "InvalidInput",
      message: "The input is not valid: type requires name",
      status: 400,
    });
    expect(await failure(client().send(new ListResourceRecordSetsCommand({ HostedZoneId: "ZNOSUCHZONE00000" })))).toEqual({
      name: "NoSuchHostedZone",
      message: "No hosted zone found with ID: ZNOSUCHZONE00000",
      status: 404,
    });
  });
});

describe("ChangeResourceRecordSets", () => {
  it("DELETE of the exact record + CREATE of the new one in one batch: PENDING, then INSYNC on the second GetChange", async () => {
    const out = await client().send(
      new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Comment: "switch", Changes: swap(cname(HOST, 3600, "sendgrid.net"), cname(HOST, 3600, "d111.cloudfront.net")) } }),
    );
    expect([out.ChangeInfo?.Status, out.ChangeInfo?.Comment]).toEqual(["PENDING", "switch"]);
    expect(out.ChangeInfo?.Id).toMatch(/^\/change\/C[A-Z0-9]{13}$/);
    expect(fake.rrsets(zoneId).filter((r) => r.Name === `${HOST}.`)).toEqual([plainRRSet(HOST, "CNAME", 3600, ["d111.cloudfront.net"])]);
    expect(synced).toEqual([]);
    const first = await client().send(new GetChangeCommand({ Id: out.ChangeInfo!.Id }));
    const second = await client().send(new GetChangeCommand({ Id: out.ChangeInfo!.Id }));
    expect([first.ChangeInfo?.Status, second.ChangeInfo?.Status]).toEqual(["PENDING", "INSYNC"]);
    expect(synced).toEqual([{ zone: ZONE, names: [`${ZONE}. NS`, `${ZONE}. SOA`, `12345.${ZONE}. CNAME`, `${HOST}. CNAME`] }]);
    // The SDK strips "/change/" and sends the bare id in the path.
    expect((await calls()).filter((c) => c.op === "GetChange").map((c) => c.path)).toEqual([`/2013-04-01/change/${out.ChangeInfo!.Id!.slice(8)}`, `/2013-04-01/change/${out.ChangeInfo!.Id!.slice(8)}`]);
  });

  it("is all or nothing: a DELETE whose values do not match fails the whole batch with Route 53's message, and nothing changes", async () => {
    // The CREATE then meets the record the DELETE left: the fake reports both (whether Route 53 does is unverified).
    const before = fake.rrsets(zoneId);
    const result = await failure(
      client().send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: swap(cname(HOST, 300, "sendgrid.net"), cname(HOST, 3600, "d111.cloudfront.net")) } })),
    );
    expect(result).toEqual({
      name: "InvalidChangeBatch",
      message: `[Tried to delete resource record set [name='${HOST}.', type='CNAME'] but the values provided do not match the current values, Tried to create resource record set [name='${HOST}.', type='CNAME'] but it already exists]`,
      status: 400,
    });
    expect(fake.rrsets(zoneId)).toEqual(before);
  });

  it("answers Route 53's published messages for a missing record, a duplicate, a CNAME beside other records and a CNAME at the apex, comma-joined", async () => {
    const send = (changes: Change[]) => failure(client().send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } })));
    expect(await send([{ Action: "DELETE", ResourceRecordSet: cname(`gone.${ZONE}`, 300, "x.example.net") }])).toEqual({
      name: "InvalidChangeBatch",
      message: `[Tried to delete resource record set [name='gone.${ZONE}.', type='CNAME'] but it was not found]`,
      status: 400,
    });
    expect(await send([{ Action: "CREATE", ResourceRecordSet: cname(HOST, 300, "x.example.net") }, { Action: "CREATE", ResourceRecordSet: cname(ZONE, 300, "x.example.net") }])).toEqual({
      name: "InvalidChangeBatch",
      message: `[Tried to create resource record set [name='${HOST}.', type='CNAME'] but it already exists, RRSet of type CNAME with DNS name ${ZONE}. is not permitted at apex in zone ${ZONE}.]`,
      status: 400,
    });
    expect(await send([{ Action: "CREATE", ResourceRecordSet: { Name: HOST, Type: "TXT", TTL: 300, ResourceRecords: [{ Value: '"x"' }] } }])).toEqual({
      name: "InvalidChangeBatch",
      message: `[RRSet of type TXT with DNS name ${HOST}. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone ${ZONE}.]`,
      status: 400,
    });
  });

  it("accepts botocore's path with the trailing slash (…/rrset/) as well as the Smithy model's (…/rrset)", async () => {
    const slashed = client();
    slashed.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { path: string };
        request.path = `${request.path}/`;
        return next(args);
      },
      { step: "build" },
    );
    const out = await slashed.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: swap(cname(HOST, 3600, "sendgrid.net"), cname(HOST, 3600, "d111.cloudfront.net")) } }));
    expect(out.ChangeInfo?.Status).toBe("PENDING");
    expect((await calls()).map((c) => [c.op, c.method, c.path])).toEqual([["ChangeResourceRecordSets", "POST", `/2013-04-01/hostedzone/${zoneId}/rrset/`]]);
  });

  it("refuses a key without the permission with AccessDenied naming the action and the zone", async () => {
    const result = await failure(
      client(READ_ONLY).send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: swap(cname(HOST, 3600, "sendgrid.net"), cname(HOST, 3600, "d111.cloudfront.net")) } })),
    );
    expect(result).toEqual({
      name: "AccessDenied",
      message: `User: arn:aws:iam::111122223333:user/sandbox is not authorized to perform: route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/${zoneId} because no identity-based policy allows the route53:ChangeResourceRecordSets action`,
      status: 403,
    });
    const denied = await failure(client(NO_GETCHANGE).send(new GetChangeCommand({ Id: "CNOSUCHCHANGE0" })));
    expect(denied.name).toBe("NoSuchChange");
  });
});

describe("SigV4 and throttling", () => {
  it("checks the Authorization header's shape and the signature made with the key's secret", async () => {
    const wrong = new Route53Client({ endpoint: server.url, region: "us-east-1", credentials: { ...KEY, secretAccessKey: `x${KEY.secretAccessKey.slice(1)}` }, maxAttempts: 1 });
    expect((await failure(wrong.send(new ListHostedZonesByNameCommand({})))).name).toBe("SignatureDoesNotMatch");
    const unsigned = await fetch(`${server.url}/2013-04-01/hostedzonesbyname`);
    expect([unsigned.status, (await unsigned.text()).includes("<Code>MissingAuthenticationToken</Code>")]).toEqual([403, true]);
    const forged = await fetch(`${server.url}/2013-04-01/hostedzonesbyname`, { headers: { authorization: `AWS ${KEY.accessKeyId}:abc`, "x-amz-date": "20260101T000000Z" } });
    expect(forged.status).toBe(403);
  });

  it("a Throttling answer three times in a row is past the SDK's three attempts; twice, and the third attempt goes through", async () => {
    const throttle = (times: number) =>
      faults([
        {
          match: "ChangeResourceRecordSets",
          status: 400,
          times,
          contentType: "text/xml",
          body: `<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
        },
      ]);
    const send = () =>
      client(KEY, { maxAttempts: 3 }).send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: swap(cname(HOST, 3600, "sendgrid.net"), cname(HOST, 3600, "d111.cloudfront.net")) } }));
    await throttle(3);
    expect(await failure(send())).toEqual({ name: "Throttling", message: "Rate exceeded", status: 400 });
    expect((await calls()).map((c) => c.fault)).toEqual([400, 400, 400]);
    expect(fake.rrsets(zoneId).find((r) => r.Name === `${HOST}.`)).toEqual(plainRRSet(HOST, "CNAME", 3600, ["sendgrid.net"]));
    await fetch(`${server.url}/__sandbox/reset`, { method: "POST" });
    zoneId = fake.addZone(KEY.accessKeyId, ZONE).id;
    fake.putRRSet(zoneId, plainRRSet(HOST, "CNAME", 3600, ["sendgrid.net"]));
    await throttle(2);
    expect((await send()).ChangeInfo?.Status).toBe("PENDING");
    expect((await calls()).map((c) => c.fault ?? "answered")).toEqual([400, 400, "answered"]);
  });
});
