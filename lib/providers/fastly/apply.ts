import "server-only";
import { resolveEsp } from "@/lib/esps/choice";
import { defineAdapter } from "@/lib/providers/engine/adapter";
import { ProviderFailure } from "@/lib/providers/engine/failure";
import type { Run } from "@/lib/providers/engine/types";
import type { HostApplyResult, HostPreview, PlannedChange } from "@/lib/providers/types";
import { RESOURCE } from "./resources";
import { FASTLY_SCRUB, FastlyClient } from "./client";
import type { FastlyService, TlsConfiguration, TlsSubscription } from "./shapes";
import { backendDifferences, describeCheck, headerDifferences, matches, settingsDifferences, type Target, type VersionCheck } from "./differences";
import { createHeader, listHeaders, updateHeader } from "./headers";
import { translateFastlyError } from "./errors";
import { challengeRecord, linkRecord } from "./plan";
import type { fastlyCredentials, FastlyCredentials } from "./credentials";
import { fastly } from ".";
import { requireWriteScope } from "./token";
import { openUndo, undoResource, type UndoAccount } from "./undo";
import {
  BACKEND,
  backendName,
  CERTIFICATE_AUTHORITY,
  DNS_CHALLENGE,
  SERVICE_TYPE,
  SUBSCRIPTION_FAILED,
  SUBSCRIPTION_ISSUED,
  desiredBackend,
  headersFor,
  serviceName,
  settingsFor,
} from "./settings";

/**
 * Fastly apply (docs/providers/fastly.md#service, #tls-subscription): token scope first, then per host: find or create the service by name,
 * put domain + backend + settings on a draft version (find before write), validate, activate, and only
 * then create or reuse the TLS subscription. Re-runs change nothing that already matches: no new
 * service, version, domain, backend or subscription.
 */

export function fastlyClient(credentials: FastlyCredentials, run: Run): FastlyClient {
  const { ctx, policy } = run;
  return new FastlyClient({
    baseUrl: ctx.endpoints.fastly,
    token: credentials.apiToken,
    timeoutMs: policy.requestTimeoutMs,
    maxRetries: policy.retries,
    maxRetryDelayMs: policy.maxRetryDelayMs,
    scrub: run.scrub,
  });
}

/** What every host of a run shares: the client, the email provider, and the account's TLS configurations. */
interface Account {
  api: FastlyClient;
  esp: Target;
  configurations: TlsConfiguration[];
  /** The configuration new subscriptions use: the account's default, else the first. */
  chosen: TlsConfiguration;
}

async function account(api: FastlyClient, esp: Target): Promise<Account> {
  await requireWriteScope(api);
  const configurations = await api.listTlsConfigurations();
  const chosen = configurations.find((c) => c.isDefault) ?? configurations[0];
  if (!chosen) {
    throw new ProviderFailure({
      code: "no_tls_configuration",
      message: "The Fastly account has no TLS configuration, so it cannot serve HTTPS for your hosts.",
      action: "Ask Fastly support to enable Fastly TLS (TLS subscriptions) on the account, then run it again.",
    });
  }
  return { api, esp, configurations, chosen };
}


async function checkVersion(api: FastlyClient, serviceId: string, v: number, host: string, esp: Target): Promise<VersionCheck> {
  const wantsHeaders = headersFor(esp.rules).length > 0;
  const [domains, backends, settings, headers] = await Promise.all([
    api.listDomains(serviceId, v),
    api.listBackends(serviceId, v),
    api.getSettings(serviceId, v),
    wantsHeaders ? listHeaders(api, serviceId, v) : Promise.resolve([]),
  ]);
  const backend = backends.find((b) => b.name === backendName(esp.esp));
  return {
    number: v,
    hasDomain: domains.includes(host),
    backend,
    backendDiffs: backend ? backendDifferences(backend, esp) : [],
    settingsDiffs: settingsDifferences(settings, esp),
    headers,
    headerDiffs: headerDifferences(headers, esp),
    otherBackends: backends.filter((b) => b.name !== backendName(esp.esp)).map((b) => b.name),
  };
}

/**
 * The version to edit: the newest version when it is still a draft (a new service's version 1, or one
 * left by an interrupted run), else a clone of the active (locked) version. A clone whose answer is lost is
 * found and adopted, never made twice (client.ts cloneVersion).
 */
async function draftVersion(api: FastlyClient, service: FastlyService): Promise<number> {
  const newest = service.versions.reduce((a, b) => (b.number > a.number ? b : a));
  if (!newest.locked && !newest.active) return newest.number;
  const base = service.versions.find((v) => v.active) ?? newest;
  return (await api.cloneVersion(service.id, base.number, newest.number)).number;
}

function targetOf(acc: Account, sub: TlsSubscription | undefined): string | undefined {
  const config = acc.configurations.find((c) => c.id === sub?.configurationId) ?? acc.chosen;
  return config.cnameTargets[0];
}

function dnsChallenge(sub: TlsSubscription) {
  return sub.challenges.find((c) => c.type === DNS_CHALLENGE && c.values.length > 0);
}

function certificateFailed(host: string): ProviderFailure {
  return new ProviderFailure({
    code: "certificate_failed",
    message: `Fastly could not issue the certificate for ${host} (subscription state: failed).`,
    action: `Check that _acme-challenge.${host} is a CNAME to the value Fastly shows, then retry the subscription under Secure › TLS management (or delete it and run apply again).`,
  });
}

async function applyHost(acc: Account, host: string, r: HostApplyResult): Promise<HostApplyResult> {
  const { api, esp } = acc;
  const name = serviceName(host);
  let service = await api.searchService(name);
  const serviceCreated = service === null;
  if (!service) service = await api.createService(name, SERVICE_TYPE);
  const serviceRef = { kind: RESOURCE.fastlyService, id: service.id, createdByThisRun: serviceCreated, status: "draft" };
  r.resources.push(serviceRef);

  const active = service.versions.find((v) => v.active);
  const activeCheck = active ? await checkVersion(api, service.id, active.number, host, esp) : undefined;
  let activeNumber = active?.number;
  let configChanged = false;
  if (activeCheck) r.differences.push(...describeCheck(activeCheck, host, esp));

  if (!activeCheck || !matches(activeCheck)) {
    const v = await draftVersion(api, service);
    const c = await checkVersion(api, service.id, v, host, esp);
    const desired = desiredBackend(esp.origin, esp.esp);
    if (!c.hasDomain) await api.createDomain(service.id, v, host);
    if (!c.backend) await api.createBackend(service.id, v, desired);
    else if (c.backendDiffs.length > 0) await api.updateBackend(service.id, v, desired.name, { ...desired, override_host: "" });
    if (c.settingsDiffs.length > 0) await api.updateSettings(service.id, v, settingsFor(esp.rules));
    for (const h of headersFor(esp.rules)) {
      const have = c.headers.find((x) => x.name === h.name);
      if (!have) await createHeader(api, service.id, v, { ...h });
      else if (c.headerDiffs.length > 0) await updateHeader(api, service.id, v, { ...h });
    }
    const validation = await api.validateVersion(service.id, v);
    if (!validation.ok) {
      throw new ProviderFailure({
        code: "invalid_version",
        message: `Fastly found version ${v} of "${name}" invalid: ${validation.message || "no details"}.`,
        action: "Open the service in Fastly, fix what the message names on the draft version (or delete the draft), and run it again.",
      });
    }
    await api.activateVersion(service.id, v);
    activeNumber = v;
    configChanged = true;
  }
  serviceRef.status = `active version ${activeNumber}`;

  // Only now: Fastly accepts a subscription only for a domain on an activated version.
  let sub = (await api.findTlsSubscriptions(host))[0];
  const subCreated = sub === undefined;
  if (!sub) sub = await api.createTlsSubscription(host, CERTIFICATE_AUTHORITY, acc.chosen.id);
  if (!dnsChallenge(sub) && sub.state !== SUBSCRIPTION_ISSUED) sub = await api.getTlsSubscription(sub.id);
  r.resources.push({ kind: RESOURCE.fastlyTlsSubscription, id: sub.id, createdByThisRun: subCreated, status: sub.state });

  const challenge = dnsChallenge(sub);
  const target = targetOf(acc, sub);
  r.target = target;
  r.records = [challengeRecord(host, challenge?.values[0], challenge?.recordName), linkRecord(host, target, esp.name)];
  if (sub.state === SUBSCRIPTION_FAILED) throw certificateFailed(host);

  const where = `version ${activeNumber} active`;
  if (sub.state !== SUBSCRIPTION_ISSUED) {
    return {
      ...r,
      outcome: "pending",
      summary: `Service ${serviceCreated ? "created" : "ready"} (${where}). Create the _acme-challenge CNAME below; the certificate is ${sub.state}. After the HTTPS test passes, point ${host} at ${target ?? "Fastly's CNAME target"}.`,
    };
  }
  const outcome = serviceCreated ? "created" : configChanged || subCreated ? "updated" : "unchanged";
  return {
    ...r,
    outcome,
    summary:
      outcome === "unchanged"
        ? `Already set up (${where}, certificate issued). Point ${host} at ${target ?? "Fastly's CNAME target"} once the HTTPS test passes.`
        : `Service ${outcome} (${where}), certificate issued. Test, then point ${host} at ${target ?? "Fastly's CNAME target"}.`,
  };
}

async function statusHost(acc: Account, host: string, r: HostApplyResult): Promise<HostApplyResult> {
  const { api, esp } = acc;
  const service = await api.searchService(serviceName(host));
  const needsApply = (message: string): never => {
    throw new ProviderFailure({ code: "needs_apply", message, action: "Run apply to create or fix it." });
  };
  if (!service) return needsApply(`There is no Fastly service named "${serviceName(host)}" yet.`);
  const active = service.versions.find((v) => v.active);
  r.resources.push({ kind: RESOURCE.fastlyService, id: service.id, createdByThisRun: false, status: active ? `active version ${active.number}` : "no active version" });
  if (!active) return needsApply(`The service "${serviceName(host)}" has no active version.`);
  const check = await checkVersion(api, service.id, active.number, host, esp);
  if (!matches(check)) {
    r.differences.push(...describeCheck(check, host, esp));
    return needsApply(`The active version ${active.number} differs from the plan.`);
  }
  const sub = (await api.findTlsSubscriptions(host))[0];
  if (!sub) return needsApply(`No TLS subscription for ${host} yet.`);
  r.resources.push({ kind: RESOURCE.fastlyTlsSubscription, id: sub.id, createdByThisRun: false, status: sub.state });
  const challenge = dnsChallenge(sub);
  const target = targetOf(acc, sub);
  r.target = target;
  r.records = [challengeRecord(host, challenge?.values[0], challenge?.recordName), linkRecord(host, target, esp.name)];
  if (sub.state === SUBSCRIPTION_FAILED) throw certificateFailed(host);
  return sub.state === SUBSCRIPTION_ISSUED
    ? { ...r, outcome: "unchanged", summary: `Version ${active.number} active and certificate issued.` }
    : { ...r, outcome: "pending", summary: `Version ${active.number} active; certificate ${sub.state} (waiting for the _acme-challenge CNAME).` };
}

async function previewHost({ api, esp }: Account, host: string): Promise<HostPreview> {
  const name = serviceName(host);
  const changes: PlannedChange[] = [];
  const service = await api.searchService(name);
  const active = service?.versions.find((v) => v.active);
  const check = service && active ? await checkVersion(api, service.id, active.number, host, esp) : undefined;
  if (!service) {
    const headers = headersFor(esp.rules).map((h) => `, header "${h.name}" (${h.action} ${h.dst})`).join("");
    changes.push({
      resource: `Fastly service "${name}"`,
      action: "create",
      next: `version 1 with domain ${host}, host "${backendName(esp.esp)}" → ${esp.origin}:${BACKEND.port} over TLS, Fallback TTL ${settingsFor(esp.rules).defaultTtl}${headers}, activated`,
    });
  } else if (!check || !matches(check)) {
    changes.push({
      resource: `Fastly service "${name}"`,
      action: "update",
      current: check ? describeCheck(check, host, esp).join(" ") : "no active version",
      next: `${active ? `clone of version ${active.number}` : "the draft version"} with the plan's domain, host and settings, activated`,
    });
  } else {
    changes.push({ resource: `Fastly service "${name}"`, action: "reuse", current: `version ${active!.number} active`, next: "unchanged" });
  }
  const sub = (await api.findTlsSubscriptions(host))[0];
  changes.push(
    sub
      ? { resource: `TLS subscription for ${host}`, action: "reuse", current: sub.state, next: sub.state === SUBSCRIPTION_ISSUED ? "unchanged" : "wait until issued" }
      : { resource: `TLS subscription for ${host}`, action: "create", next: `${CERTIFICATE_AUTHORITY} certificate, DNS challenge (_acme-challenge CNAME)` },
  );
  return { host, changes };
}

export const fastlyServer = defineAdapter<typeof fastlyCredentials, Account, UndoAccount>(fastly, {
  secrets: (credentials) => [credentials.apiToken],
  scrub: FASTLY_SCRUB,
  translate: translateFastlyError,
  open: (credentials, input, run) => account(fastlyClient(credentials, run), resolveEsp(input)),
  preview: (acc, host) => previewHost(acc, host),
  apply: (acc, host, _, r) => applyHost(acc, host, r),
  status: (acc, host, _, r) => statusHost(acc, host, r),
  openUndo: (credentials, targets, run) => openUndo(fastlyClient(credentials, run), targets),
  undo: undoResource,
});
