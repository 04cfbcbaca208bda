import "server-only";
import { mapWithConcurrency } from "@/lib/async";
import { SENDGRID_ORIGIN } from "@/lib/sendgrid";
import { endpointsFromEnv } from "@/lib/env";
import { ensureFake } from "@/lib/sandbox/registry";
import type { DnsRecord, PlanInput } from "@/lib/plan/types";
import { isComplete, type ApplyPreview, type ApplyReport, type HostApplyResult, type HostOutcome, type HostPreview, type PlannedChange, type ProviderError, type ResourceRef } from "@/lib/providers/types";
import type { ApplyContext, ServerProvider } from "@/lib/providers/server-types";
import { DEFAULT_HOST_CONCURRENCY } from "@/lib/providers/server-types";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import { CloudflareClient, asParam, type CfPack, type CfPageRule, type CfRecord, type CfRule, type CfRuleset, type CfZone } from "./client";
import { CloudflareFailure, hasCode, isPermissionError, missingPermission, toProviderError, tokenInactive } from "./errors";
import { ALL_PERMISSIONS, CloudflareFake } from "./fake";
import { OPTION } from "./labels";
import { cloudflareCredentials, type CloudflareCredentials } from "./schema";
import { cloudflareUndo } from "./undo";
import { choosePack, describeOrder, describePack, packNext, packNote, packResource, packSummary, packUsable, statusWords, validationRecords } from "./certificates";
import { CF_CODE, CONFIG_ACTION, PERMISSION, RECORD_TYPE, SSL_MODE, TTL_AUTO, hostExpression, orderedHosts, ruleDescription, type Permission } from "./settings";
import { nameInZone, repeatedZone, zoneOf } from "./zones";
import { OWNER_RECORD, ownerRecordFor, ownerRecordName, parentOf, zoneCandidates } from "@/lib/hostnames";

/**
 * Cloudflare apply: the plan, done through the API (providers.md §4).
 *
 *  1. Verify the token, find each host's zone (the zone the person named, else each suffix of the host,
 *     longest first), and probe reads in every zone to name any missing permission, all before the
 *     first write anywhere.
 *  2. Per host, all hosts at once (a zone's Configuration Rules are one ruleset: read, merge, write, batched
 *     per zone so writes never overlap):
 *     link and owner records DNS only → an Advanced certificate unless one covers the host → the SSL Full
 *     rule → the proxy, but only once the person has confirmed that link branding validated in SendGrid
 *     (`PlanInput.linkBrandingValidated`) and the certificate is active.
 *  Every step finds before it writes, so running apply again changes nothing.
 */

const SENDGRID_TARGETS = new Set(Object.values(SENDGRID_ORIGIN));

interface Session {
  client: CloudflareClient;
  secrets: string[];
  input: PlanInput;
  origin: string;
  zones: Map<string, Promise<CfZone | null>>;
  checks: Map<string, Promise<ZoneCheck>>;
  ruleWriters: Map<string, RuleWriter>;
}

interface ZoneCheck {
  missing: Permission[];
  /** Zone-wide SSL/TLS mode, when the token may read it (needs Zone Settings Read, which apply does not ask for). */
  zoneSsl: string | null;
  pageRules: CfPageRule[];
}

interface Located {
  host: string;
  zone: CfZone;
  relativeName: string;
}

interface HostState extends Located {
  link: CfRecord | null;
  /** A record of another type at the link host's name: a CNAME cannot sit beside it. */
  linkConflict: CfRecord | null;
  ownerName: string | null;
  owner: CfRecord | null;
  pack: CfPack | null;
  stalePacks: CfPack[];
  ruleset: CfRuleset | null;
  rule: CfRule | null;
  notes: string[];
}

// ---- session: token and zones ----

function fail(error: ProviderError): never {
  throw new CloudflareFailure(error);
}

async function openSession(credentials: CloudflareCredentials, input: PlanInput, ctx: ApplyContext): Promise<Session> {
  const token = credentials.apiToken.trim();
  const session: Session = {
    client: new CloudflareClient(token, ctx),
    secrets: [token],
    input,
    origin: SENDGRID_ORIGIN[input.region],
    zones: new Map(),
    checks: new Map(),
    ruleWriters: new Map(),
  };
  // Account tokens (prefix cfat_) verify at /accounts/{account_id}/tokens/verify, which needs an account
  // id apply does not have; the zone look-ups below tell whether they work (providers.md §4 "Token").
  if (!token.startsWith("cfat_")) {
    let verified: { status: string };
    try {
      verified = await session.client.verifyToken();
    } catch (e) {
      fail(toProviderError(e, { doing: "verify the API token", secrets: session.secrets }));
    }
    if (verified.status !== "active") fail(tokenInactive(verified.status));
  }
  return session;
}

function findZone(session: Session, name: string): Promise<CfZone | null> {
  let found = session.zones.get(name);
  if (!found) {
    found = session.client.findZone(name).catch((e: unknown) => {
      if (isPermissionError(e)) fail(missingPermission([PERMISSION.zoneRead], name, true));
      fail(toProviderError(e, { doing: `look up the zone ${name}`, secrets: session.secrets }));
    });
    session.zones.set(name, found);
  }
  return found;
}

async function locate(session: Session, host: string, index: number): Promise<Located> {
  const given = session.input.zones?.[index];
  const split = zoneOf(host, given);
  const candidates = given && !split.zoneIgnored ? [split.zone] : zoneCandidates(host);
  for (const name of candidates) {
    const zone = await findZone(session, name);
    if (zone) return { host, zone, relativeName: nameInZone(host, zone.name) };
  }
  fail({
    code: "zone_not_found",
    message: `No Cloudflare zone for ${host} is visible to this token (looked for ${candidates.join(", ")}).`,
    action: `Add ${split.zone} to your Cloudflare account, or give the token access to it under Zone Resources in My Profile › API Tokens; if the zone is a delegated sub-zone, name it in the wizard. Then run apply again.`,
  });
}

/** Probe reads, so a missing permission is named before anything changes (providers.md §4 "Token"). */
function checkZone(session: Session, zone: CfZone): Promise<ZoneCheck> {
  let check = session.checks.get(zone.id);
  if (!check) {
    check = (async () => {
      const { client } = session;
      const probes: [Permission, () => Promise<unknown>][] = [
        [PERMISSION.dnsEdit, () => client.listRecords(zone.id, {}, true)],
        [PERMISSION.configRulesEdit, () => client.configEntrypoint(zone.id)],
        [PERMISSION.sslEdit, () => client.certificatePacks(zone.id, true)],
      ];
      const missing: Permission[] = [];
      for (const [permission, probe] of probes) {
        try {
          await probe();
        } catch (e) {
          if (isPermissionError(e)) missing.push(permission);
          else fail(toProviderError(e, { doing: `read ${zone.name}`, zone: zone.name, secrets: session.secrets }));
        }
      }
      // Optional reads: shown as context, never required.
      const zoneSsl = await client.sslSetting(zone.id).catch(() => null);
      const pageRules = await client.pageRules(zone.id).catch(() => [] as CfPageRule[]);
      return { missing, zoneSsl, pageRules };
    })();
    session.checks.set(zone.id, check);
  }
  return check;
}

/** One zone's Configuration Rule writes: the batch waiting to start, and the end of the last one. */
interface RuleWriter {
  next: RuleBatch | null;
  tail: Promise<void>;
}

interface RuleBatch {
  hosts: string[];
  result: Promise<RuleWrite>;
}

interface RuleWrite {
  /** The phase's rules as read before the write. */
  fresh: CfRuleset | null;
  /** As written, or null when no host of the batch needed a change. */
  written: CfRuleset | null;
}

/**
 * SSL Full rules for the hosts of one zone, in one read-merge-write per batch. The phase's rules are a
 * single ruleset that a PUT replaces whole, so writes to a zone never overlap: hosts that ask while a write
 * is in flight join the next batch. N hosts of one zone take two writes, not N (providers.md §4
 * "Encryption mode": read, merge, write).
 */
function writeRules(session: Session, zoneId: string, host: string): Promise<RuleWrite> {
  let writer = session.ruleWriters.get(zoneId);
  if (!writer) {
    writer = { next: null, tail: Promise.resolve() };
    session.ruleWriters.set(zoneId, writer);
  }
  const w = writer;
  let batch = w.next;
  if (!batch) {
    const created: RuleBatch = { hosts: [], result: Promise.resolve({ fresh: null, written: null }) };
    created.result = w.tail.then(async () => {
      if (w.next === created) w.next = null; // started: later hosts form the next batch
      const fresh = await session.client.configEntrypoint(zoneId);
      let rules: CfRule[] | null = null;
      for (const h of created.hosts) rules = mergedRules(rules ? { id: fresh?.id ?? "", version: fresh?.version ?? "", rules } : fresh, h) ?? rules;
      return { fresh, written: rules ? await session.client.putConfigEntrypoint(zoneId, rules) : null };
    });
    w.tail = created.result.then(
      () => undefined,
      () => undefined,
    );
    w.next = created;
    batch = created;
  }
  batch.hosts.push(host);
  return batch.result;
}

// ---- reading a host's state ----

function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.$/, "") === b.toLowerCase().replace(/\.$/, "");
}

function isOurRule(rule: CfRule, host: string): boolean {
  return rule.action === CONFIG_ACTION && rule.expression === hostExpression(host);
}

function ruleReady(rule: CfRule | null): boolean {
  return rule !== null && rule.enabled !== false && rule.action_parameters?.ssl === SSL_MODE;
}

async function inspect(session: Session, located: Located, check: ZoneCheck): Promise<HostState> {
  const { client, input } = session;
  const { host, zone } = located;
  const notes: string[] = [];

  const atName = await client.listRecords(zone.id, { nameExact: host });
  const link = atName.find((r) => r.type === RECORD_TYPE) ?? null;
  const linkConflict = link ? null : (atName[0] ?? null);

  let ownerName = ownerRecordFor(host, input.ownerRecords) ?? null;
  let owner: CfRecord | null = null;
  if (ownerName) {
    owner = (await client.listRecords(zone.id, { nameExact: ownerName })).find((r) => r.type === RECORD_TYPE) ?? null;
  } else {
    const parent = parentOf(host);
    const candidates = await client.listRecords(zone.id, { nameEndsWith: `.${parent}`, type: RECORD_TYPE });
    owner = candidates.find((r) => OWNER_RECORD.test(r.name) && parentOf(r.name) === parent && SENDGRID_TARGETS.has(r.content.toLowerCase())) ?? null;
    ownerName = owner?.name ?? null;
  }

  const { pack, stale: stalePacks } = choosePack(await client.certificatePacks(zone.id), host);

  const ruleset = await client.configEntrypoint(zone.id);
  const rule = ruleset?.rules.find((r) => isOurRule(r, host)) ?? null;

  const meant = repeatedZone(host, zone.name);
  if (meant) notes.push(`${host} ends with ${zone.name} twice; the link-branding host is probably ${meant}. Check the hostname in SendGrid before you validate.`);
  if (zone.status !== "active") notes.push(`The zone ${zone.name} is ${zone.status}: Cloudflare does not answer for it until its nameservers point at Cloudflare.`);
  if (zone.type === "partial") notes.push(`${zone.name} uses a partial (CNAME) setup: the authoritative DNS is elsewhere, so certificate validation records must be created there.`);
  if (check.zoneSsl && check.zoneSsl !== SSL_MODE) {
    notes.push(`The zone-wide SSL/TLS mode is ${OPTION.ssl[check.zoneSsl as keyof typeof OPTION.ssl] ?? check.zoneSsl}; the Configuration Rule sets ${OPTION.ssl[SSL_MODE]} for ${host} only and leaves the rest of the zone as it is.`);
  }
  for (const pr of check.pageRules) {
    const target = pr.targets[0]?.constraint?.value ?? "";
    const ssl = pr.actions.find((a) => a.id === "ssl");
    if (ssl && target.toLowerCase().includes(host)) {
      notes.push(`A Page Rule (${target}) sets SSL to ${String(ssl.value)} for ${host}. Page Rules are deprecated; the Configuration Rule takes precedence over it, and you may delete the Page Rule once the rule is deployed.`);
    }
  }
  for (const other of ruleset?.rules ?? []) {
    const ssl = other.action_parameters?.ssl;
    if (!isOurRule(other, host) && other.enabled !== false && typeof other.expression === "string" && other.expression.includes(host) && ssl !== undefined && ssl !== SSL_MODE) {
      notes.push(`Another Configuration Rule ("${other.description ?? other.id}") sets SSL to ${String(ssl)} for requests that include ${host}; check that it does not override SSL Full for this host.`);
    }
  }
  for (const p of stalePacks) notes.push(`An earlier certificate for ${host} (${p.id}) is ${statusWords(p)}; a new one is ordered.`);
  const expiring = packNote(pack, host);
  if (expiring) notes.push(expiring);
  if (link?.proxied && !packUsable(pack)) {
    notes.push(`${host} is already proxied but no active certificate names it: browsers fail with ERR_SSL_VERSION_OR_CIPHER_MISMATCH until the certificate is active.`);
  }
  return { ...located, link, linkConflict, ownerName, owner, pack, stalePacks, ruleset, rule, notes };
}

// ---- what to change ----

function describeRecord(r: CfRecord): string {
  return `${r.type} ${r.name} → ${r.content}, ${r.proxied ? OPTION.proxied : OPTION.dnsOnly}, TTL ${r.ttl === TTL_AUTO ? OPTION.ttlAuto : r.ttl}`;
}

function wantedRecord(name: string, target: string, proxied: boolean): string {
  return `${RECORD_TYPE} ${name} → ${target}, ${proxied ? OPTION.proxied : OPTION.dnsOnly}, TTL ${OPTION.ttlAuto}`;
}

function ourRule(host: string): CfRule {
  return { action: CONFIG_ACTION, action_parameters: { ssl: SSL_MODE }, expression: hostExpression(host), description: ruleDescription(host), enabled: true };
}

/** The rules to write so this host has SSL Full, keeping every other rule as it is; null when nothing changes. */
function mergedRules(ruleset: CfRuleset | null, host: string): CfRule[] | null {
  const rules = ruleset?.rules ?? [];
  const i = rules.findIndex((r) => isOurRule(r, host));
  if (i >= 0 && ruleReady(rules[i]!)) return null;
  const next = rules.map(asParam);
  if (i >= 0) {
    const current = next[i]!;
    next[i] = { ...current, enabled: true, action_parameters: { ...current.action_parameters, ssl: SSL_MODE } };
  } else {
    next.push(ourRule(host));
  }
  return next;
}

function linkNeedsFix(link: CfRecord, origin: string): boolean {
  return !sameName(link.content, origin) || (!link.proxied && link.ttl !== TTL_AUTO);
}

/** The proxy stays on where it already is (and points at SendGrid); it goes on only after validation and with an active certificate. */
function proxyWanted(session: Session, state: HostState): boolean {
  if (!state.link) return false;
  if (state.link.proxied && sameName(state.link.content, session.origin)) return true;
  return session.input.linkBrandingValidated === true && packUsable(state.pack);
}

function ownerPlaceholder(session: Session, state: Located): DnsRecord {
  const name = ownerRecordName(state.host);
  return {
    type: "CNAME",
    name,
    relativeName: nameInZone(name, state.zone.name),
    zone: state.zone.name,
    value: session.origin,
    valueKnown: true,
    proxied: false,
    ttl: OPTION.ttlAuto,
    purpose: "SendGrid's owner record for this link branding; copy <user_id> from your link-branding chart. DNS only.",
    phase: "setup",
  };
}

function previewChanges(session: Session, state: HostState): { changes: PlannedChange[]; notes: string[] } {
  const { host, zone } = state;
  const { origin } = session;
  const notes = [...state.notes];
  const changes: PlannedChange[] = [
    { resource: "Cloudflare zone", action: "reuse", current: `${zone.name} (${zone.status}, ${zone.type} setup)`, next: `Records go in ${zone.name} with Name ${state.relativeName}` },
  ];
  const proxied = proxyWanted(session, state);
  const keepProxy = state.link?.proxied === true && sameName(state.link.content, origin);

  if (state.linkConflict) {
    notes.push(`${host} already has a record of type ${state.linkConflict.type} (${state.linkConflict.content}); apply stops for this host until it is removed.`);
  } else if (!state.link) {
    changes.push({ resource: `DNS record ${host}`, action: "create", next: wantedRecord(host, origin, false) });
  } else if (linkNeedsFix(state.link, origin)) {
    changes.push({ resource: `DNS record ${host}`, action: "update", current: describeRecord(state.link), next: wantedRecord(host, origin, keepProxy) });
  } else {
    changes.push({ resource: `DNS record ${host}`, action: "reuse", current: describeRecord(state.link), next: wantedRecord(host, origin, state.link.proxied) });
  }

  if (!state.ownerName) {
    notes.push(`The owner record is not in ${zone.name} and was not pasted: add ${ownerRecordName(host)} ${RECORD_TYPE} ${origin}, ${OPTION.dnsOnly}, with <user_id> from your link-branding chart.`);
  } else if (!state.owner) {
    changes.push({ resource: `DNS record ${state.ownerName}`, action: "create", next: wantedRecord(state.ownerName, origin, false) });
  } else if (state.owner.proxied) {
    changes.push({ resource: `DNS record ${state.ownerName}`, action: "update", current: describeRecord(state.owner), next: wantedRecord(state.ownerName, state.owner.content, false) });
  } else {
    changes.push({ resource: `DNS record ${state.ownerName}`, action: "reuse", current: describeRecord(state.owner), next: describeRecord(state.owner) });
  }

  if (state.pack) {
    changes.push({ resource: `Certificate for ${host}`, action: "reuse", current: describePack(state.pack), next: packNext(state.pack, host) });
  } else {
    changes.push({ resource: `Certificate for ${host}`, action: "create", current: `No certificate names ${host}`, next: describeOrder(state.zone.name, host) });
  }

  const expression = hostExpression(host);
  if (!state.rule) {
    changes.push({ resource: `Configuration Rule for ${host}`, action: "create", current: state.ruleset ? `${state.ruleset.rules.length} other rule(s), kept as they are` : "No Configuration Rules yet", next: `${expression} → SSL ${OPTION.ssl[SSL_MODE]}` });
  } else if (!ruleReady(state.rule)) {
    changes.push({ resource: `Configuration Rule for ${host}`, action: "update", current: `${expression} → SSL ${String(state.rule.action_parameters?.ssl ?? "not set")}${state.rule.enabled === false ? ", disabled" : ""}`, next: `${expression} → SSL ${OPTION.ssl[SSL_MODE]}` });
  } else {
    changes.push({ resource: `Configuration Rule for ${host}`, action: "reuse", current: `${expression} → SSL ${OPTION.ssl[SSL_MODE]}`, next: `${expression} → SSL ${OPTION.ssl[SSL_MODE]}` });
  }

  if (state.link && !state.link.proxied && proxied) {
    changes.push({ resource: `Proxy for ${host}`, action: "update", current: OPTION.dnsOnly, next: OPTION.proxied });
  } else if (!proxied) {
    notes.push(
      session.input.linkBrandingValidated
        ? `${host} stays ${OPTION.dnsOnly} until its certificate is active; apply again then to turn on the proxy.`
        : `${host} stays ${OPTION.dnsOnly} until you confirm that link branding is validated in SendGrid (validate it while the records are ${OPTION.dnsOnly}).`,
    );
  }
  return { changes, notes };
}

// ---- apply one host ----

interface Tally {
  resources: ResourceRef[];
  created: boolean;
  changed: boolean;
  errors: ProviderError[];
}

async function step(session: Session, tally: Tally, doing: string, permission: Permission, zone: string, fn: () => Promise<void>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    tally.errors.push(toProviderError(e, { doing, permission, zone, secrets: session.secrets }));
    return false;
  }
}

/** Create the CNAME, or adopt it when Cloudflare says it exists (a retried create, or a record made meanwhile). */
async function ensureRecord(session: Session, zone: CfZone, name: string, content: string): Promise<{ record: CfRecord; created: boolean }> {
  try {
    return { record: await session.client.createRecord(zone.id, name, content, false), created: true };
  } catch (e) {
    if (!(hasCode(e, CF_CODE.identicalRecord) || hasCode(e, CF_CODE.recordNameTaken) || hasCode(e, CF_CODE.cnameNameTaken))) throw e;
    const existing = (await session.client.listRecords(zone.id, { nameExact: name })).find((r) => r.type === RECORD_TYPE);
    if (!existing) throw e;
    return { record: existing, created: false };
  }
}

async function applyHost(session: Session, located: Located, check: ZoneCheck): Promise<HostApplyResult> {
  const { client, origin, input } = session;
  const state = await inspect(session, located, check);
  const { host, zone } = state;
  const tally: Tally = { resources: [], created: false, changed: false, errors: [] };
  const records: DnsRecord[] = [];
  const linkExisted = state.link !== null;

  // 1. Records, DNS only (the link record keeps a proxy that is already on and points at SendGrid).
  let link = state.link;
  const linkOk = await step(session, tally, `set up the DNS record ${host}`, PERMISSION.dnsEdit, zone.name, async () => {
    if (state.linkConflict) {
      fail({
        code: String(CF_CODE.recordNameTaken),
        message: `${host} already has a record of type ${state.linkConflict.type} (${state.linkConflict.content}), and a CNAME cannot sit beside it.`,
        action: `In DNS › Records, delete the ${state.linkConflict.type} record with Name ${state.relativeName} (or pick another link host in SendGrid), then run apply again.`,
      });
    }
    let created = false;
    if (!link) {
      const made = await ensureRecord(session, zone, host, origin);
      link = made.record;
      created = made.created;
      tally.created ||= created;
      tally.changed ||= created;
    }
    // An adopted record is checked like any other (it may have appeared meanwhile, pointing elsewhere).
    if (!created && linkNeedsFix(link, origin)) {
      const keepProxy = link.proxied && sameName(link.content, origin);
      link = await client.editCname(zone.id, link, { content: origin, ttl: TTL_AUTO, proxied: keepProxy });
      tally.changed = true;
    }
    tally.resources.push({ kind: RESOURCE_KIND.dnsRecord, id: link.id, createdByThisRun: created, status: describeRecord(link) });
  });

  if (state.ownerName) {
    const ownerName = state.ownerName;
    await step(session, tally, `set up the DNS record ${ownerName}`, PERMISSION.dnsEdit, zone.name, async () => {
      let owner = state.owner;
      let created = false;
      if (!owner) {
        const made = await ensureRecord(session, zone, ownerName, origin);
        owner = made.record;
        created = made.created;
        tally.created ||= created;
        tally.changed ||= created;
      }
      // Only the link host is ever proxied (providers.md §0 invariant 7); the owner record's target is left as SendGrid gave it.
      if (owner.proxied) {
        owner = await client.editCname(zone.id, owner, { proxied: false });
        tally.changed = true;
      }
      tally.resources.push({ kind: RESOURCE_KIND.dnsRecord, id: owner.id, createdByThisRun: created, status: describeRecord(owner) });
    });
  } else {
    records.push(ownerPlaceholder(session, state));
  }

  // 2. A certificate that names the exact host, unless an active or pending one does already.
  let pack = state.pack;
  const certOk = await step(session, tally, `order a certificate for ${host}`, PERMISSION.sslEdit, zone.name, async () => {
    let created = false;
    if (!pack) {
      pack = await client.orderCertificate(zone.id, orderedHosts(zone.name, host));
      created = true;
      tally.created = true;
      tally.changed = true;
    }
    tally.resources.push(packResource(pack, created));
  });

  // 3. SSL Full for the host: read, merge, write the zone's Configuration Rules (never drops other rules),
  //    batched with the zone's other hosts.
  let rule: CfRule | null = state.rule;
  const ruleOk = await step(session, tally, `set SSL Full for ${host}`, PERMISSION.configRulesEdit, zone.name, async () => {
    const { fresh, written } = await writeRules(session, zone.id, host);
    const changed = written !== null && mergedRules(fresh, host) !== null;
    const created = changed && !fresh?.rules.some((r) => isOurRule(r, host));
    rule = (written ?? fresh)?.rules.find((r) => isOurRule(r, host)) ?? null;
    tally.created ||= created;
    tally.changed ||= changed;
    if (rule) tally.resources.push({ kind: RESOURCE_KIND.configurationRule, id: String(rule.id ?? ""), createdByThisRun: created, status: `SSL ${OPTION.ssl[SSL_MODE]}` });
  });

  // 4. The proxy: only for a record that was there before this run (SendGrid validated it), after the person's confirmation, with an active certificate.
  const certActive = packUsable(pack);
  const current = link as CfRecord | null;
  if (linkOk && certOk && ruleOk && current && !current.proxied && linkExisted && input.linkBrandingValidated === true && certActive) {
    await step(session, tally, `turn on the proxy for ${host}`, PERMISSION.dnsEdit, zone.name, async () => {
      // Proxied records are always TTL Auto (docs/providers/cloudflare.md#dns-records).
      const proxied = await client.editCname(zone.id, current, { proxied: true, ttl: TTL_AUTO });
      link = proxied;
      tally.changed = true;
      const ref = tally.resources.find((r) => r.id === proxied.id);
      if (ref) ref.status = describeRecord(proxied);
    });
  }

  records.push(...validationRecords(state.zone, pack));
  const differences = [...state.notes, ...tally.errors.slice(1).map((e) => `Also: ${e.message} ${e.action}`)];
  const final = link as CfRecord | null;
  const done = final?.proxied === true && certActive && ruleReady(rule);
  let outcome: HostOutcome;
  if (tally.errors.length > 0) outcome = "failed";
  else if (!done) outcome = "pending";
  else outcome = tally.created ? "created" : tally.changed ? "updated" : "unchanged";
  return {
    host,
    outcome,
    summary: tally.errors[0] ? tally.errors[0].message : summarise(session, host, final, pack, ruleReady(rule), done, linkExisted),
    records,
    resources: tally.resources,
    differences,
    error: tally.errors[0],
  };
}

function summarise(session: Session, host: string, link: CfRecord | null, pack: CfPack | null, rule: boolean, done: boolean, linkExisted: boolean): string {
  if (done) return `${host} is proxied by Cloudflare with SSL Full and an active certificate. Test a tracked link over HTTPS, then ask your account team for SSL click tracking.`;
  const parts: string[] = [];
  if (!link) parts.push("The link record does not exist yet.");
  const certificate = packSummary(pack, host);
  if (certificate) parts.push(certificate);
  if (!rule) parts.push("The SSL Full rule is not in place yet.");
  if (link && !link.proxied) {
    if (!session.input.linkBrandingValidated || !linkExisted) {
      parts.push(`The records are ${OPTION.dnsOnly}: validate link branding in SendGrid now, then confirm it in the wizard and apply again to turn on the proxy.`);
    } else {
      parts.push("The proxy goes on once the certificate is active: apply again then.");
    }
  }
  return parts.join(" ");
}

/** Read-only: where a host stands. */
function statusOf(session: Session, state: HostState): HostApplyResult {
  const { host, link, pack, rule } = state;
  const resources: ResourceRef[] = [];
  if (link) resources.push({ kind: RESOURCE_KIND.dnsRecord, id: link.id, createdByThisRun: false, status: describeRecord(link) });
  if (state.owner) resources.push({ kind: RESOURCE_KIND.dnsRecord, id: state.owner.id, createdByThisRun: false, status: describeRecord(state.owner) });
  if (pack) resources.push(packResource(pack, false));
  if (rule) resources.push({ kind: RESOURCE_KIND.configurationRule, id: String(rule.id ?? ""), createdByThisRun: false, status: `SSL ${String(rule.action_parameters?.ssl ?? "not set")}` });
  const done = link?.proxied === true && packUsable(pack) && ruleReady(rule);
  return {
    host,
    outcome: done ? "unchanged" : "pending",
    summary: summarise(session, host, link, pack, ruleReady(rule), done, true),
    records: [...(state.ownerName ? [] : [ownerPlaceholder(session, state)]), ...validationRecords(state.zone, state.pack)],
    resources,
    differences: state.notes,
  };
}

// ---- the three entry points ----

function failedAll(hosts: string[], error: ProviderError): HostApplyResult[] {
  return hosts.map((host) => ({ host, outcome: "failed", summary: error.message, records: [], resources: [], differences: [], error }));
}

function errorOf(session: Session | null, e: unknown, doing: string): ProviderError {
  return toProviderError(e, { doing, secrets: session?.secrets ?? [] });
}

async function prepare(session: Session, host: string, index: number): Promise<{ located: Located; check: ZoneCheck }> {
  const located = await locate(session, host, index);
  const check = await checkZone(session, located.zone);
  if (check.missing.length > 0) fail(missingPermission(check.missing, located.zone.name, true));
  return { located, check };
}

async function preview(credentials: CloudflareCredentials, input: PlanInput, ctx: ApplyContext): Promise<ApplyPreview> {
  let session: Session;
  try {
    session = await openSession(credentials, input, ctx);
  } catch (e) {
    const error = errorOf(null, e, "verify the API token");
    return { cdn: "cloudflare", hosts: input.hosts.map((host) => ({ host, changes: [], error })) };
  }
  const hosts = await mapWithConcurrency(input.hosts, ctx.concurrency ?? DEFAULT_HOST_CONCURRENCY, async (host, i): Promise<HostPreview> => {
    try {
      const { located, check } = await prepare(session, host, i);
      const state = await inspect(session, located, check);
      const { changes, notes } = previewChanges(session, state);
      return { host, changes, notes };
    } catch (e) {
      return { host, changes: [], error: errorOf(session, e, `read the settings for ${host}`) };
    }
  });
  return { cdn: "cloudflare", hosts };
}

async function apply(credentials: CloudflareCredentials, input: PlanInput, ctx: ApplyContext): Promise<ApplyReport> {
  let session: Session;
  try {
    session = await openSession(credentials, input, ctx);
  } catch (e) {
    return { cdn: "cloudflare", hosts: failedAll(input.hosts, errorOf(null, e, "verify the API token")), complete: false };
  }
  const concurrency = ctx.concurrency ?? DEFAULT_HOST_CONCURRENCY;
  // Phase 1, before any write: every zone found and every permission probed.
  const prepared = await mapWithConcurrency(input.hosts, concurrency, async (host, i) => {
    try {
      return await prepare(session, host, i);
    } catch (e) {
      return errorOf(session, e, `read the settings for ${host}`);
    }
  });
  // Phase 2: the writes, every host at once (a zone's rule writes are batched, never overlapping).
  const hosts = await mapWithConcurrency(input.hosts, concurrency, async (host, i): Promise<HostApplyResult> => {
    const ready = prepared[i]!;
    if (!("located" in ready)) return failedAll([host], ready)[0]!;
    try {
      return await applyHost(session, ready.located, ready.check);
    } catch (e) {
      return failedAll([host], errorOf(session, e, `apply the settings for ${host}`))[0]!;
    }
  });
  return { cdn: "cloudflare", hosts, complete: isComplete(hosts) };
}

async function status(credentials: CloudflareCredentials, input: PlanInput, ctx: ApplyContext): Promise<ApplyReport> {
  let session: Session;
  try {
    session = await openSession(credentials, input, ctx);
  } catch (e) {
    return { cdn: "cloudflare", hosts: failedAll(input.hosts, errorOf(null, e, "verify the API token")), complete: false };
  }
  const hosts = await mapWithConcurrency(input.hosts, ctx.concurrency ?? DEFAULT_HOST_CONCURRENCY, async (host, i): Promise<HostApplyResult> => {
    try {
      const located = await locate(session, host, i);
      const check: ZoneCheck = { missing: [], zoneSsl: null, pageRules: [] };
      return statusOf(session, await inspect(session, located, check));
    } catch (e) {
      return failedAll([host], errorOf(session, e, `read the settings for ${host}`))[0]!;
    }
  });
  return { cdn: "cloudflare", hosts, complete: isComplete(hosts) };
}

/** The sandbox token: not a secret, it only opens the in-process fake. */
export const SANDBOX_TOKEN = "sandbox-cloudflare-token-not-a-secret-000";
const SANDBOX_READS_UNTIL_ACTIVE = 2;

async function sandbox(): Promise<{ credentials: CloudflareCredentials; ctx: ApplyContext }> {
  // Zones appear for any registrable domain the sandbox is asked about, with Advanced Certificate Manager.
  const fake = await ensureFake("cloudflare", () => new CloudflareFake({ autoCreateZones: true, readsUntilActive: SANDBOX_READS_UNTIL_ACTIVE, tokens: { [SANDBOX_TOKEN]: { permissions: { ...ALL_PERMISSIONS } } } }));
  return {
    credentials: { apiToken: SANDBOX_TOKEN },
    ctx: { endpoints: { ...endpointsFromEnv(), cloudflare: fake.url }, maxRetries: 2, maxRetryDelayMs: 1000 },
  };
}

export const cloudflareServer: ServerProvider<CloudflareCredentials> = {
  id: "cloudflare",
  credentialsSchema: cloudflareCredentials,
  preview,
  apply,
  status,
  undo: cloudflareUndo,
  sandbox,
};
