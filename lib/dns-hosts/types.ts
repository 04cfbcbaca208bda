import type { CredentialField, ProviderError } from "@/lib/providers/types";

/**
 * DNS hosts: where the link host's record lives, and the one record the switch moves (issue 17). Client-safe
 * types shared by every DNS host folder (lib/dns-hosts/<id>/), the server actions and the Update DNS step.
 * Nothing here names a DNS host: each folder describes itself.
 */

/** What the wizard shows about a DNS host before any credential is typed. Safe for client bundles. */
export interface DnsHostInfo {
  /** The host's id in DNS_HOST_IDS. */
  id: string;
  /** As the provider names its DNS service. */
  name: string;
  credentialFields: CredentialField[];
  /** The smallest permissions the read, switch, roll back and validation records need, in the provider's words. */
  permissions: string[];
  /** Where the person finds the record in the provider's console, completing "Open …". */
  console: string;
  /** The TTL that means "the host decides", when the host has one: shown as `words`, lasting `seconds` for a DNS-only record. */
  automaticTtl?: { value: number; words: string; seconds: number };
}

/**
 * One DNS record as the DNS host holds it: what the wizard shows before any write, keeps in the page's result
 * (never with a credential) and writes back on rollback. Only fields a DNS host has are set; everything a
 * host returns for the record is kept, so a rollback restores it exactly.
 */
export interface LinkRecord {
  /** Fully qualified, lower case, no trailing dot. */
  name: string;
  type: "CNAME";
  /** Seconds, or the host's automatic value (DnsHostInfo.automaticTtl). */
  ttl: number;
  /** The target exactly as the host holds it. */
  value: string;
  /** The host's id of the record, where records have one. */
  id?: string;
  /** Where the host can proxy a record: whether it does. */
  proxied?: boolean;
  comment?: string | null;
  tags?: string[];
  /** Per-record settings the host keeps (e.g. CNAME flattening), as read. */
  settings?: Record<string, boolean>;
  /** When the host last changed it, as the host says: a version to compare before writing. */
  modifiedOn?: string;
}

export interface DnsZoneRef {
  id: string;
  /** Lower case, no trailing dot. */
  name: string;
}

/** One step of what a switch, rollback or TTL change will do, in order, shown before it is done. */
export interface DnsChange {
  action: "read" | "delete" | "create" | "replace";
  record: LinkRecord;
  /** One line: what and why, in the host's terms ("DELETE the exact record read, in one batch with …"). */
  words: string;
}

/** A record the wizard reads, writes and can roll back, and what the switch will write instead. */
export interface SwitchPlan {
  current: LinkRecord;
  next: LinkRecord;
  changes: DnsChange[];
  /** What the person should know first (a proxied record turned DNS only, a long TTL). */
  notes: string[];
}

/** The read before any write: the zone, the exact record, and the plan of the switch to `target`. */
export interface HostRecordRead {
  host: string;
  dnsHost: string;
  zone: DnsZoneRef;
  plan: SwitchPlan;
  /** Set when the record's TTL is long enough that lowering it first is worth it (docs/dns-hosts/README.md#ttl). */
  lowerTtlFirst?: { from: number; to: number };
}

/** Where a write stands at the DNS host: its own signal that every one of its servers has it. */
export type PropagationStatus = "in-sync" | "pending";

/** What the authoritative servers answer for the host after a write (or, in the sandbox, a simulation). */
export interface AuthoritativeAnswer {
  /** "CNAME x", "NXDOMAIN", "no answer: …". */
  seen: string;
  /** True when it answers with the record just written. */
  matches: boolean;
  /** The servers asked, or the sandbox's words for what it did instead. */
  servers: string[];
  simulated: boolean;
}

/** The result of a switch, rollback or TTL change: everything needed to undo it, and nothing secret. */
export interface RecordWriteResult {
  host: string;
  dnsHost: string;
  zone: DnsZoneRef;
  /** The record exactly as it was before this write (the "previous value"). */
  previous: LinkRecord;
  /** The record as this write left it. */
  written: LinkRecord;
  /** The host's change id, where it has one, for asking again whether it is in sync. */
  changeId?: string;
  status: PropagationStatus;
  authoritative?: AuthoritativeAnswer;
  /** How long public resolvers may still give the old answer: the previous record's TTL, in seconds. */
  oldTtlSeconds: number;
  /** What happened, in one line. */
  summary: string;
}

/** A refused or failed read or write: what happened to the record, and what to do. */
export interface DnsHostFailure {
  error: ProviderError;
  /**
   * What the record is now, when the failure left that in doubt and the host could be asked again: after a failed
   * write, the wizard reads the record once more so that nothing half-done goes unreported.
   */
  recordNow?: LinkRecord | null;
}

export type DnsOutcome<T> = ({ ok: true } & T) | ({ ok: false } & DnsHostFailure);

/** A DNS host's client-safe facts (lib/dns-hosts/<id>/facts.ts): what the wizard, detection and the plan ask it. */
export interface DnsHostFacts {
  info: DnsHostInfo;
  /** The host names of this DNS host's name servers (docs/dns-hosts/README.md#detection). */
  nameServers: RegExp;
  /** The API base URL's environment variable and default (none: the SDK's). */
  endpoint: { env: string; default?: string };
  /** The record the switch writes in place of `current`, pointing at `target`. */
  switchedRecord(current: LinkRecord, target: string): LinkRecord;
  /** A certificate-validation CNAME as this host creates it (never proxied). */
  validationRecord(name: string, value: string): LinkRecord;
  /** What this host's switch changes besides the target, worth saying first (a setting it turns off). */
  switchNotes?(current: LinkRecord): string[];
  /** How this host replaces `expected` with `next`, step by step, only if the record is still `expected`. */
  casSteps(expected: LinkRecord, next: LinkRecord): DnsChange[];
}
