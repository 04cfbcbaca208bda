import type { ProviderError } from "@/lib/providers/types";
import type { DnsHostInfo, LinkRecord } from "./types";

/**
 * The refusals every DNS host shares, in words for people: what is wrong and what to do
 * (docs/dns-hosts/README.md#safe-cut-over). A host's own failures (its error codes) stay in its folder.
 */

export function describeRecord(r: LinkRecord, info?: Pick<DnsHostInfo, "automaticTtl">): string {
  const ttl = info?.automaticTtl && r.ttl === info.automaticTtl.value ? info.automaticTtl.words : `TTL ${r.ttl} s`;
  const proxy = r.proxied === undefined ? "" : r.proxied ? ", proxied" : ", DNS only";
  return `${r.type} ${r.value} (${ttl}${proxy})`;
}

export const REFUSAL = {
  zoneNotFound(host: string, looked: readonly string[], dnsHost: DnsHostInfo, fix: string): ProviderError {
    return {
      code: "zone_not_found",
      message: `${dnsHost.name} has no zone for ${host} that these credentials can see (looked for ${looked.join(", ")}).`,
      action: fix,
    };
  },
  apex(host: string, dnsHost: DnsHostInfo): ProviderError {
    return {
      code: "zone_apex",
      message: `${host} is the apex of its own zone at ${dnsHost.name}: a CNAME cannot sit at a zone apex, so the switch is refused.`,
      action: `Change it by hand at ${dnsHost.console} (an apex needs the host's own alias or flattening feature), or use a link host below the zone.`,
    };
  },
  noRecord(host: string, zone: string, dnsHost: DnsHostInfo): ProviderError {
    return {
      code: "no_record",
      message: `${dnsHost.name} has no record for ${host} in the zone ${zone}, so there is nothing to switch.`,
      action: `Link branding needs ${host} as a CNAME to SendGrid first: create it as your email provider shows it, validate the branding, then switch.`,
    };
  },
  otherRecords(host: string, types: readonly string[], dnsHost: DnsHostInfo): ProviderError {
    return {
      code: "other_records",
      message: `${host} has ${types.join(", ")} record${types.length === 1 ? "" : "s"} at ${dnsHost.name}, not one CNAME: the switch only replaces a single CNAME and never touches other records.`,
      action: `Look at ${host} in ${dnsHost.console}: a link host is one CNAME. Remove what does not belong there by hand, then read the record again.`,
    };
  },
  routingPolicy(host: string, dnsHost: DnsHostInfo, what: string): ProviderError {
    return {
      code: "routing_policy",
      message: `${host} is ${what} at ${dnsHost.name}, so the switch is refused: it only replaces one plain CNAME.`,
      action: `Change it by hand at ${dnsHost.console}, keeping the routing you set up, or make it one plain CNAME first.`,
    };
  },
  changedSinceRead(host: string, now: LinkRecord | null | undefined, dnsHost: DnsHostInfo): ProviderError {
    const seen = now === undefined ? "" : now === null ? " It has no record now." : ` It is now ${describeRecord(now, dnsHost)}.`;
    return {
      code: "record_changed",
      message: `The record for ${host} changed at ${dnsHost.name} since it was read, so nothing was written.${seen}`,
      action: "Read the record again, check that the new value is what you expect, then switch (or roll back) from there.",
    };
  },
  validationTaken(name: string, now: LinkRecord, dnsHost: DnsHostInfo): ProviderError {
    return {
      code: "record_exists",
      message: `${name} already has a different record at ${dnsHost.name} (${describeRecord(now, dnsHost)}), so nothing was written.`,
      action: `Check it in ${dnsHost.console}: if it is an old validation record, delete it by hand and try again; otherwise create the record the certificate asks for by hand.`,
    };
  },
  missingPermission(permission: string, dnsHost: DnsHostInfo, nothingChanged: boolean): ProviderError {
    return {
      code: "missing_permission",
      message: `These credentials lack ${permission} at ${dnsHost.name}.${nothingChanged ? " Nothing was changed." : ""}`,
      action: `Add ${permission} to the credentials (the permissions listed beside the fields), then try again.`,
    };
  },
};
