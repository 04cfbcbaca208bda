import "server-only";
import type { CfPack, CfRecord, CfRule, CfRuleset } from "./client";
import { choosePack } from "./certificates";
import { differences } from "./differences";
import { RECORD_TYPE } from "./settings";
import { OWNER_RECORD, ownerRecordFor, parentOf } from "@/lib/hostnames";
import type { Located, Session, ZoneCheck } from "./session";
import { isOurRule } from "./rule-writes";

/** What a host has in Cloudflare now: its records, the certificate that names it, its rule, and how that differs from the plan. */

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

  const notes = differences({ host, espName: session.esp.name, zone, check, ruleset, link, pack, stalePacks });
  return { ...located, link, linkConflict, ownerName, owner, pack, stalePacks, ruleset, rule, notes };
}
