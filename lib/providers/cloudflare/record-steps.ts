import "server-only";
import type { DnsRecord } from "@/lib/domain/plan";
import type { CfRecord, CfZone } from "./client";
import { hasCode } from "./errors";
import { OPTION } from "./labels";
import { CF_CODE, RECORD_TYPE, TTL_AUTO } from "./settings";
import { nameInZone } from "./zones";
import { ownerRecordName } from "@/lib/hostnames";
import type { Located, Session } from "./session";

/** The link and owner CNAMEs: how apply describes them, when it fixes them, and how it creates them. */

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.$/, "") === b.toLowerCase().replace(/\.$/, "");
}

export function describeRecord(r: CfRecord): string {
  return `${r.type} ${r.name} → ${r.content}, ${r.proxied ? OPTION.proxied : OPTION.dnsOnly}, TTL ${r.ttl === TTL_AUTO ? OPTION.ttlAuto : r.ttl}`;
}

export function wantedRecord(name: string, target: string, proxied: boolean): string {
  return `${RECORD_TYPE} ${name} → ${target}, ${proxied ? OPTION.proxied : OPTION.dnsOnly}, TTL ${OPTION.ttlAuto}`;
}

export function linkNeedsFix(link: CfRecord, origin: string): boolean {
  return !sameName(link.content, origin) || (!link.proxied && link.ttl !== TTL_AUTO);
}

/** The record the ESP keeps beside the link record (SendGrid's owner record), as a placeholder to fill in. */
export function ownerPlaceholder(session: Session, state: Located): DnsRecord {
  const name = ownerRecordName(state.host);
  return {
    type: "CNAME",
    name,
    relativeName: nameInZone(name, state.zone.name),
    zone: state.zone.name,
    value: session.origin,
    valueKnown: true,
    proxied: false,
    ttl: OPTION.ttlAuto,
    purpose: `${session.esp.keepRecords?.what ?? "A record the email provider keeps, DNS only"}. Copy <user_id> from your link-branding chart.`,
    phase: "setup",
  };
}

/** Create the CNAME, or adopt it when Cloudflare says it exists (a retried create, or a record made meanwhile). */
export async function ensureRecord(session: Session, zone: CfZone, name: string, content: string): Promise<{ record: CfRecord; created: boolean }> {
  try {
    return { record: await session.client.createRecord(zone.id, name, content, false), created: true };
  } catch (e) {
    if (!(hasCode(e, CF_CODE.identicalRecord) || hasCode(e, CF_CODE.recordNameTaken) || hasCode(e, CF_CODE.cnameNameTaken))) throw e;
    const existing = (await session.client.listRecords(zone.id, { nameExact: name })).find((r) => r.type === RECORD_TYPE);
    if (!existing) throw e;
    return { record: existing, created: false };
  }
}
