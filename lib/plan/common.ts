import { resolveEsp } from "@/lib/esps/choice";
import { ownerRecordFor, splitZone } from "@/lib/hostnames";
import { EXAMPLE_TRACKED_PATH } from "@/lib/sendgrid";
import type { DnsRecord, HostPlan, Plan, PlanInput, PlanStep } from "@/lib/plan/types";
import type { ProviderInfo } from "@/lib/providers/types";

/**
 * Steps every provider shares: test before the DNS switch, switch only the link record, then ask the
 * account team. Provider plans pass in what differs (the CDN's name and address).
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

export function testStep(opts: { host: string; cdnName: string; cdnAddress: string; addressKnown: boolean; waitFor: string }): PlanStep {
  const { host, cdnName, cdnAddress, addressKnown } = opts;
  const address = addressKnown ? cdnAddress : "<CDN address>";
  const path = EXAMPLE_TRACKED_PATH;
  return {
    id: "test",
    title: `Test the ${cdnName} setup before touching DNS`,
    intro:
      "Use a tracked link from an email you already sent. Both requests below must answer with a redirect (3xx) to the link's destination, not a CDN error page. DNS still points at SendGrid, so nothing your recipients click changes yet.",
    actions: [
      opts.waitFor,
      `Copy a tracked link from a sent email and keep its path and query (it looks like ${path}).`,
      `HTTP: curl -sS -o /dev/null -w '%{http_code} %{redirect_url}\\n' -H 'Host: ${host}' 'http://${address}${path}' — expect 302 and the destination.`,
      `HTTPS: curl -sS -o /dev/null -w '%{http_code} %{redirect_url}\\n' --connect-to ${host}:443:${address}:443 'https://${host}${path}' — expect 302 with no certificate error.`,
      "If either answer is a 403, 502, 525 or a certificate error, stop here: do not change DNS until both pass.",
    ],
    warnings: addressKnown ? undefined : [`Replace <CDN address> with ${cdnAddress}.`],
  };
}

/** The owner record pasted with the chart for this host, shown as "leave as it is" (invariant 7). */
function ownerKeepRecord(host: string, input: PlanInput): DnsRecord | undefined {
  const name = ownerRecordFor(host, input.ownerRecords);
  if (!name) return undefined;
  return cnameRecord(name, resolveEsp(input).origin, {
    purpose: "SendGrid's owner record: leave it as it is, a DNS-only CNAME to SendGrid. Do not move it to the CDN.",
    phase: "keep",
    zone: splitZone(host).zone,
  });
}

/**
 * Invariant 8 (docs/sendgrid.md#invariant-8-validate-first-switch-after): shown with every DNS switch, and beside
 * the DNS step's "Ready to switch".
 */
export const REVALIDATION_WARNING =
  "Do not re-validate link branding in SendGrid after this change: the validation fails once the link host points at the CDN, and the branding stops working. Validate first, switch after.";

export function dnsStep(opts: { linkRecord: DnsRecord; cdnName: string; input: PlanInput }): PlanStep {
  const owner = ownerKeepRecord(opts.linkRecord.name, opts.input);
  return {
    id: "dns",
    title: "Update DNS: point the link host at the CDN",
    intro: `Only after both tests pass: change the link host's CNAME from SendGrid to ${opts.cdnName}. Change only this record.`,
    actions: [
      `At your DNS host, edit the existing CNAME for ${opts.linkRecord.name} so it points to the value below (replace, do not add a second record).`,
      "Leave every other link-branding record (the numeric owner record) pointing at SendGrid.",
      "Wait for the TTL to pass, then open a tracked link over HTTPS in a browser.",
    ],
    records: owner ? [opts.linkRecord, owner] : [opts.linkRecord],
    warnings: [
      REVALIDATION_WARNING,
    ],
  };
}

export function nextStep(cdnName: string): PlanStep {
  return {
    id: "next",
    title: "Ask for SSL click tracking",
    intro: `With ${cdnName} serving every link host over HTTPS, ask your account team (CSM or account manager) to turn on SSL click tracking.`,
    actions: [
      "Tell them every branded link host in the account now answers over HTTPS, and list the hosts.",
      "SSL click tracking is switched on per account; subusers are switched on separately.",
      "They will send a test email and click its links over HTTPS; keep the CDN settings unchanged until they confirm.",
    ],
  };
}

/** A provider's plan: the same envelope for every CDN, one host plan per hostname. */
export function planOf(info: ProviderInfo, input: PlanInput, hostPlan: (host: string, input: PlanInput) => HostPlan): Plan {
  const email = resolveEsp(input);
  return {
    version: 1,
    cdn: info.id,
    cdnName: info.name,
    esp: email.esp,
    espName: email.name,
    region: input.region,
    ...(email.tenant ? { tenant: email.tenant } : {}),
    origin: email.origin,
    hosts: input.hosts.map((h) => hostPlan(h, input)),
  };
}
