import type { CfPack, CfRecord, CfRuleset, CfZone } from "./client";
import { packNote, packUsable, statusWords } from "./certificates";
import { OPTION } from "./labels";
import { isOurRule } from "./rule-writes";
import type { ZoneCheck } from "./session";
import { SSL_MODE } from "./settings";
import { repeatedZone } from "./zones";

/**
 * How what a host has in Cloudflare differs from the plan, or needs the person's attention before it works, in
 * sentences people can act on (docs/providers/cloudflare.md#zones, #configuration-rules, #certificate-pack-statuses).
 */
export interface HostFacts {
  host: string;
  /** The email provider whose link host it is, as people know it (where to check a hostname). */
  espName: string;
  zone: CfZone;
  check: ZoneCheck;
  ruleset: CfRuleset | null;
  link: CfRecord | null;
  pack: CfPack | null;
  stalePacks: CfPack[];
}

export function differences({ host, espName, zone, check, ruleset, link, pack, stalePacks }: HostFacts): string[] {
  const notes: string[] = [];
  const meant = repeatedZone(host, zone.name);
  if (meant) notes.push(`${host} ends with ${zone.name} twice; the link-branding host is probably ${meant}. Check the hostname in ${espName}.`);
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
  return notes;
}
