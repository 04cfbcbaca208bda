import "server-only";
import { alreadyGone, refused, removed } from "@/lib/providers/engine/results";
import { HttpError } from "@/lib/providers/http-client";
import type { UndoResult, UndoTarget } from "@/lib/providers/types";
import { RESOURCE } from "./resources";
import type { FastlyClient } from "./client";
import { fastlyMessage } from "./errors";
import { CERTIFICATE_AUTHORITIES, CERTIFICATE_AUTHORITY, serviceName } from "./settings";
import { requireWriteScope } from "./token";

/**
 * Fastly undo (docs/providers/fastly.md#deactivate, #tls-subscription): the TLS subscription first, then the service (its active version
 * deactivated first: Fastly will not delete a service with an active version, terraform-provider-fastly
 * resourceServiceDelete). Apply's marks: the service is named serviceName(host); its subscription covers
 * exactly the host, from CERTIFICATE_AUTHORITY. A subscription whose domain is TLS-enabled is deleted
 * with `force` only when this undo also removes the host's service (so nothing else loses HTTPS).
 */

export interface UndoAccount {
  api: FastlyClient;
  /** Hosts whose service is in this undo and carries apply's name. */
  servicesRemoved: Set<string>;
}

const REFUSED_STATUSES = [400, 409, 422];

async function undoSubscription({ api, servicesRemoved }: UndoAccount, t: UndoTarget): Promise<UndoResult> {
  const sub = await api.findTlsSubscription(t.id);
  if (!sub) return alreadyGone(t);
  if (sub.domains.length !== 1 || sub.domains[0] !== t.host) return refused(t, `it covers ${sub.domains.join(", ") || "no domain"}; the subscription apply creates covers exactly ${t.host}.`);
  if (sub.certificateAuthority !== CERTIFICATE_AUTHORITY) {
    return refused(t, `its certificate authority is ${sub.certificateAuthority}; apply orders ${CERTIFICATE_AUTHORITIES[CERTIFICATE_AUTHORITY]} (${CERTIFICATE_AUTHORITY}).`);
  }
  const force = servicesRemoved.has(t.host);
  try {
    await api.deleteTlsSubscription(sub.id, force);
  } catch (error) {
    if (!force && error instanceof HttpError && REFUSED_STATUSES.includes(error.status)) {
      return refused(
        t,
        `Fastly keeps it while ${t.host} is served over TLS ("${fastlyMessage(error.body)}"), and the service serving ${t.host} is not removed by this undo. Deleting it would break HTTPS for ${t.host}: do it under Secure › TLS management if you mean to.`,
      );
    }
    throw error;
  }
  return removed(t, `Deleted the TLS subscription for ${t.host}${force ? " (its service is removed too)" : ""}.`);
}

/**
 * Deactivates the version, or finds it no longer active. The client sends the PUT again after a 5xx or a lost
 * answer; when the first try went through, Fastly refuses the second (its wording is not published), so any
 * refusal is checked against the service itself: a version that is no longer active is done.
 * docs/providers/fastly.md#deactivate
 */
async function deactivate(api: FastlyClient, serviceId: string, version: number): Promise<void> {
  try {
    await api.deactivateVersion(serviceId, version);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const now = await api.findService(serviceId);
    if (now?.versions.find((v) => v.number === version)?.active !== false) throw error;
  }
}

async function undoService(api: FastlyClient, t: UndoTarget): Promise<UndoResult> {
  const service = await api.findService(t.id);
  if (!service) return alreadyGone(t);
  const expected = serviceName(t.host);
  if (service.name !== expected) return refused(t, `the service is named "${service.name}"; apply names the service for ${t.host} "${expected}".`);
  const active = service.versions.find((v) => v.active);
  const newest = service.versions.reduce((a, b) => (b.number > a.number ? b : a), service.versions[0]!);
  const version = active ?? newest;
  const others = version ? (await api.listDomains(service.id, version.number)).filter((d) => d !== t.host) : [];
  if (others.length > 0) {
    return refused(t, `it also serves ${others.join(", ")}, which apply did not add. Remove those domains from the service first if you mean to delete it.`);
  }
  if (active) await deactivate(api, service.id, active.number);
  await api.deleteService(service.id);
  return removed(t, `${active ? `Deactivated version ${active.number} and deleted` : "Deleted"} the service "${expected}".`);
}

/** The account step: the token's scope, and which hosts' services this undo removes (their subscriptions may go with `force`). */
export async function openUndo(api: FastlyClient, targets: readonly UndoTarget[]): Promise<UndoAccount> {
  await requireWriteScope(api);
  const servicesRemoved = new Set<string>();
  for (const t of targets.filter((x) => x.kind === RESOURCE.fastlyService)) {
    const service = await api.findService(t.id);
    if (service?.name === serviceName(t.host)) servicesRemoved.add(t.host);
  }
  return { api, servicesRemoved };
}

export function undoResource(acc: UndoAccount, t: UndoTarget): Promise<UndoResult> {
  return t.kind === RESOURCE.fastlyTlsSubscription ? undoSubscription(acc, t) : undoService(acc.api, t);
}
