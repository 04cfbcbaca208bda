import type { ResolvedEsp } from "@/lib/domain/esp";
import { resolveEsp } from "@/lib/esps/choice";
import { splitZone } from "@/lib/hostnames";
import type { DnsRecord, HostPlan, Plan, PlanInput } from "@/lib/domain/plan";
import type { ProviderInfo } from "@/lib/providers/types";

/**
 * What every provider's plan shares: records, the known CDN address, and the plan's envelope. The steps written
 * from the email provider's order are in esp-steps.ts.
 */

/** Why the certificate must name the exact host: a wildcard covers exactly one label (RFC 6125 §6.4.3). */
export function exactCertificateNote(host: string, zone: string): string {
  const parent = host.split(".").slice(1).join(".");
  return parent === zone
    ? `The certificate must name ${host}. A wildcard *.${zone} would also cover it, but the exact name avoids surprises.`
    : `The certificate must name ${host} exactly. A wildcard *.${zone} does NOT cover it: a wildcard covers exactly one label, and ${host} is deeper.`;
}

export function cnameRecord(
  host: string,
  value: string,
  opts: { valueKnown?: boolean; purpose: string; phase: DnsRecord["phase"]; proxied?: boolean; ttl?: string; zone?: string },
): DnsRecord {
  const { zone, relativeName } = splitZone(host, opts.zone);
  return {
    type: "CNAME",
    name: host,
    relativeName,
    zone,
    value,
    valueKnown: opts.valueKnown ?? true,
    proxied: opts.proxied,
    ttl: opts.ttl ?? "Auto",
    purpose: opts.purpose,
    phase: opts.phase,
  };
}

/** The known CNAME target of the i-th host, if the plan input carries one. */
export function knownTarget(input: PlanInput, host: string): string | undefined {
  const t = input.targets?.[input.hosts.indexOf(host)];
  return t && t.trim() !== "" ? t : undefined;
}

/** How the plan says each thing the ESP needs done before the CDN is built (invariant 8). */
export function beforeWarnings(esp: Pick<ResolvedEsp, "order">): string[] {
  return esp.order.before.map((line) => `Before you start: ${line}`);
}

/**
 * A provider's plan: the same envelope for every CDN, one host plan per hostname, each built for the resolved email
 * provider. What the ESP needs done before the CDN is built is said on each host's first step (invariant 8).
 */
export function planOf(info: ProviderInfo, input: PlanInput, hostPlan: (host: string, input: PlanInput, esp: ResolvedEsp) => HostPlan): Plan {
  const email = resolveEsp(input);
  const withOrder = (hp: HostPlan): HostPlan => {
    const [first, ...rest] = hp.steps;
    return first ? { ...hp, steps: [{ ...first, warnings: [...beforeWarnings(email), ...(first.warnings ?? [])] }, ...rest] } : hp;
  };
  return {
    version: 1,
    cdn: info.id,
    cdnName: info.name,
    esp: email.esp,
    espName: email.name,
    region: input.region,
    ...(email.tenant ? { tenant: email.tenant } : {}),
    origin: email.origin,
    hosts: input.hosts.map((h) => withOrder(hostPlan(h, input, email))),
  };
}
