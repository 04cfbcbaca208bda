import "server-only";
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type ResourceRecordSet,
} from "@aws-sdk/client-route-53";
import { sleep as timer } from "@/lib/async";
import { awsClientConfig } from "@/lib/providers/aws/sdk-config";
import { policyOf } from "@/lib/providers/engine/policy";
import { credentialSchema } from "@/lib/providers/credential-schema";
import { awsCredentials, type AwsCredentials } from "@/lib/providers/aws/credentials";
import { REFUSAL } from "@/lib/dns-hosts/refusals";
import { DEFAULT_POLL_MS, DEFAULT_SYNC_WAIT_MS, DNS_DEFAULT_MAX_RETRY_DELAY_MS, DNS_DEFAULT_RETRIES, type DnsContext, type DnsHostServer } from "@/lib/dns-hosts/server-types";
import type { DnsOutcome, DnsZoneRef, LinkRecord } from "@/lib/dns-hosts/types";
import { sameRecord } from "@/lib/dns-hosts/records";
import { zoneCandidates } from "@/lib/hostnames";
import type { ProviderError } from "@/lib/providers/types";
import { codeOf, translate, type Route53Call } from "./errors";
import { route53Info, ROUTE53_PERMISSION } from "./info";
import { validationRecord } from "./plan";
import { fromRoute53Name, linkRecordOf, toRoute53Name, toRRSet } from "./records";

/**
 * Route 53 through the official @aws-sdk/client-route-53 (docs/dns-hosts/route53.md). Route 53 is global and signs
 * with us-east-1. Every write is one change batch that DELETEs exactly the record read and CREATEs the new one;
 * after any failed write the record is read again, so the result says what it is now.
 */
const SIGNING_REGION = "us-east-1";
const COMMENT = "SSL click tracking setup wizard";
/** Pages of record sets read at one name at most (300 per page: far more than one name holds). */
const MAX_PAGES = 5;

type Failure = { ok: false; error: ProviderError; recordNow?: LinkRecord | null };

class Route53Failure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

function clientFor(credentials: AwsCredentials, ctx: DnsContext): Route53Client {
  return new Route53Client({ ...awsClientConfig(credentials, SIGNING_REGION, policyOf({ ...ctx, maxRetries: ctx.maxRetries ?? DNS_DEFAULT_RETRIES, maxRetryDelayMs: ctx.maxRetryDelayMs ?? DNS_DEFAULT_MAX_RETRY_DELAY_MS })), ...(ctx.endpoint ? { endpoint: ctx.endpoint } : {}) });
}

const secretsOf = (c: AwsCredentials) => [c.accessKeyId, c.secretAccessKey, c.sessionToken];

async function send<T>(credentials: AwsCredentials, call: Route53Call, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new Route53Failure({ ok: false, error: translate(error, call, secretsOf(credentials)) });
  }
}

async function outcome<T>(fn: () => Promise<T>): Promise<({ ok: true } & T) | Failure> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (error) {
    if (error instanceof Route53Failure) return error.failure;
    throw error;
  }
}

/** The public hosted zone named exactly `name`, if any; two of them cannot be told apart without more permissions, so they are refused. */
async function zoneNamed(client: Route53Client, credentials: AwsCredentials, name: string): Promise<DnsZoneRef | null> {
  const wanted = toRoute53Name(name);
  const found: DnsZoneRef[] = [];
  let cursor: { DNSName: string; HostedZoneId?: string } | undefined = { DNSName: name };
  for (let page = 0; cursor && page < MAX_PAGES; page++) {
    const out = await send(credentials, { doing: `look up the hosted zone ${name}`, permission: ROUTE53_PERMISSION.findZone }, () => client.send(new ListHostedZonesByNameCommand({ ...cursor })));
    const zones = out.HostedZones ?? [];
    for (const z of zones) if (z.Name === wanted && z.Config?.PrivateZone !== true) found.push({ id: (z.Id ?? "").replace(/^\/hostedzone\//, ""), name });
    // A cursor, not a filter: later pages matter only while they still hold zones of this name.
    cursor = out.IsTruncated && out.NextDNSName === wanted ? { DNSName: name, HostedZoneId: out.NextHostedZoneId } : undefined;
  }
  if (found.length > 1) {
    throw new Route53Failure({
      ok: false,
      error: {
        code: "duplicate_zones",
        message: `This AWS account has ${found.length} public hosted zones named ${name} (${found.map((z) => z.id).join(", ")}); only the one whose name servers the domain uses answers, and the wizard cannot tell which.`,
        action: "Delete the hosted zone that is not in use (compare each zone's NS record with the domain's name servers), or switch the record by hand in the zone that is.",
      },
    });
  }
  return found[0] ?? null;
}

async function findZone(client: Route53Client, credentials: AwsCredentials, host: string, allowApex: boolean): Promise<DnsZoneRef> {
  // The most specific zone wins: a delegated sub-zone holds the record (docs/dns-hosts/route53.md#finding-the-zone).
  const candidates = [host, ...zoneCandidates(host)];
  for (const name of candidates) {
    const zone = await zoneNamed(client, credentials, name);
    if (zone && zone.name === host && !allowApex) throw new Route53Failure({ ok: false, error: REFUSAL.apex(host, route53Info) });
    if (zone) return zone;
  }
  throw new Route53Failure({
    ok: false,
    error: REFUSAL.zoneNotFound(host, candidates.slice(1), route53Info, "Check that these are the credentials of the AWS account that hosts the domain's DNS (a public hosted zone; private zones are skipped), then read again."),
  });
}

/** Every record set at `name`, raw (pending changes included). */
async function recordSetsAt(client: Route53Client, credentials: AwsCredentials, zone: DnsZoneRef, name: string): Promise<ResourceRecordSet[]> {
  const out: ResourceRecordSet[] = [];
  let start: { StartRecordName: string; StartRecordType?: ResourceRecordSet["Type"]; StartRecordIdentifier?: string } | undefined = { StartRecordName: toRoute53Name(name) };
  for (let page = 0; start && page < MAX_PAGES; page++) {
    const res = await send(credentials, { doing: `read the records of ${name}`, permission: ROUTE53_PERMISSION.read }, () =>
      client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zone.id, ...start })),
    );
    const sets = res.ResourceRecordSets ?? [];
    const here = sets.filter((r) => r.Name !== undefined && fromRoute53Name(r.Name) === name);
    out.push(...here);
    // Listing starts at the name and goes on in order: once another name appears, every set at this name has been seen.
    const more = res.IsTruncated && here.length === sets.length && res.NextRecordName !== undefined && fromRoute53Name(res.NextRecordName) === name;
    start = more ? { StartRecordName: res.NextRecordName!, StartRecordType: res.NextRecordType, StartRecordIdentifier: res.NextRecordIdentifier } : undefined;
  }
  return out;
}

async function readLinkRecord(client: Route53Client, credentials: AwsCredentials, zone: DnsZoneRef, host: string): Promise<LinkRecord> {
  const found = linkRecordOf(host, zone.name, await recordSetsAt(client, credentials, zone, host));
  if (!found.ok) throw new Route53Failure(found);
  return found.record;
}

/** The record now, or null when there is none, or undefined when it cannot be read either. */
async function recordNow(client: Route53Client, credentials: AwsCredentials, zone: DnsZoneRef, host: string): Promise<LinkRecord | null | undefined> {
  try {
    const sets = await recordSetsAt(client, credentials, zone, host);
    const found = linkRecordOf(host, zone.name, sets);
    return found.ok ? found.record : sets.length === 0 ? null : undefined;
  } catch {
    return undefined;
  }
}

const CHANGED = /do not match the current values|but it was not found|but it already exists/;

export const route53Server: DnsHostServer<AwsCredentials> = {
  id: "route53",
  credentialsSchema: credentialSchema(awsCredentials),

  read: (credentials, host, ctx) =>
    outcome(async () => {
      const client = clientFor(credentials, ctx);
      const zone = await findZone(client, credentials, host, false);
      return { zone, record: await readLinkRecord(client, credentials, zone, host) };
    }),

  async replace(credentials, zone, expected, next, ctx) {
    const client = clientFor(credentials, ctx);
    const call: Route53Call = { doing: `change the record of ${expected.name}`, permission: ROUTE53_PERMISSION.change, write: true };
    try {
      const out = await client.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zone.id,
          ChangeBatch: { Comment: COMMENT, Changes: [{ Action: "DELETE", ResourceRecordSet: toRRSet(expected) }, { Action: "CREATE", ResourceRecordSet: toRRSet(next) }] },
        }),
      );
      return { ok: true, written: next, changeId: out.ChangeInfo?.Id?.replace(/^\/change\//, "") };
    } catch (error) {
      // Whatever went wrong, the record is read again: the batch was applied in full or not at all, and only
      // reading tells which when the answer was lost (docs/dns-hosts/route53.md#lost-answers).
      const now = await recordNow(client, credentials, zone, expected.name);
      if (now && sameRecord(now, next)) return { ok: true, written: next };
      const refusedAsChanged = codeOf(error) === "InvalidChangeBatch" && CHANGED.test(String((error as Error).message));
      if (refusedAsChanged || (now !== undefined && !(now && sameRecord(now, expected)))) return { ok: false, error: REFUSAL.changedSinceRead(expected.name, now, route53Info), recordNow: now };
      const translated = translate(error, call, secretsOf(credentials));
      const unchanged = now && sameRecord(now, expected);
      return { ok: false, error: unchanged ? { ...translated, message: `${translated.message} Nothing was changed: the record is still ${expected.value}.` } : translated, recordNow: now };
    }
  },

  async waitInSync(credentials, _zone, _written, changeId, ctx): Promise<DnsOutcome<{ status: "in-sync" | "pending" }>> {
    if (!changeId) return { ok: true, status: "pending" };
    const client = clientFor(credentials, ctx);
    const wait = ctx.sleep ?? timer;
    const deadline = ctx.syncWaitMs ?? DEFAULT_SYNC_WAIT_MS;
    return outcome(async () => {
      for (let waited = 0; ; waited += ctx.pollMs ?? DEFAULT_POLL_MS) {
        const out = await send(credentials, { doing: "ask whether the change reached every Route 53 name server", permission: ROUTE53_PERMISSION.waitForChange, write: true }, () =>
          client.send(new GetChangeCommand({ Id: changeId })),
        );
        if (out.ChangeInfo?.Status === "INSYNC") return { status: "in-sync" as const };
        if (waited >= deadline) return { status: "pending" as const };
        await wait(ctx.pollMs ?? DEFAULT_POLL_MS);
      }
    });
  },

  createValidationRecord: (credentials, record, ctx) =>
    outcome(async () => {
      const client = clientFor(credentials, ctx);
      const zone = await findZone(client, credentials, record.name, false);
      const wanted = validationRecord(record.name, record.value);
      try {
        const out = await client.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zone.id, ChangeBatch: { Comment: COMMENT, Changes: [{ Action: "CREATE", ResourceRecordSet: toRRSet(wanted) }] } }));
        return { zone, record: wanted, created: true, changeId: out.ChangeInfo?.Id?.replace(/^\/change\//, "") };
      } catch (error) {
        const now = await recordNow(client, credentials, zone, record.name);
        if (now && now.value.replace(/\.$/, "").toLowerCase() === record.value.replace(/\.$/, "").toLowerCase()) return { zone, record: now, created: false };
        if (now) throw new Route53Failure({ ok: false, error: REFUSAL.validationTaken(record.name, now, route53Info), recordNow: now });
        throw new Route53Failure({ ok: false, error: translate(error, { doing: `create ${record.name}`, permission: ROUTE53_PERMISSION.change, write: true }, secretsOf(credentials)), recordNow: now });
      }
    }),
};
