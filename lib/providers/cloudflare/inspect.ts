import "server-only";
import type { CfPack, CfRecord, CfRule, CfRuleset } from "./client";
import { OPTION } from "./labels";
import { choosePack, packNote, packUsable, statusWords } from "./certificates";
import { RECORD_TYPE, SSL_MODE } from "./settings";
import { repeatedZone } from "./zones";
import { OWNER_RECORD, ownerRecordFor, parentOf } from "@/lib/hostnames";
import type { Located, Session, ZoneCheck } from "./session";
import { isOurRule } from "./rule-writes";

/** What a host has in Cloudflare now: its records, the certificate that names it, its rule, and notes. */

export interface HostState extends Located {
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

export async function inspect(session: Session, located: Located, check: ZoneCheck): Promise<HostState> {
  const { client, input } = session;
  const { host, zone } = located;
  const notes: string[] = [];

  const atName = await client.listRecords(zone.id, { nameExact: host });
  const link = atName.find((r) => r.type === RECORD_TYPE) ?? null;
  const linkConflict = link ? null : (atName[0] ?? null);

  // The record the ESP keeps beside the link record (SendGrid's owner record), pasted or found next to the link host.
  const keeps = session.esp.keepRecords;
  let ownerName = keeps ? (ownerRecordFor(host, input.ownerRecords) ?? null) : null;
  let owner: CfRecord | null = null;
  if (ownerName) {
    owner = (await client.listRecords(zone.id, { nameExact: ownerName })).find((r) => r.type === RECORD_TYPE) ?? null;
  } else if (keeps) {
    const parent = parentOf(host);
    const candidates = await client.listRecords(zone.id, { nameEndsWith: `.${parent}`, type: RECORD_TYPE });
    owner = candidates.find((r) => OWNER_RECORD.test(r.name) && keeps.pattern.test(r.name) && parentOf(r.name) === parent && r.content.toLowerCase() === session.origin) ?? null;
    ownerName = owner?.name ?? null;
  }

  const { pack, stale: stalePacks } = choosePack(await client.certificatePacks(zone.id), host);

  const ruleset = await client.configEntrypoint(zone.id);
  const rule = ruleset?.rules.find((r) => isOurRule(r, host)) ?? null;

  const meant = repeatedZone(host, zone.name);
  if (meant) notes.push(`${host} ends with ${zone.name} twice; the link-branding host is probably ${meant}. Check the hostname in ${session.esp.name}.`);
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
