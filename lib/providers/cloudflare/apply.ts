import "server-only";
import type { DnsRecord } from "@/lib/domain/plan";
import { defineAdapter } from "@/lib/providers/engine/adapter";
import type { HostApplyResult, HostOutcome, HostPreview, ProviderError, ResourceRef } from "@/lib/providers/types";
import { RESOURCE } from "./resources";
import { CLOUDFLARE_SCRUB, type CfPack, type CfRecord, type CfRule } from "./client";
import { missingPermission, toProviderError } from "./errors";
import { OPTION } from "./labels";
import type { cloudflareCredentials } from "./credentials";
import { cloudflare } from ".";
import { openUndo, undoResource, type UndoSession } from "./undo";
import { packResource, packSummary, packUsable, validationRecords } from "./certificates";
import { CF_CODE, PERMISSION, SSL_MODE, TTL_AUTO, type Permission } from "./settings";
import { describeRecord, ensureRecord, linkNeedsFix, ownerPlaceholder, sameName } from "./record-steps";
import { inspect, type HostState } from "./inspect";
import { previewChanges } from "./preview-changes";
import { isOurRule, mergedRules, ruleReady, writeRules } from "./rule-writes";
import { checkZone, fail, locate, openSession, switchConfirmed, tokenOf, type Located, type Session, type ZoneCheck } from "./session";

/**
 * Cloudflare apply: the plan, done through the API (docs/providers/cloudflare.md).
 *
 *  1. Verify the token, find each host's zone (the zone the person named, else each suffix of the host,
 *     longest first), and probe reads in every zone to name any missing permission, all before the
 *     first write anywhere.
 *  2. Per host, all hosts at once (a zone's Configuration Rules are one ruleset: read, merge, write, batched
 *     per zone so writes never overlap):
 *     link and owner records DNS only → an Advanced certificate unless one covers the host → the SSL Full
 *     rule → the proxy once the certificate is usable and, where the email provider validates its record first
 *     (SendGrid's link branding), once the person has confirmed it (`PlanInput.linkBrandingValidated`).
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
    tally.errors.push(toProviderError(e, { doing, permission, zone, scrub: session.scrub }));
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
    tally.resources.push({ kind: RESOURCE.dnsRecord, id: link.id, createdByThisRun: created, status: describeRecord(link) });
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
      tally.resources.push({ kind: RESOURCE.dnsRecord, id: owner.id, createdByThisRun: created, status: describeRecord(owner) });
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
    if (rule) tally.resources.push({ kind: RESOURCE.configurationRule, id: String(rule.id ?? ""), createdByThisRun: created, status: `SSL ${OPTION.ssl[SSL_MODE]}` });
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
  if (link) resources.push({ kind: RESOURCE.dnsRecord, id: link.id, createdByThisRun: false, status: describeRecord(link) });
  if (state.owner) resources.push({ kind: RESOURCE.dnsRecord, id: state.owner.id, createdByThisRun: false, status: describeRecord(state.owner) });
  if (pack) resources.push(packResource(pack, false));
  if (rule) resources.push({ kind: RESOURCE.configurationRule, id: String(rule.id ?? ""), createdByThisRun: false, status: `SSL ${String(rule.action_parameters?.ssl ?? "not set")}` });
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

type Prepared = { located: Located; check: ZoneCheck };

async function prepare(session: Session, host: string, index: number): Promise<Prepared> {
  const located = await locate(session, host, index);
  const check = await checkZone(session, located.zone);
  if (check.missing.length > 0) fail(missingPermission(check.missing, located.zone.name, true));
  return { located, check };
}

async function previewHost(session: Session, host: string, index: number): Promise<HostPreview> {
  const { located, check } = await prepare(session, host, index);
  const { changes, notes } = previewChanges(session, await inspect(session, located, check));
  return { host, changes, notes };
}

async function statusHost(session: Session, host: string, index: number): Promise<HostApplyResult> {
  const located = await locate(session, host, index);
  const check: ZoneCheck = { missing: [], zoneSsl: null, pageRules: [] };
  return statusOf(session, await inspect(session, located, check));
}

/**
 * The account step verifies the token; `prepareApply` finds every host's zone and probes its permissions before
 * the first write anywhere; then every host's writes at once (a zone's rule writes are batched, never overlapping).
 */
export const cloudflareServer = defineAdapter<typeof cloudflareCredentials, Session, UndoSession, Prepared>(cloudflare, {
  secrets: (credentials) => [tokenOf(credentials)],
  scrub: CLOUDFLARE_SCRUB,
  translate: toProviderError,
  accountStep: "verify the API token",
  open: openSession,
  preview: previewHost,
  prepareApply: prepare,
  apply: (session, _, __, ___, { located, check }) => applyHost(session, located, check),
  status: (session, host, index) => statusHost(session, host, index),
  openUndo,
  undo: undoResource,
});
