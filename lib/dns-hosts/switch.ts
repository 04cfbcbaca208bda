import "server-only";
import { describeRecord } from "./refusals";
import { duration, effectiveTtl, recordRead, TTL_ADVICE } from "./plan";
import { sameContent } from "./records";
import { DNS_HOST_FACTS, type DnsHostId } from "./registry";
import type { DnsContext, DnsHostServer } from "./server-types";
import type { AuthoritativeAnswer, DnsOutcome, DnsZoneRef, HostRecordRead, LinkRecord, RecordWriteResult } from "./types";
import type { SwitchLock } from "./verification";

/**
 * The switch, its rollback and a TTL change, the same for every DNS host (docs/dns-hosts/README.md#safe-cut-over):
 * a write by compare-and-swap, the host's own "in sync" signal, then the authoritative servers' answer. The lock
 * (the before-switch verification at this moment) and the authoritative check come in as `checks`, so the sandbox
 * can simulate them and say so.
 */
export interface Checks {
  lock(host: string, target: string): Promise<SwitchLock>;
  authoritative(host: string, written: LinkRecord): Promise<AuthoritativeAnswer>;
}

export interface Connection<C = unknown> {
  id: DnsHostId;
  server: DnsHostServer<C>;
  credentials: C;
  ctx: DnsContext;
}

const norm = (n: string) => n.toLowerCase().replace(/\.$/, "");

export async function readForSwitch(c: Connection, host: string, target: string): Promise<DnsOutcome<{ read: HostRecordRead }>> {
  const read = await c.server.read(c.credentials, host, c.ctx);
  if (!read.ok) return read;
  return { ok: true, read: recordRead(DNS_HOST_FACTS[c.id], host, read.zone, read.record, target) };
}

type Authoritative = Checks["authoritative"];

/** Writes `next` in place of `expected`, waits for the host, asks the authoritative servers; `words` says what it was. */
async function write(c: Connection, authoritativeOf: Authoritative, zone: DnsZoneRef, expected: LinkRecord, next: LinkRecord, words: (r: RecordWriteResult) => string): Promise<DnsOutcome<{ result: RecordWriteResult }>> {
  const info = DNS_HOST_FACTS[c.id].info;
  const replaced = await c.server.replace(c.credentials, zone, expected, next, c.ctx);
  if (!replaced.ok) return replaced;
  const synced = await c.server.waitInSync(c.credentials, zone, replaced.written, replaced.changeId, c.ctx);
  const authoritative = await authoritativeOf(expected.name, replaced.written);
  const result: RecordWriteResult = {
    host: expected.name,
    dnsHost: c.id,
    zone,
    previous: expected,
    written: replaced.written,
    ...(replaced.changeId ? { changeId: replaced.changeId } : {}),
    status: synced.ok ? synced.status : "pending",
    authoritative,
    oldTtlSeconds: effectiveTtl(expected, info),
    summary: "",
  };
  result.summary = words(result);
  // The write went through even when the wait could not be asked about: say so rather than fail the switch.
  if (!synced.ok) result.summary += ` ${info.name} could not be asked whether all its name servers have it: ${synced.error.message}`;
  return { ok: true, result };
}

function afterWords(r: RecordWriteResult, what: string): string {
  const sync = r.status === "in-sync" ? "every one of the DNS host's name servers has it" : "the DNS host is still sending it to its name servers";
  const auth = r.authoritative ? (r.authoritative.matches ? " The zone's name servers answer with it." : ` The zone's name servers answer: ${r.authoritative.seen}.`) : "";
  return `${what}: ${sync}.${auth} Public resolvers may keep the old answer for up to ${duration(r.oldTtlSeconds)} (the old TTL).`;
}

/** The switch: refused unless the CDN is verified for this host right now; then the compare-and-swap. */
export async function switchRecord(c: Connection, checks: Checks, req: { zone: DnsZoneRef; expected: LinkRecord; target: string }): Promise<DnsOutcome<{ result: RecordWriteResult }>> {
  const { expected, target } = req;
  const info = DNS_HOST_FACTS[c.id].info;
  if (norm(expected.value) === norm(target)) return { ok: false, error: { code: "already_switched", message: `${expected.name} already points at ${target}.`, action: "Nothing to switch. Roll back from the result if you need the previous record." } };
  const lock = await checks.lock(expected.name, target);
  if (!lock.ready) {
    return {
      ok: false,
      error: {
        code: "not_verified",
        message: `Not switched: the CDN is not proven for ${expected.name} right now (${lock.readiness.replace(/^Not ready: /, "").replace(/\.$/, "")}). Nothing was changed at ${info.name}.`,
        action: "Fix what the check names (the Test step shows every check and its fix), then switch again. Switching anyway is only possible by hand.",
      },
    };
  }
  const next = DNS_HOST_FACTS[c.id].switchedRecord(expected, target);
  return write(c, checks.authoritative, req.zone, expected, next, (r) => afterWords(r, `Switched ${r.host} from ${expected.value} to ${target}${lock.simulated ? " (sandbox: the CDN check was simulated)" : ""}`));
}

/** The rollback: the record the switch read, written back only if the record is still what the switch wrote. */
export function rollbackRecord(c: Connection, authoritative: Authoritative, req: { zone: DnsZoneRef; written: LinkRecord; previous: LinkRecord }): Promise<DnsOutcome<{ result: RecordWriteResult }>> {
  const info = DNS_HOST_FACTS[c.id].info;
  return write(c, authoritative, req.zone, req.written, req.previous, (r) => afterWords(r, `Rolled back ${r.host} to ${describeRecord(req.previous, info)}`));
}

/** Lowers a long TTL, keeping the target: the first step of a careful switch. */
export async function lowerTtl(c: Connection, authoritative: Authoritative, req: { zone: DnsZoneRef; expected: LinkRecord }): Promise<DnsOutcome<{ result: RecordWriteResult }>> {
  const { expected } = req;
  const info = DNS_HOST_FACTS[c.id].info;
  if (effectiveTtl(expected, info) <= TTL_ADVICE.lowerTo || expected.proxied) return { ok: false, error: { code: "ttl_short", message: `The TTL of ${expected.name} is already ${duration(effectiveTtl(expected, info))} or automatic.`, action: "Switch when ready." } };
  const next: LinkRecord = { ...expected, ttl: TTL_ADVICE.lowerTo };
  delete next.modifiedOn;
  return write(c, authoritative, req.zone, expected, next, (r) => `Lowered the TTL of ${r.host} to ${duration(TTL_ADVICE.lowerTo)}, target unchanged. Wait ${duration(r.oldTtlSeconds)} (the old TTL) before switching, so that no resolver still holds the long one.`);
}

/** Where a written record stands now: the host's signal and the authoritative answer (the page's "check again"). */
export async function writeStatus(c: Connection, authoritative: Authoritative, req: { zone: DnsZoneRef; written: LinkRecord; changeId?: string }): Promise<DnsOutcome<{ status: "in-sync" | "pending"; authoritative: AuthoritativeAnswer; recordNow: LinkRecord | null }>> {
  const read = await c.server.read(c.credentials, req.written.name, c.ctx);
  const recordNow = read.ok ? read.record : null;
  if (recordNow && !sameContent(recordNow, req.written)) {
    return { ok: false, error: { code: "record_changed", message: `The record for ${req.written.name} is no longer what was written: it is now ${describeRecord(recordNow, DNS_HOST_FACTS[c.id].info)}.`, action: "Read the record again before switching or rolling back." }, recordNow };
  }
  const synced = await c.server.waitInSync(c.credentials, req.zone, req.written, req.changeId, { ...c.ctx, syncWaitMs: 0 });
  return { ok: true, status: synced.ok ? synced.status : "pending", authoritative: await authoritative(req.written.name, req.written), recordNow };
}
