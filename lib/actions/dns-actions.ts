"use server";

import { headers } from "next/headers";
import { dnsEndpointFromEnv } from "@/lib/dns-hosts/endpoints";
import { realAuthoritative, realLock, simulatedAuthoritative, simulatedLock } from "@/lib/dns-hosts/checks";
import { detectDnsHosts, type DetectedDnsHost } from "@/lib/dns-hosts/detect";
import type { DnsHostId } from "@/lib/dns-hosts/registry";
import { DNS_HOST_SERVERS } from "@/lib/dns-hosts/server";
import { lowerTtl, readForSwitch, rollbackRecord, switchRecord, writeStatus, type Checks, type Connection } from "@/lib/dns-hosts/switch";
import type { AuthoritativeAnswer, DnsOutcome, HostRecordRead, LinkRecord, PropagationStatus, RecordWriteResult } from "@/lib/dns-hosts/types";
import { checkHostnames } from "@/lib/hostnames";
import type { LockInput } from "@/lib/dns-hosts/verification";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import type { ProviderError } from "@/lib/providers/types";
import { dnsSandboxAccount } from "@/lib/sandbox/accounts";
import { SandboxLimitError } from "@/lib/sandbox/visitor-accounts";
import { takeProviderAction } from "@/lib/security/action-rate-limit";
import { createResolver } from "@/lib/verify/dns";
import { settingsFromEnv } from "@/lib/verify/settings";
import { fieldErrorsOf, MALFORMED, sandboxVisitor, type Account } from "./action-input";
import { detectInput, linkOf, lowerTtlInput, oneHost, readInput, recordOf, rollbackInput, statusInput, switchInput, targetOf, validationInput, validationRecordOf } from "./dns-action-input";

/**
 * Server actions that read and switch the link record at the DNS host (docs/dns-hosts/README.md). Every action is a
 * public endpoint: its whole input is checked here, it is rate-limited per client before anything is asked, and
 * credentials arrive in the POST body, are used for this request and dropped, never logged, stored or returned.
 * The switch is refused unless the before-switch verification passes for that host at that moment (the lock is
 * here, on the server); in the sandbox that check is simulated, and every answer says so.
 */

export type DnsActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string>; error?: ProviderError; recordNow?: LinkRecord | null };

interface Connected {
  ok: true;
  conn: Connection;
  simulated: boolean;
}

async function limited(): Promise<Refused | null> {
  const take = await takeProviderAction(await headers());
  return take.ok ? null : { ok: false, message: `Too many requests from this browser; try again in ${take.retryAfterSeconds} s.` };
}

/** The DNS host's adapter with credentials checked by its schema, or the visitor's sandbox DNS host holding `hosts`. */
type Refused = { ok: false; message: string; fieldErrors?: Record<string, string> };

async function connect(id: DnsHostId, account: Account, hosts: readonly string[]): Promise<Connected | Refused> {
  const server = DNS_HOST_SERVERS[id];
  if (account.kind === "sandbox") {
    try {
      const { credentials, ctx } = await dnsSandboxAccount(id, await sandboxVisitor(), hosts);
      return { ok: true, conn: { id, server, credentials, ctx }, simulated: true };
    } catch (error) {
      if (error instanceof SandboxLimitError) return { ok: false, message: error.message };
      return { ok: false, message: "The sandbox could not start on this server. Change the record by hand, or try again in a minute." };
    }
  }
  const creds = server.credentialsSchema.safeParse(account.values);
  if (!creds.success) return { ok: false, message: "Check the highlighted credentials.", fieldErrors: fieldErrorsOf(creds.error.issues) };
  return { ok: true, conn: { id, server, credentials: creds.data, ctx: { endpoint: dnsEndpointFromEnv(id) } }, simulated: false };
}

function checksFor(c: Connected, lock: Omit<LockInput, "host" | "target">): Checks {
  return { lock: c.simulated ? simulatedLock(lock.cdn) : realLock(lock), authoritative: authoritativeFor(c) };
}

/** For a write that needs no lock (rollback, TTL, status): only the authoritative answer is asked. */
function authoritativeFor(c: Connected): Checks["authoritative"] {
  return c.simulated ? simulatedAuthoritative(c.conn) : realAuthoritative;
}

/** An outcome as the page gets it: the data, or the refusal in words with the record as it is now. */
function answer<T extends object, K extends keyof T>(outcome: DnsOutcome<T>, key: K): DnsActionResult<T[K]> {
  if (outcome.ok) return { ok: true, data: outcome[key] };
  return { ok: false, message: outcome.error.message, error: outcome.error, ...(outcome.recordNow !== undefined ? { recordNow: outcome.recordNow } : {}) };
}

/** Runs `fn`; an unexpected failure is logged by kind only (it may echo request details) and answered in words. */
async function guarded<T>(what: string, fn: () => Promise<DnsActionResult<T>>): Promise<DnsActionResult<T>> {
  try {
    return await fn();
  } catch (error) {
    console.error(`dns action ${what} failed: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, message: "The DNS host's API could not be reached or answered unexpectedly. Read the record again before trying once more." };
  }
}

/** Which DNS host serves each link host's zone (DNS questions only, through the verifier's resolver). */
export async function detectDnsHostsAction(raw: unknown): Promise<DnsActionResult<DetectedDnsHost[]>> {
  const refused = await limited();
  if (refused) return refused;
  const parsed = detectInput.safeParse(raw);
  if (!parsed.success) return { ok: false, message: MALFORMED };
  const { hosts, errors } = checkHostnames(parsed.data.hosts.map((token, i) => ({ token, line: i + 1 })));
  if (errors.length > 0) return { ok: false, message: MALFORMED };
  return guarded("detect", async () => {
    const settings = settingsFromEnv();
    return { ok: true, data: await detectDnsHosts(hosts, createResolver(settings.dnsServers, settings.dnsTimeoutMs)) };
  });
}

/** Reads the exact record and plans the switch to `target`. Changes nothing. */
export async function readDnsRecordAction(raw: unknown): Promise<DnsActionResult<HostRecordRead & { simulated: boolean }>> {
  const refused = await limited();
  if (refused) return refused;
  const parsed = readInput.safeParse(raw);
  const host = parsed.success ? oneHost(parsed.data.host) : null;
  const target = parsed.success ? targetOf(parsed.data.target) : null;
  if (!parsed.success || !host || !target) return { ok: false, message: MALFORMED };
  if (CDN_ADDRESSES[parsed.data.cdn].proxiesInPlace) return { ok: false, message: "This CDN serves the record in place: its own apply changes the record, so there is no separate switch here." };
  const connected = await connect(parsed.data.dnsHost, parsed.data.account, [host]);
  if (!connected.ok) return connected;
  return guarded("read", async () => {
    const read = answer(await readForSwitch(connected.conn, host, target), "read");
    return read.ok ? { ok: true, data: { ...read.data, simulated: connected.simulated } } : read;
  });
}

/** The switch: the lock (verification now), then the compare-and-swap, the wait, and the authoritative answer. */
export async function switchDnsAction(raw: unknown): Promise<DnsActionResult<RecordWriteResult>> {
  const refused = await limited();
  if (refused) return refused;
  const parsed = switchInput.safeParse(raw);
  const host = parsed.success ? oneHost(parsed.data.host) : null;
  const target = parsed.success ? targetOf(parsed.data.target) : null;
  const expected = parsed.success && host ? recordOf(parsed.data.expected, host) : null;
  const link = parsed.success && host ? linkOf(parsed.data.link, host) : { ok: false as const };
  if (!parsed.success || !host || !target || !expected || !link.ok) return { ok: false, message: MALFORMED };
  const { dnsHost, cdn, esp, region, tenant, zone } = parsed.data;
  if (CDN_ADDRESSES[cdn].proxiesInPlace) return { ok: false, message: "This CDN serves the record in place: its own apply changes the record, so there is no separate switch here." };
  const connected = await connect(dnsHost, parsed.data.account, [host]);
  if (!connected.ok) return connected;
  return guarded("switch", async () => answer(await switchRecord(connected.conn, checksFor(connected, { cdn, esp, region, tenant, link: link.link }), { zone, expected, target }), "result"));
}

/** The rollback: the previous record, written only if the record is still what the switch wrote. No lock: going back is always allowed. */
export async function rollbackDnsAction(raw: unknown): Promise<DnsActionResult<RecordWriteResult>> {
  const refused = await limited();
  if (refused) return refused;
  const parsed = rollbackInput.safeParse(raw);
  const host = parsed.success ? oneHost(parsed.data.host) : null;
  const written = parsed.success && host ? recordOf(parsed.data.written, host) : null;
  const previous = parsed.success && host ? recordOf(parsed.data.previous, host) : null;
  if (!parsed.success || !host || !written || !previous) return { ok: false, message: MALFORMED };
  const connected = await connect(parsed.data.dnsHost, parsed.data.account, [host]);
  if (!connected.ok) return connected;
  return guarded("rollback", async () => answer(await rollbackRecord(connected.conn, authoritativeFor(connected), { zone: parsed.data.zone, written, previous }), "result"));
}

/** Lowers a long TTL, target unchanged: the careful first step. */
export async function lowerTtlAction(raw: unknown): Promise<DnsActionResult<RecordWriteResult>> {
  const refused = await limited();
  if (refused) return refused;
  const parsed = lowerTtlInput.safeParse(raw);
  const host = parsed.success ? oneHost(parsed.data.host) : null;
  const expected = parsed.success && host ? recordOf(parsed.data.expected, host) : null;
  if (!parsed.success || !host || !expected) return { ok: false, message: MALFORMED };
  const connected = await connect(parsed.data.dnsHost, parsed.data.account, [host]);
  if (!connected.ok) return connected;
  return guarded("lower-ttl", async () => answer(await lowerTtl(connected.conn, authoritativeFor(connected), { zone: parsed.data.zone, expected }), "result"));
}

/** Asks again where a write stands: the host's own signal, and the authoritative servers' answer. */
export async function dnsStatusAction(raw: unknown): Promise<DnsActionResult<{ status: PropagationStatus; authoritative: AuthoritativeAnswer }>> {
  const refused = await limited();
  if (refused) return refused;
  const parsed = statusInput.safeParse(raw);
  const host = parsed.success ? oneHost(parsed.data.host) : null;
  const written = parsed.success && host ? recordOf(parsed.data.written, host) : null;
  if (!parsed.success || !host || !written) return { ok: false, message: MALFORMED };
  const connected = await connect(parsed.data.dnsHost, parsed.data.account, [host]);
  if (!connected.ok) return connected;
  return guarded("status", async (): Promise<DnsActionResult<{ status: PropagationStatus; authoritative: AuthoritativeAnswer }>> => {
    const out = await writeStatus(connected.conn, authoritativeFor(connected), { zone: parsed.data.zone, written, changeId: parsed.data.changeId });
    if (out.ok) return { ok: true, data: { status: out.status, authoritative: out.authoritative } };
    return { ok: false, message: out.error.message, error: out.error, ...(out.recordNow !== undefined ? { recordNow: out.recordNow } : {}) };
  });
}

export interface ValidationRecordResult {
  name: string;
  value: string;
  created: boolean;
  error?: ProviderError;
}

/** Creates certificate-validation CNAMEs (DNS only) at the DNS host; each is refused unless it is shaped like one under a link host. */
export async function createValidationRecordsAction(raw: unknown): Promise<DnsActionResult<ValidationRecordResult[]>> {
  const refused = await limited();
  if (refused) return refused;
  const parsed = validationInput.safeParse(raw);
  if (!parsed.success) return { ok: false, message: MALFORMED };
  const { hosts, errors } = checkHostnames(parsed.data.hosts.map((token, i) => ({ token, line: i + 1 })));
  const records = parsed.data.records.map((r) => validationRecordOf(r, hosts));
  if (errors.length > 0 || records.some((r) => r === null)) return { ok: false, message: MALFORMED };
  const connected = await connect(parsed.data.dnsHost, parsed.data.account, hosts);
  if (!connected.ok) return connected;
  const { conn } = connected;
  return guarded("validation", async () => {
    const results: ValidationRecordResult[] = [];
    for (const r of records as { name: string; value: string }[]) {
      const out = await conn.server.createValidationRecord(conn.credentials, r, conn.ctx);
      results.push(out.ok ? { name: r.name, value: out.record.value, created: out.created } : { name: r.name, value: r.value, created: false, error: out.error });
    }
    return { ok: true, data: results };
  });
}
