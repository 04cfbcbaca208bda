import type { DnsHostFacts, DnsHostInfo, HostRecordRead, LinkRecord, SwitchPlan } from "./types";

/**
 * The plan of a switch, pure and shared by every DNS host (each host says how it writes: DnsHostFacts): what will
 * be read, deleted, created or replaced, and what to know first (docs/dns-hosts/README.md#safe-cut-over).
 */

/**
 * Lower a long TTL first, wait out the old one, then switch: never the TTL and the target in one step. Long means
 * longer than five minutes, and five minutes is what it is lowered to (docs/dns-hosts/README.md#ttl).
 */
export const TTL_ADVICE = { lowerTo: 300 } as const;

/** How long resolvers may keep an answer of this record: its TTL, or what the host's automatic TTL lasts. */
export function effectiveTtl(record: LinkRecord, info: DnsHostInfo): number {
  return info.automaticTtl && record.ttl === info.automaticTtl.value ? info.automaticTtl.seconds : record.ttl;
}

export function duration(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds >= 86_400) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds % 3_600 === 0 && seconds >= 3_600) return `${seconds / 3_600} hour${seconds === 3_600 ? "" : "s"}`;
  if (seconds % 60 === 0 && seconds >= 60) return `${seconds / 60} minute${seconds === 60 ? "" : "s"}`;
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

const norm = (name: string) => name.toLowerCase().replace(/\.$/, "");

export function switchPlan(facts: DnsHostFacts, current: LinkRecord, target: string): SwitchPlan {
  const { info } = facts;
  if (norm(current.value) === norm(target)) {
    return { current, next: current, changes: [], notes: [`${current.name} already points at ${target}: there is nothing to switch.`] };
  }
  const next = facts.switchedRecord(current, target);
  const notes: string[] = [];
  if (current.proxied) notes.push(`The record is proxied now: the switch makes it DNS only, so that ${info.name} does not stand in front of the CDN.`);
  notes.push(...(facts.switchNotes?.(current) ?? []));
  notes.push(`After the switch, public resolvers may keep giving the old answer, ${current.value}, for up to ${duration(effectiveTtl(current, info))} (the old TTL).`);
  return { current, next, changes: facts.casSteps(current, next), notes };
}

/** The read shown before any write: the plan, and the offer to lower a long TTL first. */
export function recordRead(facts: DnsHostFacts, host: string, zone: HostRecordRead["zone"], current: LinkRecord, target: string): HostRecordRead {
  const ttl = effectiveTtl(current, facts.info);
  const lower = ttl > TTL_ADVICE.lowerTo && !current.proxied && norm(current.value) !== norm(target);
  return { host, dnsHost: facts.info.id, zone, plan: switchPlan(facts, current, target), ...(lower ? { lowerTtlFirst: { from: ttl, to: TTL_ADVICE.lowerTo } } : {}) };
}
