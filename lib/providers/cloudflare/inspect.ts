import "server-only";
import { SENDGRID_ORIGIN } from "@/lib/sendgrid";
import type { CfPack, CfRecord, CfRule, CfRuleset } from "./client";
import { choosePack } from "./certificates";
import { differences } from "./differences";
import { RECORD_TYPE } from "./settings";
import { OWNER_RECORD, ownerRecordFor, parentOf } from "@/lib/hostnames";
import type { Located, Session, ZoneCheck } from "./session";
import { isOurRule } from "./rule-writes";

/** What a host has in Cloudflare now: its records, the certificate that names it, its rule, and how that differs from the plan. */

const SENDGRID_TARGETS = new Set(Object.values(SENDGRID_ORIGIN));

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

  const notes = differences({ host, zone, check, ruleset, link, pack, stalePacks });
  return { ...located, link, linkConflict, ownerName, owner, pack, stalePacks, ruleset, rule, notes };
}
