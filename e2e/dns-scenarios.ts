import { VERIFY_DOMAIN } from "./verify-scenarios";

/**
 * The DNS switch's end-to-end hosts (e2e/dns-switch.spec.ts, e2e/canary.spec.ts): link hosts in the Route 53 fake's
 * hosted zone for the verifier's domain, each a CNAME to SendGrid, each served by the loopback CDN (a site of the
 * verifier's world). The zone's name servers are Route 53's, so the wizard detects it. One host per test, so the
 * spec files running side by side never share a record.
 */
export const DNS_ZONE = VERIFY_DOMAIN;
export const DNS_NAME_SERVERS = ["ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com", "ns-1024.awsdns-00.org", "ns-512.awsdns-00.net"];
export const DNS_HOSTS = {
  /** Switch, verify, roll back, reload. */
  switchBack: `ablink.dns-switch.${VERIFY_DOMAIN}`,
  /** Someone edits the record between the read and the switch. */
  raced: `ablink.dns-race.${VERIFY_DOMAIN}`,
  /** Route 53 throttles the change batch three times in a row. */
  throttled: `ablink.dns-busy.${VERIFY_DOMAIN}`,
  /** The CDN answers with a certificate that does not name it: the switch is refused. */
  broken: `ablink.dns-broken.${VERIFY_DOMAIN}`,
  /** The credential canary's host. */
  canary: `ablink.dns-canary.${VERIFY_DOMAIN}`,
} as const;
/** The owner record beside each link host (`<user_id>.<parent>`), which the switch must never touch. */
export const ownerOf = (host: string) => `4815162342.${host.slice(host.indexOf(".") + 1)}`;
export const LINK_TTL = 3600;
