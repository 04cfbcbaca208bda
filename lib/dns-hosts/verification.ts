import type { EspId } from "@/lib/domain/ids";
import "server-only";
import type { CdnId, Region } from "@/lib/domain/plan";
import { createDnsClient, createResolver, describeHop, firstHop } from "@/lib/verify/dns";
import { Guard } from "@/lib/verify/guard";
import { settingsFromEnv, type VerifySettings } from "@/lib/verify/settings";
import { verifyHosts, type VerifyDeps } from "@/lib/verify/verify";
import type { AuthoritativeAnswer, LinkRecord } from "./types";

/**
 * What the switch asks the verifier (lib/verify): the lock, the before-switch verification of one host at this
 * moment, and afterwards the zone's own name servers' answer (docs/dns-hosts/README.md#safe-cut-over). Both use the
 * verifier's resolver and SSRF guard; in tests, VERIFY_DNS_SERVERS answers every question.
 */

export interface SwitchLock {
  ready: boolean;
  /** One line: why it is ready or not. */
  readiness: string;
  simulated: boolean;
}

export interface LockInput {
  cdn: CdnId;
  /** The email provider and its region: the lock checks that ESP's answer (SendGrid when absent). */
  esp?: EspId;
  region: Region;
  tenant?: string;
  host: string;
  target: string;
  link: string | null;
}

export async function verifyBeforeSwitch(input: LockInput, deps: VerifyDeps = {}): Promise<SwitchLock> {
  const report = await verifyHosts({ cdn: input.cdn, esp: input.esp, region: input.region, tenant: input.tenant, hosts: [input.host], targets: [input.target], link: input.link, phase: "before" }, deps);
  const host = report.hosts[0];
  return { ready: host?.readyToSwitch === true, readiness: host?.readiness ?? "Not ready: the check did not run.", simulated: false };
}

const lower = (n: string) => n.toLowerCase().replace(/\.$/, "");

/** The first hop the zone's own servers answer for `host`, compared with the record just written. */
export async function askAuthoritative(host: string, written: LinkRecord, settings: VerifySettings = settingsFromEnv()): Promise<AuthoritativeAnswer> {
  const resolver = createResolver(settings.dnsServers, settings.dnsTimeoutMs);
  const dns = createDnsClient(settings, new Guard({ settings, resolver }), resolver);
  const auth = await dns.authoritative(host);
  if (!auth.ok) return { seen: `the zone's name servers could not be asked: ${auth.error}`, matches: false, servers: [], simulated: false };
  const hop = await firstHop(host, auth.resolver);
  return { seen: describeHop(hop), matches: hop.kind === "cname" && hop.target === lower(written.value), servers: auth.servers, simulated: false };
}
