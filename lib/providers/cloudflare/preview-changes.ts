import "server-only";
import type { PlannedChange } from "@/lib/providers/types";
import { ownerRecordName } from "@/lib/hostnames";
import { describeOrder, describePack, packNext, packUsable } from "./certificates";
import type { HostState } from "./inspect";
import { OPTION } from "./labels";
import { describeRecord, linkNeedsFix, sameName, wantedRecord } from "./record-steps";
import { ruleReady } from "./rule-writes";
import { switchConfirmed, type Session } from "./session";
import { RECORD_TYPE, SSL_MODE, hostExpression } from "./settings";

/** What apply would change for a host, for the preview: every resource with its current and next value. */

/**
 * The proxy stays on where it already is (and points at the ESP's origin); it goes on with an active certificate, and
 * where the ESP checks its record first, only after the person confirmed it (switchConfirmed).
 */
export function proxyWanted(session: Session, state: HostState): boolean {
  if (!state.link) return false;
  if (state.link.proxied && sameName(state.link.content, session.origin)) return true;
  return switchConfirmed(session, true) && packUsable(state.pack);
}

export function previewChanges(session: Session, state: HostState): { changes: PlannedChange[]; notes: string[] } {
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

  if (!session.esp.keepRecords) {
    // The ESP keeps no record beside the link record: nothing to add or leave.
  } else if (!state.ownerName) {
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
      switchConfirmed(session, true)
        ? `${host} stays ${OPTION.dnsOnly} until its certificate is active; apply again then to turn on the proxy.`
        : `${host} stays ${OPTION.dnsOnly} until you confirm in the wizard: ${session.esp.order.confirmBeforeSwitch}.`,
    );
  }
  return { changes, notes };
}
