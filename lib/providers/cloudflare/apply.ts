import "server-only";
import { mapWithConcurrency } from "@/lib/async";
import type { DnsRecord, PlanInput } from "@/lib/plan/types";
import { isComplete, type ApplyPreview, type ApplyReport, type HostApplyResult, type HostOutcome, type HostPreview, type ProviderError, type ResourceRef } from "@/lib/providers/types";
import type { ApplyContext, ServerProvider } from "@/lib/providers/server-types";
import { DEFAULT_HOST_CONCURRENCY } from "@/lib/providers/server-types";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import type { CfPack, CfRecord, CfRule } from "./client";
import { missingPermission, toProviderError } from "./errors";
import { OPTION } from "./labels";
import { cloudflareCredentials, type CloudflareCredentials } from "./schema";
import { cloudflareUndo } from "./undo";
import { packResource, packSummary, packUsable, validationRecords } from "./certificates";
import { CF_CODE, PERMISSION, SSL_MODE, TTL_AUTO, type Permission } from "./settings";
import { describeRecord, ensureRecord, linkNeedsFix, ownerPlaceholder, sameName } from "./record-steps";
import { inspect, type HostState } from "./inspect";
import { previewChanges } from "./preview-changes";
import { isOurRule, mergedRules, ruleReady, writeRules } from "./rule-writes";
import { checkZone, fail, locate, openSession, type Located, type Session, type ZoneCheck, switchConfirmed } from "./session";

/**
 * Cloudflare apply: the plan, done through the API (docs/providers/cloudflare.md).
 *
 *  1. Verify the token, find each host's zone (the zone the person named, else each suffix of the host,
 *     longest first), and probe reads in every zone to name any missing permission, all before the
 *     first write anywhere.
 *  2. Per host, all hosts at once (a zone's Configuration Rules are one ruleset: read, merge, write, batched
 *     per zone so writes never overlap):
 *     link and owner records DNS only → an Advanced certificate unless one covers the host → the SSL Full
 *     rule → the proxy, but only once the person has confirmed that link branding validated in SendGrid
 *     (`PlanInput.linkBrandingValidated`) and the certificate is usable.
 *  Every step finds before it writes, so running apply again changes nothing.
 */

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

async function applyHost(session: Session, located: Located, check: ZoneCheck): Promise<HostApplyResult> {
  const { client, origin } = session;
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
        action: `In DNS › Records, delete the ${state.linkConflict.type} record with Name ${state.relativeName} (or pick another link host in ${session.esp.name}), then run apply again.`,
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
      // Only the link host is ever proxied (lib/plan/invariants.ts, invariant 7); the owner record's target is left as SendGrid gave it.
      if (owner.proxied) {
        owner = await client.editCname(zone.id, owner, { proxied: false });
        tally.changed = true;
      }
      tally.resources.push({ kind: RESOURCE_KIND.dnsRecord, id: owner.id, createdByThisRun: created, status: describeRecord(owner) });
    });
  } else if (session.esp.keepRecords) {
    records.push(ownerPlaceholder(session, state));
  }

  // 2. A certificate that names the exact host, unless an active or pending one does already.
  let pack = state.pack;
  const certOk = await step(session, tally, `order a certificate for ${host}`, PERMISSION.sslEdit, zone.name, async () => {
    let created = false;
    if (!pack) {
      pack = await client.orderCertificate(zone, host);
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

  // 4. The proxy, with an active certificate; where the email provider checks its record first (SendGrid), only for a
  //    record that was there before this run and after the person's confirmation (switchConfirmed).
  const certActive = packUsable(pack);
  const current = link as CfRecord | null;
  if (linkOk && certOk && ruleOk && current && !current.proxied && switchConfirmed(session, linkExisted) && certActive) {
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
  if (done) return `${host} is proxied by Cloudflare with SSL Full and an active certificate. Test a tracked link over HTTPS. Then: ${session.esp.order.whoTurnsHttpsOn}`;
  const parts: string[] = [];
  if (!link) parts.push("The link record does not exist yet.");
  const certificate = packSummary(pack, host);
  if (certificate) parts.push(certificate);
  if (!rule) parts.push("The SSL Full rule is not in place yet.");
  if (link && !link.proxied) {
    if (!switchConfirmed(session, linkExisted)) {
      parts.push(`The records are ${OPTION.dnsOnly}. Needed before the proxy goes on: ${session.esp.order.before.join(" ")} Confirm it in the wizard, then apply again to turn on the proxy.`);
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
    records: [...(state.ownerName || !session.esp.keepRecords ? [] : [ownerPlaceholder(session, state)]), ...validationRecords(state.zone, state.pack)],
    resources,
    differences: state.notes,
  };
}

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

export const cloudflareServer: ServerProvider<CloudflareCredentials> = {
  id: "cloudflare",
  credentialsSchema: cloudflareCredentials,
  preview,
  apply,
  status,
  undo: cloudflareUndo,
};
