import "server-only";
import { alreadyGone, refused, removed } from "@/lib/providers/engine/results";
import type { Run } from "@/lib/providers/engine/types";
import type { UndoResult, UndoTarget } from "@/lib/providers/types";
import { RESOURCE } from "./resources";
import { CloudflareClient, asParam, type CfZone } from "./client";
import type { CloudflareCredentials } from "./credentials";
import { tokenOf, verifyToken } from "./session";
import { CERTIFICATE, CONFIG_ACTION, RECORD_COMMENT, hostExpression, orderedHosts, ruleDescription } from "./settings";
import { OWNER_RECORD, parentOf, zoneCandidates } from "@/lib/hostnames";

/**
 * Cloudflare undo (docs/providers/cloudflare.md): the DNS records apply created, then its Configuration Rule (read,
 * merge, write: every other rule of the phase stays), then the Advanced certificate it ordered.
 *
 * Apply's marks: records it creates carry RECORD_COMMENT (records that were there before have no such
 * comment and are never touched); its rule has ruleDescription(host) and hostExpression(host). A
 * certificate pack has no comment field: one is removed only when it is exactly what apply orders (an
 * Advanced pack for the zone apex and the host, with apply's authority, method and validity) and the
 * wizard reported it as created by this run. That is as close to proof as the API allows.
 */

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = a.map((s) => s.toLowerCase()).sort();
  const y = b.map((s) => s.toLowerCase()).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

async function undoRecord({ client }: UndoSession, zone: CfZone, t: UndoTarget): Promise<UndoResult> {
  const rec = await client.getRecord(zone.id, t.id);
  if (!rec) return alreadyGone(t);
  if (!(rec.comment ?? "").startsWith(RECORD_COMMENT)) {
    return refused(t, `${rec.name} does not carry the comment "${RECORD_COMMENT}" that apply puts on the records it creates, so it was there before.`);
  }
  const name = rec.name.toLowerCase();
  if (!(name === t.host || (OWNER_RECORD.test(name) && parentOf(name) === parentOf(t.host)))) {
    return refused(t, `it is the record ${rec.name}, not ${t.host} or its owner record.`);
  }
  await client.deleteRecord(zone.id, rec.id);
  return removed(t, `Deleted the ${rec.type} record ${rec.name} → ${rec.content}.`);
}

function undoRule({ client, withZoneLock }: UndoSession, zone: CfZone, t: UndoTarget): Promise<UndoResult> {
  return withZoneLock(zone.id, async () => {
    const ruleset = await client.configEntrypoint(zone.id);
    const rule = ruleset?.rules.find((r) => r.id === t.id);
    if (!ruleset || !rule) return alreadyGone(t);
    if (rule.description !== ruleDescription(t.host) || rule.expression !== hostExpression(t.host) || rule.action !== CONFIG_ACTION) {
      return refused(t, `it is not the rule apply writes for ${t.host} (description "${ruleDescription(t.host)}", expression ${hostExpression(t.host)}).`);
    }
    const rest = ruleset.rules.filter((r) => r.id !== t.id);
    await client.putConfigEntrypoint(zone.id, rest.map(asParam));
    const others = rest.length === 1 ? "1 other rule stays as it is" : `${rest.length} other rules stay as they are`;
    return removed(t, `Removed the Configuration Rule for ${t.host}; the zone's ${others}.`);
  });
}

async function undoCertificate({ client }: UndoSession, zone: CfZone, t: UndoTarget): Promise<UndoResult> {
  const pack = await client.certificatePack(zone.id, t.id);
  if (!pack) return alreadyGone(t);
  const want = orderedHosts(zone.name, t.host);
  const differs = (read: string | number | undefined, ordered: string | number) => read !== undefined && read !== ordered;
  if (
    pack.type !== CERTIFICATE.type ||
    !sameSet(pack.hosts, want) ||
    differs(pack.validation_method, CERTIFICATE.validationMethod) ||
    differs(pack.certificate_authority, CERTIFICATE.certificateAuthority) ||
    differs(pack.validity_days, CERTIFICATE.validityDays)
  ) {
    return refused(t, `it is not the certificate apply orders for ${t.host} (an ${CERTIFICATE.type} certificate for exactly ${want.join(", ")}); it covers ${pack.hosts.join(", ")}.`);
  }
  await client.deleteCertificatePack(zone.id, pack.id);
  return removed(t, `Deleted the Advanced certificate for ${want.join(", ")}.`);
}

/** What undo's resources share: the client, each zone found once, and one rule write at a time per zone. */
export interface UndoSession {
  client: CloudflareClient;
  zoneFor(host: string): Promise<CfZone | null>;
  withZoneLock<T>(zoneId: string, fn: () => Promise<T>): Promise<T>;
}

/** The account step: the token verified (docs/providers/cloudflare.md#token). */
export async function openUndo(credentials: CloudflareCredentials, _: readonly UndoTarget[], run: Run): Promise<UndoSession> {
  const token = tokenOf(credentials);
  const client = new CloudflareClient(token, run.ctx);
  await verifyToken(client, token, run.scrub);
  const zones = new Map<string, Promise<CfZone | null>>();
  const locks = new Map<string, Promise<unknown>>();
  const findZone = (name: string) => {
    let z = zones.get(name);
    if (!z) zones.set(name, (z = client.findZone(name)));
    return z;
  };
  return {
    client,
    async zoneFor(host) {
      for (const name of zoneCandidates(host)) {
        const zone = await findZone(name);
        if (zone) return zone;
      }
      return null;
    },
    /** A zone's Configuration Rules are one ruleset: one read-merge-write at a time. */
    withZoneLock(zoneId, fn) {
      const run = (locks.get(zoneId) ?? Promise.resolve()).then(fn, fn);
      locks.set(zoneId, run.catch(() => undefined));
      return run;
    },
  };
}

export async function undoResource(session: UndoSession, t: UndoTarget): Promise<UndoResult> {
  const zone = await session.zoneFor(t.host);
  if (!zone) return refused(t, `no Cloudflare zone for ${t.host} is visible to this token.`);
  if (t.kind === RESOURCE.dnsRecord) return undoRecord(session, zone, t);
  if (t.kind === RESOURCE.configurationRule) return undoRule(session, zone, t);
  return undoCertificate(session, zone, t);
}
