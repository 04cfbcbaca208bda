import "server-only";
import type * as z from "zod/mini";
import type { DnsHostId } from "./registry";
import type { DnsOutcome, DnsZoneRef, LinkRecord, PropagationStatus } from "./types";

/** What a DNS host's adapter is given besides credentials: where its API is, and how long to wait. */
export interface DnsContext {
  /** The API base URL; undefined: the SDK's default (the real API). */
  endpoint?: string;
  /** Retries after a throttle or a transient failure. */
  maxRetries?: number;
  maxRetryDelayMs?: number;
  requestTimeoutMs?: number;
  /** How the adapter waits between looks at a change (default a timer); tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Between looks at a change (default 2 s). */
  pollMs?: number;
  /** The longest wait for the host's own "in sync" signal before answering "pending" (default 90 s). */
  syncWaitMs?: number;
}

export const DEFAULT_POLL_MS = 2_000;
export const DEFAULT_SYNC_WAIT_MS = 90_000;

/** A validation record to create (certificate validation; DNS only): a CNAME under a link host. */
export interface ValidationRecord {
  name: string;
  value: string;
}

/**
 * The server-only half of a DNS host (lib/dns-hosts/<id>/server.ts). It finds the zone, reads the one record
 * exactly, and writes only by compare-and-swap: a write names the record it expects to find, and nothing changes
 * when the record is anything else. Results never contain credentials.
 */
export interface DnsHostServer<C> {
  id: DnsHostId;
  credentialsSchema: z.ZodMiniType<C>;
  /** The zone that holds `host` and its record, exactly as the host holds it; refuses what must not be switched. Changes nothing. */
  read(credentials: C, host: string, ctx: DnsContext): Promise<DnsOutcome<{ zone: DnsZoneRef; record: LinkRecord }>>;
  /** Writes `next` in place of `expected`, only if the record is exactly `expected` now. */
  replace(credentials: C, zone: DnsZoneRef, expected: LinkRecord, next: LinkRecord, ctx: DnsContext): Promise<DnsOutcome<{ written: LinkRecord; changeId?: string }>>;
  /** The host's own signal that all its servers answer with the write, waiting up to ctx.syncWaitMs for it. */
  waitInSync(credentials: C, zone: DnsZoneRef, written: LinkRecord, changeId: string | undefined, ctx: DnsContext): Promise<DnsOutcome<{ status: PropagationStatus }>>;
  /** Creates a validation CNAME (never proxied), or finds the same one already there. */
  createValidationRecord(credentials: C, record: ValidationRecord, ctx: DnsContext): Promise<DnsOutcome<{ zone: DnsZoneRef; record: LinkRecord; created: boolean; changeId?: string }>>;
}
