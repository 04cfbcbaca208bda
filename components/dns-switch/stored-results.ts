import type { RecordWriteResult } from "@/lib/dns-hosts/types";

/**
 * What the DNS switch did, kept in this tab's sessionStorage so that the previous record is never lost: after a
 * reload the result, its previous value and its Roll back are still here. Records and zone ids only, never a
 * credential (docs/contract.md#secrets).
 */
export interface StoredSwitch {
  /** What the write was: the switch (roll back offered), a rollback, or a TTL lowered before switching. */
  kind: "switch" | "rollback" | "ttl";
  result: RecordWriteResult;
  /** When the TTL was lowered before the switch: the record as it was before that, so it is not lost either. */
  beforeTtlChange?: RecordWriteResult["previous"];
  /** The write was made in the sandbox's DNS host. */
  sandbox: boolean;
  at: string;
}

const KEY = "dns-switch-results";

function isStored(v: unknown): v is StoredSwitch {
  const s = v as StoredSwitch | null;
  return typeof s === "object" && s !== null && typeof s.sandbox === "boolean" && ["switch", "rollback", "ttl"].includes(s.kind) && typeof s.result?.host === "string" && typeof s.result?.previous?.value === "string" && typeof s.result?.written?.value === "string";
}

function readStored(): Record<string, StoredSwitch> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([host, v]) => isStored(v) && v.result.host === host)) as Record<string, StoredSwitch>;
  } catch {
    return {};
  }
}

/** For useSyncExternalStore: the stored results, read once and then kept here as they change. */
let current: Record<string, StoredSwitch> | null = null;
const listeners = new Set<() => void>();
const NONE: Record<string, StoredSwitch> = {};

export const storedSwitches = () => (current ??= readStored());
export const noStoredSwitches = () => NONE;
export function subscribeStoredSwitches(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function storeSwitch(entry: StoredSwitch | null, host: string): void {
  const all = { ...storedSwitches() };
  if (entry) all[host] = entry;
  else delete all[host];
  current = all;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the result stays on the page and on the checklist link, nothing else changes.
  }
  for (const l of listeners) l();
}
