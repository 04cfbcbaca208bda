import type { LinkRecord } from "./types";

/**
 * The previous record of each host as the checklist link carries it (`prev`, per host in host order, "" for none;
 * docs/contract.md#dns-switch-at-the-dns-host): `TYPE:TTL:value`, so the printout can say what to set back by hand.
 * Client-safe; a value that does not parse prints nothing rather than something wrong.
 */
export interface PreviousValue {
  type: "CNAME";
  ttl: number;
  value: string;
}

const FORM = /^CNAME:(\d{1,10}):([A-Za-z0-9_.-]{1,254})$/;

export function previousParam(r: Pick<LinkRecord, "type" | "ttl" | "value">): string {
  return `${r.type}:${r.ttl}:${r.value}`;
}

export function parsePrevious(raw: string | undefined): PreviousValue | null {
  const m = raw ? FORM.exec(raw) : null;
  return m ? { type: "CNAME", ttl: Number(m[1]), value: m[2]! } : null;
}

/** `prev` values for the plan's hosts, in host order. */
export function previousParams(hosts: readonly string[], previous: Readonly<Record<string, Pick<LinkRecord, "type" | "ttl" | "value"> | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  if (!hosts.some((h) => previous[h])) return params;
  for (const h of hosts) params.append("prev", previous[h] ? previousParam(previous[h]) : "");
  return params;
}
