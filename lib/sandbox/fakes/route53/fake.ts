import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import type { StatefulFake } from "@/lib/sandbox/fake-state";
import { accessDeniedMessage, accountIdFor, authenticate, DENIED_KEY_PREFIX, type Caller, type FakeAccounts } from "../cloudfront/fake-auth";
import { applyBatch, byListOrder, invalidRRSet, normaliseName, sortKey, type Change, type RRSet } from "./records";
import { err, errorResponse, isObject, newId, parseXml, WIRE, xml, type WireError, type XmlObject } from "./wire";

/**
 * Amazon Route 53's record API, REST-XML 2013-04-01, as @aws-sdk/client-route-53 speaks it (Smithy model in the SDK's
 * schemas; botocore route53/2013-04-01/service-2.json; docs/dns-hosts/route53.md):
 *   GET  /2013-04-01/hostedzonesbyname?dnsname=&hostedzoneid=&maxitems=   ListHostedZonesByName (a cursor, not a filter)
 *   GET  /2013-04-01/hostedzone/{Id}/rrset?name=&type=&identifier=&maxitems=  ListResourceRecordSets (PENDING changes included)
 *   POST /2013-04-01/hostedzone/{Id}/rrset     ChangeResourceRecordSets (the Smithy model's path, used by JS v3)
 *   POST /2013-04-01/hostedzone/{Id}/rrset/    the same (botocore's and older SDKs' path, with the slash)
 *   GET  /2013-04-01/change/{Id}               GetChange: PENDING, then INSYNC after `syncAfterGets` looks
 * SigV4 with service "route53" (any region in the scope; Route 53 signs with us-east-1). Ids in paths are bare
 * (the SDK strips "/hostedzone/" and "/change/": @aws-sdk/middleware-sdk-route53 id-normalizer). Errors are
 * ErrorResponse documents (wire.ts). Access: keys starting AKIAAPPLYDENIED may only read; `deny` names the
 * actions a key is refused (AccessDenied 403, with AWS's message naming the action and resource).
 * State is plain data (Maps of plain objects), per account.
 */

export interface Route53FakeOptions {
  accounts: FakeAccounts;
  /** IAM actions refused per access key id, e.g. { AKIA…: ["route53:GetChange"] }. */
  deny?: Record<string, string[]>;
  /** GetChange looks that answer PENDING before INSYNC (default 1). */
  syncAfterGets?: number;
  /**
   * Called when a change is INSYNC, with the zone's record sets as they now are: "every Route 53 authoritative
   * server has the change". The end-to-end run serves them from its loopback DNS server.
   */
  onSync?: (zone: string, rrsets: RRSet[]) => void;
}

export interface FakeHostedZone {
  id: string;
  /** Lower case with the trailing dot. */
  name: string;
  callerReference: string;
  comment: string;
  privateZone: boolean;
  nameServers: string[];
  rrsets: RRSet[];
}

interface ChangeState {
  id: string;
  accountId: string;
  zoneId: string;
  submittedAt: string;
  comment?: string;
  looks: number;
  status: "PENDING" | "INSYNC";
}

interface AccountState {
  zones: Map<string, FakeHostedZone>;
}

const V = "/2013-04-01";
const DEFAULT_NAME_SERVERS = ["ns-2048.awsdns-64.com", "ns-2049.awsdns-65.net", "ns-2050.awsdns-66.org", "ns-2051.awsdns-67.co.uk"];
const ZONE_PAGE = 100;
const RECORD_PAGE = 300;

type Op = "ListHostedZonesByName" | "ListResourceRecordSets" | "ChangeResourceRecordSets" | "GetChange";

function route(req: FakeRequest): { op: Op | "Unknown"; id?: string } {
  const { method, path } = req;
  if (method === "GET" && path === `${V}/hostedzonesbyname`) return { op: "ListHostedZonesByName" };
  const rrset = /^\/2013-04-01\/hostedzone\/([A-Za-z0-9]+)\/rrset\/?$/.exec(path);
  if (rrset && method === "GET" && !path.endsWith("/")) return { op: "ListResourceRecordSets", id: rrset[1] };
  if (rrset && method === "POST") return { op: "ChangeResourceRecordSets", id: rrset[1] };
  const change = /^\/2013-04-01\/change\/([A-Za-z0-9]+)$/.exec(path);
  if (change && method === "GET") return { op: "GetChange", id: change[1] };
  return { op: "Unknown" };
}

/** A record set as the model serialises it, for seeding: Name, Type, TTL, ResourceRecords in that order. */
export function plainRRSet(name: string, type: string, ttl: number, recordValues: string[]): RRSet {
  return { Name: normaliseName(name), Type: type, TTL: String(ttl), ResourceRecords: { ResourceRecord: recordValues.map((Value) => ({ Value })) } };
}

export class Route53Fake implements StatefulFake {
  private accounts = new Map<string, AccountState>();
  private changes = new Map<string, ChangeState>();

  constructor(private readonly opts: Route53FakeOptions) {}

  // ---- test and sandbox helpers (in-process; never part of the wire API) ----

  reset(): void {
    this.accounts = new Map();
    this.changes = new Map();
  }

  /** Plain data for the sandbox's store (lib/sandbox/fake-state.ts); the options and credentials are not state. */
  saveState(): { accounts: Map<string, AccountState>; changes: Map<string, ChangeState> } {
    return { accounts: this.accounts, changes: this.changes };
  }

  loadState(state: unknown): void {
    ({ accounts: this.accounts, changes: this.changes } = state as ReturnType<Route53Fake["saveState"]>);
  }

  /** A hosted zone in the account of `accessKeyId`, with its SOA and NS record sets as Route 53 creates them. */
  addZone(accessKeyId: string, name: string, opts: { privateZone?: boolean; nameServers?: string[] } = {}): FakeHostedZone {
    const zoneName = normaliseName(name);
    const nameServers = opts.nameServers ?? DEFAULT_NAME_SERVERS;
    const zone: FakeHostedZone = {
      id: newId("Z"),
      name: zoneName,
      callerReference: `fake-${zoneName}`,
      comment: "",
      privateZone: opts.privateZone ?? false,
      nameServers,
      rrsets: [
        plainRRSet(zoneName, "NS", 172800, nameServers.map((n) => `${n}.`)),
        plainRRSet(zoneName, "SOA", 900, [`${nameServers[0]}. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`]),
      ],
    };
    this.account(this.accountIdOf(accessKeyId)).zones.set(zone.id, zone);
    return zone;
  }

  /** Puts a record set in a zone as it is (tests and the sandbox seed the link and owner records this way). */
  putRRSet(zoneId: string, rrset: RRSet): void {
    const zone = this.findZone(zoneId);
    zone.rrsets = [...zone.rrsets.filter((r) => !(r.Name === rrset.Name && r.Type === rrset.Type && r.SetIdentifier === rrset.SetIdentifier)), rrset].sort(byListOrder);
  }

  removeRRSet(zoneId: string, name: string, type: string): void {
    const zone = this.findZone(zoneId);
    zone.rrsets = zone.rrsets.filter((r) => !(r.Name === normaliseName(name) && r.Type === type));
  }

  /** A zone's record sets, as plain data (a copy). */
  rrsets(zoneId: string): RRSet[] {
    return structuredClone(this.findZone(zoneId).rrsets);
  }

  zones(accessKeyId: string): FakeHostedZone[] {
    return structuredClone([...this.account(this.accountIdOf(accessKeyId)).zones.values()]);
  }

  // ---- FakeApi ----

  operation(req: FakeRequest): string {
    return route(req).op;
  }

  async handle(req: FakeRequest): Promise<FakeResponse> {
    const { op, id } = route(req);
    if (op === "Unknown") return errorResponse(err(404, "UnknownOperationException", "The requested resource or operation does not exist.")); // unverified wording
    const auth = await authenticate(req, "route53", this.opts.accounts);
    if (!auth.ok) {
      const code = { missing: "MissingAuthenticationToken", unknownKey: "InvalidClientTokenId", badSignature: "SignatureDoesNotMatch", expired: "ExpiredToken" }[auth.failure];
      return errorResponse(err(403, code, auth.message));
    }
    try {
      switch (op) {
        case "ListHostedZonesByName":
          this.authorize(auth.caller, op, "*");
          return this.listZones(auth.caller, req);
        case "ListResourceRecordSets":
          return this.listRecords(auth.caller, id!, req);
        case "ChangeResourceRecordSets":
          return this.change(auth.caller, id!, req);
        case "GetChange":
          return this.getChange(auth.caller, id!);
      }
    } catch (e) {
      if (e && typeof e === "object" && "code" in e && "status" in e) return errorResponse(e as WireError);
      throw e;
    }
  }

  // ---- operations ----

  private listZones(caller: Caller, req: FakeRequest): FakeResponse {
    const dnsname = req.query.get("dnsname") ?? undefined;
    const hostedzoneid = req.query.get("hostedzoneid") ?? undefined;
    if (hostedzoneid !== undefined && dnsname === undefined) throw WIRE.invalidInput("The input is not valid: hostedzoneid requires dnsname"); // unverified wording
    if (dnsname !== undefined && !/^[A-Za-z0-9_*.\\-]{1,1024}$/.test(dnsname)) throw WIRE.invalidDomainName(dnsname);
    const maxItems = this.maxItems(req, ZONE_PAGE);
    const start = dnsname === undefined ? "" : sortKey(normaliseName(dnsname));
    const zones = [...this.account(caller.accountId).zones.values()]
      .sort((a, b) => (sortKey(a.name) < sortKey(b.name) ? -1 : sortKey(a.name) > sortKey(b.name) ? 1 : a.id < b.id ? -1 : 1))
      .filter((z) => sortKey(z.name) > start || (sortKey(z.name) === start && (hostedzoneid === undefined || z.id >= hostedzoneid)));
    const page = zones.slice(0, maxItems);
    const next = zones[maxItems];
    const body: XmlObject = {
      HostedZones: { HostedZone: page.map((z) => this.zoneXml(z)) },
      ...(dnsname !== undefined ? { DNSName: dnsname } : {}),
      ...(hostedzoneid !== undefined ? { HostedZoneId: hostedzoneid } : {}),
      IsTruncated: String(next !== undefined),
      ...(next ? { NextDNSName: next.name, NextHostedZoneId: next.id } : {}),
      MaxItems: String(maxItems),
    };
    return xml("ListHostedZonesByNameResponse", body);
  }

  private listRecords(caller: Caller, zoneId: string, req: FakeRequest): FakeResponse {
    const zone = this.zoneOf(caller, zoneId);
    this.authorize(caller, "ListResourceRecordSets", `arn:aws:route53:::hostedzone/${zone.id}`);
    const name = req.query.get("name") ?? undefined;
    const type = req.query.get("type") ?? undefined;
    if (type !== undefined && name === undefined) throw WIRE.invalidInput("The input is not valid: type requires name"); // InvalidInput per the model's docs; wording unverified
    const maxItems = this.maxItems(req, RECORD_PAGE);
    const start = name === undefined ? "" : sortKey(normaliseName(name), type ?? "");
    const all = zone.rrsets.filter((r) => sortKey(r.Name, r.Type) >= start);
    const page = all.slice(0, maxItems);
    const next = all[maxItems];
    const body: XmlObject = {
      ResourceRecordSets: { ResourceRecordSet: page },
      IsTruncated: String(next !== undefined),
      ...(next ? { NextRecordName: next.Name, NextRecordType: next.Type, ...(typeof next.SetIdentifier === "string" ? { NextRecordIdentifier: next.SetIdentifier } : {}) } : {}),
      MaxItems: String(maxItems),
    };
    return xml("ListResourceRecordSetsResponse", body);
  }

  private change(caller: Caller, zoneId: string, req: FakeRequest): FakeResponse {
    const zone = this.zoneOf(caller, zoneId);
    this.authorize(caller, "ChangeResourceRecordSets", `arn:aws:route53:::hostedzone/${zone.id}`);
    const doc = parseXml(req.body);
    if (!doc || doc.root !== "ChangeResourceRecordSetsRequest" || !isObject(doc.value.ChangeBatch)) throw WIRE.malformed();
    const batch = doc.value.ChangeBatch;
    const list = isObject(batch.Changes) ? batch.Changes.Change : undefined;
    const members = Array.isArray(list) ? list : [];
    if (members.length === 0) throw WIRE.invalidInput("1 validation error detected: Value null at 'changeBatch.changes' failed to satisfy constraint: Member must not be null"); // unverified wording
    const changes: Change[] = [];
    for (const member of members) {
      const action = isObject(member) ? member.Action : undefined;
      const rrset = isObject(member) ? member.ResourceRecordSet : undefined;
      if (action !== "CREATE" && action !== "DELETE" && action !== "UPSERT") throw WIRE.invalidInput("Invalid request: Action must be CREATE, DELETE or UPSERT"); // unverified wording
      if (!isObject(rrset)) throw WIRE.malformed();
      const invalid = invalidRRSet(action, rrset);
      if (invalid) throw WIRE.invalidInput(invalid);
      changes.push({ action, rrset: { ...rrset, Name: normaliseName(String(rrset.Name)), Type: String(rrset.Type) } });
    }
    const applied = applyBatch({ name: zone.name, rrsets: zone.rrsets }, changes);
    if (!applied.ok) throw WIRE.invalidChangeBatch(applied.messages);
    zone.rrsets = applied.rrsets;
    const comment = typeof batch.Comment === "string" ? batch.Comment : undefined;
    const state: ChangeState = { id: newId("C"), accountId: caller.accountId, zoneId: zone.id, submittedAt: new Date().toISOString(), comment, looks: 0, status: "PENDING" };
    this.changes.set(state.id, state);
    return xml("ChangeResourceRecordSetsResponse", { ChangeInfo: this.changeXml(state) });
  }

  private getChange(caller: Caller, id: string): FakeResponse {
    const state = this.changes.get(id);
    if (!state || state.accountId !== caller.accountId) throw WIRE.noSuchChange(id);
    this.authorize(caller, "GetChange", `arn:aws:route53:::change/${id}`);
    if (state.status === "PENDING" && state.looks++ >= (this.opts.syncAfterGets ?? 1)) {
      state.status = "INSYNC";
      const zone = this.account(state.accountId).zones.get(state.zoneId);
      if (zone) this.opts.onSync?.(zone.name.replace(/\.$/, ""), structuredClone(zone.rrsets));
    }
    return xml("GetChangeResponse", { ChangeInfo: this.changeXml(state) });
  }

  // ---- internals ----

  private changeXml(s: ChangeState): XmlObject {
    return { Id: `/change/${s.id}`, Status: s.status, SubmittedAt: s.submittedAt, ...(s.comment !== undefined ? { Comment: s.comment } : {}) };
  }

  private zoneXml(z: FakeHostedZone): XmlObject {
    return {
      Id: `/hostedzone/${z.id}`,
      Name: z.name,
      CallerReference: z.callerReference,
      Config: { Comment: z.comment, PrivateZone: String(z.privateZone) },
      ResourceRecordSetCount: String(z.rrsets.length),
    };
  }

  private maxItems(req: FakeRequest, max: number): number {
    const raw = req.query.get("maxitems");
    if (raw === null) return max;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1) throw WIRE.invalidInput("The input is not valid: maxitems must be a positive integer"); // unverified wording
    return Math.min(n, max);
  }

  private authorize(caller: Caller, op: Op, resource: string): void {
    const action = `route53:${op}`;
    const refused = (op === "ChangeResourceRecordSets" && caller.accessKeyId.startsWith(DENIED_KEY_PREFIX)) || (this.opts.deny?.[caller.accessKeyId] ?? []).includes(action);
    if (refused) throw err(403, "AccessDenied", accessDeniedMessage(caller, action, resource));
  }

  private zoneOf(caller: Caller, id: string): FakeHostedZone {
    const zone = this.account(caller.accountId).zones.get(id);
    if (!zone) throw WIRE.noSuchHostedZone(id);
    return zone;
  }

  private findZone(id: string): FakeHostedZone {
    for (const account of this.accounts.values()) {
      const zone = account.zones.get(id);
      if (zone) return zone;
    }
    throw new Error(`fake has no hosted zone ${id}`);
  }

  private account(accountId: string): AccountState {
    let state = this.accounts.get(accountId);
    if (!state) {
      state = { zones: new Map() };
      this.accounts.set(accountId, state);
    }
    return state;
  }

  private accountIdOf(accessKeyId: string): string {
    const entry = this.opts.accounts[accessKeyId];
    if (entry === undefined) throw new Error(`fake knows no access key ${accessKeyId}`);
    return typeof entry === "object" && entry.accountId ? entry.accountId : accountIdFor(accessKeyId);
  }
}
