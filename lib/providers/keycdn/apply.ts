import "server-only";
import { resolveEsp } from "@/lib/esps/choice";
import { defineAdapter } from "@/lib/providers/engine/adapter";
import { ProviderFailure } from "@/lib/providers/engine/failure";
import type { HostApplyResult, HostPreview, PlannedChange } from "@/lib/providers/types";
import { RESOURCE } from "./resources";
import { KEYCDN_SCRUB, keycdnSecrets, type KeycdnZone } from "./client";
import { keycdnClient, readAccount, type Account } from "./account";
import { customCertificateNote, desiredSettings, zoneDifferences, type Target } from "./differences";
import { translateKeycdnError } from "./errors";
import { GAP_WORDS, linkRecord, resolveTarget, targetHint } from "./plan";
import type { keycdnCredentials } from "./credentials";
import { keycdn } from ".";
import { openUndo, undoResource } from "./undo";
import { originUrl, ZONE_TYPE, zoneName } from "./settings";
import type { PlanInput } from "@/lib/domain/plan";

/**
 * KeyCDN apply (docs/providers/keycdn.md#order-of-work): per host, find the pull zone by its derived name (GET /zones.json) or
 * create it with every option set explicitly, fix any option of an adopted zone that breaks the
 * invariants (PUT, reported with why), add the host as a Zonealias if missing, and report the CNAME
 * target when it can be derived. Re-runs write nothing when everything matches.
 */

interface Session extends Account {
  input: PlanInput;
  /** The email provider the zones fetch from. */
  esp: Target;
}

/** Every managed option, for a PUT that sets them all explicitly (a custom certificate is left alone). */
function allSettings(zone: KeycdnZone, origin: string): Record<string, string> {
  const want: Record<string, string> = { ...desiredSettings(origin) };
  if (zone.settings.sslcert === "custom") delete want.sslcert;
  return want;
}

function pushZone(name: string, espName: string): ProviderFailure {
  return new ProviderFailure({
    code: "zone_type",
    message: `The zone "${name}" exists but is a push zone; link hosts need a pull zone that fetches from ${espName}.`,
    action: `Delete or rename the zone "${name}" in the KeyCDN dashboard, then run it again.`,
  });
}

function aliasElsewhere(host: string, zone: string): ProviderFailure {
  return new ProviderFailure({
    code: "alias_elsewhere",
    message: `${host} is already a Zonealias of the zone "${zone}", not of this host's zone.`,
    action: `Remove ${host} from the Zonealiases of "${zone}" (or use that zone and delete the new one), then run it again.`,
  });
}

async function applyHost({ api, esp, input, ...acc }: Session, host: string, r: HostApplyResult): Promise<HostApplyResult> {
  const { origin } = esp;
  const name = zoneName(host);
  let zone = acc.zones.find((z) => z.name === name);
  const created = zone === undefined;
  if (zone && zone.settings.type !== "" && zone.settings.type !== ZONE_TYPE) throw pushZone(name, esp.name);
  // The alias check needs no write, so an alias on another zone stops the run before anything changes.
  const alias = acc.aliases.find((a) => a.name === host);
  if (alias && (!zone || alias.zoneId !== zone.id)) throw aliasElsewhere(host, acc.zones.find((z) => z.id === alias.zoneId)?.name ?? alias.zoneId);

  if (!zone) zone = await api.createZone({ name, ...desiredSettings(origin) });
  const zoneRef = { kind: RESOURCE.keycdnZone, id: zone.id, createdByThisRun: created, status: name };
  r.resources.push(zoneRef);

  let updated = false;
  const diffs = zoneDifferences(zone, esp);
  if (!created) r.differences.push(...diffs.map((d) => d.text));
  r.differences.push(...customCertificateNote(zone, host));
  if (diffs.length > 0) {
    zone = await api.updateZone(zone.id, allSettings(zone, origin));
    updated = !created;
    const left = zoneDifferences(zone, esp);
    if (left.length > 0) {
      throw new ProviderFailure({
        code: "setting_not_kept",
        message: `KeyCDN did not keep ${left.map((d) => `${d.key}=${d.desired}`).join(", ")} on zone "${name}".`,
        action: "Set these options by hand in the zone's advanced features (values in the manual checklist), then run it again.",
      });
    }
  }

  const aliasCreated = alias === undefined;
  const aliasNow = alias ?? (await api.createZoneAlias(zone.id, host));
  r.resources.push({ kind: RESOURCE.keycdnAlias, id: aliasNow.id, createdByThisRun: aliasCreated, status: host });

  const { target } = resolveTarget(input, host);
  r.target = target;
  r.records = [linkRecord(host, target, esp.name)];
  const outcome = created ? "created" : updated || aliasCreated ? "updated" : "unchanged";
  const pointAt = target ?? `the Zone URL of "${name}" (copy it from the dashboard's Zones page: ${targetHint(host)})`;
  return {
    ...r,
    outcome,
    summary: `${outcome === "unchanged" ? "Already set up" : `Zone ${outcome}`}: "${name}" with alias ${host}. ${nextStep(zone, host, pointAt)}`,
  };
}

/**
 * What to do after apply. With Let's Encrypt the certificate can only follow the DNS change, which costs an
 * HSTS domain every click until it is issued (docs/providers/keycdn.md#lets-encrypt-and-the-dns-switch).
 */
function nextStep(zone: KeycdnZone, host: string, pointAt: string): string {
  if (zone.settings.sslcert === "custom") return `Next: test https://${host}/ through the Zone URL with your certificate (Custom SSL), then CNAME ${host} to ${pointAt}.`;
  return `Next: CNAME ${host} to ${pointAt}. ${GAP_WORDS.forHost(host)} ${GAP_WORDS.avoid}`;
}

async function statusHost({ esp, input, ...acc }: Session, host: string, r: HostApplyResult): Promise<HostApplyResult> {
  const name = zoneName(host);
  const needsApply = (message: string): never => {
    throw new ProviderFailure({ code: "needs_apply", message, action: "Run apply to create or fix it." });
  };
  const zone = acc.zones.find((z) => z.name === name);
  if (!zone) return needsApply(`There is no KeyCDN zone named "${name}" yet.`);
  r.resources.push({ kind: RESOURCE.keycdnZone, id: zone.id, createdByThisRun: false, status: name });
  const diffs = zoneDifferences(zone, esp);
  r.differences.push(...diffs.map((d) => d.text), ...customCertificateNote(zone, host));
  if (diffs.length > 0) return needsApply(`The zone "${name}" differs from the plan.`);
  const alias = acc.aliases.find((a) => a.name === host);
  if (!alias) return needsApply(`${host} is not a Zonealias yet.`);
  if (alias.zoneId !== zone.id) throw aliasElsewhere(host, acc.zones.find((z) => z.id === alias.zoneId)?.name ?? alias.zoneId);
  r.resources.push({ kind: RESOURCE.keycdnAlias, id: alias.id, createdByThisRun: false, status: host });
  const { target } = resolveTarget(input, host);
  r.target = target;
  r.records = [linkRecord(host, target, esp.name)];
  return { ...r, outcome: "unchanged", summary: `Zone "${name}" and alias match the plan. The API does not report the certificate: check https://${host}/ once the CNAME answers.` };
}

function previewHost({ esp, ...acc }: Session, host: string): HostPreview {
  const { origin } = esp;
  const name = zoneName(host);
  const zone = acc.zones.find((z) => z.name === name);
  const changes: PlannedChange[] = [];
  if (!zone) changes.push({ resource: `KeyCDN pull zone "${name}"`, action: "create", next: `origin ${originUrl(origin)}, Let's Encrypt, Forward Host Header on, query strings and cache headers respected` });
  else if (zone.settings.type !== "" && zone.settings.type !== ZONE_TYPE) throw pushZone(name, esp.name);
  else {
    const diffs = zoneDifferences(zone, esp);
    changes.push(
      diffs.length > 0
        ? { resource: `KeyCDN pull zone "${name}"`, action: "update", current: diffs.map((d) => d.text).join(" "), next: "every option as in the plan" }
        : { resource: `KeyCDN pull zone "${name}"`, action: "reuse", current: "matches the plan", next: "unchanged" },
    );
  }
  const alias = acc.aliases.find((a) => a.name === host);
  if (alias && alias.zoneId !== zone?.id) throw aliasElsewhere(host, acc.zones.find((z) => z.id === alias.zoneId)?.name ?? alias.zoneId);
  changes.push(alias ? { resource: `Zonealias ${host}`, action: "reuse", next: "unchanged" } : { resource: `Zonealias ${host}`, action: "create", next: `alias of "${name}"` });
  return { host, changes };
}

export const keycdnServer = defineAdapter<typeof keycdnCredentials, Session, Account>(keycdn, {
  secrets: (credentials) => keycdnSecrets(credentials.apiKey),
  scrub: KEYCDN_SCRUB,
  translate: translateKeycdnError,
  async open(credentials, input, run) {
    return { ...(await readAccount(keycdnClient(credentials, run))), input, esp: resolveEsp(input) };
  },
  preview: async (session, host) => previewHost(session, host),
  apply: (session, host, _, r) => applyHost(session, host, r),
  status: (session, host, _, r) => statusHost(session, host, r),
  openUndo: (credentials, _, run) => openUndo(keycdnClient(credentials, run)),
  undo: undoResource,
});
