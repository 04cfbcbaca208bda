import type { ResourceRecordSet } from "@aws-sdk/client-route-53";
import { REFUSAL } from "@/lib/dns-hosts/refusals";
import type { LinkRecord } from "@/lib/dns-hosts/types";
import type { ProviderError } from "@/lib/providers/types";
import { route53Info } from "./info";

/**
 * Route 53 record sets as the wizard reads them, pure (docs/dns-hosts/route53.md#reading-the-record): names come back
 * lower case, fully qualified with a trailing dot, with characters outside a-z, 0-9 and hyphen as `\ooo` octal escapes.
 */

/** A Route 53 name as the wizard writes names: lower case, no trailing dot, escapes undone. */
export function fromRoute53Name(name: string): string {
  return name.replace(/\\(\d{3})/g, (_, oct: string) => String.fromCharCode(Number.parseInt(oct, 8))).toLowerCase().replace(/\.$/, "");
}

export const toRoute53Name = (name: string) => `${name}.`;

/** The record set as the change batch sends it: exactly the fields read, in the model's order. */
export function toRRSet(r: LinkRecord): ResourceRecordSet {
  return { Name: toRoute53Name(r.name), Type: r.type, TTL: r.ttl, ResourceRecords: [{ Value: r.value }] };
}

const ROUTING: (keyof ResourceRecordSet)[] = ["SetIdentifier", "Weight", "Region", "GeoLocation", "Failover", "MultiValueAnswer", "CidrRoutingConfig", "GeoProximityLocation"];

/**
 * The link record among the record sets at `host`: exactly one plain CNAME, or a refusal saying why not (other
 * records at the name, a routing policy, an alias, a health check or traffic policy).
 */
export function linkRecordOf(host: string, zone: string, rrsets: readonly ResourceRecordSet[]): { ok: true; record: LinkRecord } | { ok: false; error: ProviderError } {
  const at = rrsets.filter((r) => r.Name !== undefined && fromRoute53Name(r.Name) === host);
  if (at.length === 0) return { ok: false, error: REFUSAL.noRecord(host, zone, route53Info) };
  if (at.some((r) => ROUTING.some((k) => r[k] !== undefined))) return { ok: false, error: REFUSAL.routingPolicy(host, route53Info, "a routing-policy record set (it has a SetIdentifier)") };
  const others = [...new Set(at.filter((r) => r.Type !== "CNAME").map((r) => String(r.Type)))];
  if (others.length > 0) return { ok: false, error: REFUSAL.otherRecords(host, others, route53Info) };
  const [set] = at;
  if (!set || at.length > 1) return { ok: false, error: REFUSAL.otherRecords(host, at.map((r) => String(r.Type)), route53Info) };
  if (set.AliasTarget) return { ok: false, error: REFUSAL.routingPolicy(host, route53Info, `an alias record (to ${set.AliasTarget.DNSName ?? "another resource"})`) };
  if (set.HealthCheckId || set.TrafficPolicyInstanceId) return { ok: false, error: REFUSAL.routingPolicy(host, route53Info, "tied to a health check or a traffic policy") };
  const values = (set.ResourceRecords ?? []).map((r) => r.Value ?? "");
  if (set.TTL === undefined || values.length !== 1) return { ok: false, error: REFUSAL.otherRecords(host, ["CNAME"], route53Info) };
  return { ok: true, record: { name: host, type: "CNAME", ttl: set.TTL, value: values[0]! } };
}
