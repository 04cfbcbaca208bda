import "server-only";
import { parentOf, registrableDomain } from "@/lib/hostnames";
import type { DnsHostId } from "@/lib/dns-hosts/registry";
import { SENDGRID_ORIGIN } from "@/lib/esps/sendgrid";
import { ALL_PERMISSIONS, CloudflareFake } from "./fakes/cloudflare/fake";
import { plainRRSet, Route53Fake } from "./fakes/route53/fake";
import type { FakeRequest } from "./http-fake";
import type { CdnSandbox } from "./visitor-accounts";

/**
 * The sandbox DNS hosts: a Route 53 and a Cloudflare DNS account per visitor, each a fake of its own, so a newcomer
 * can try the switch and the rollback. A hostname seen for the first time gets its zone (the registrable domain)
 * and the records link branding made: the link host's CNAME to SendGrid and an owner record beside it, which the
 * switch must leave alone. Keyed apart from the CDN sandboxes (`dns-<id>`), so a DNS account is never a CDN's.
 */
export type DnsSandboxId = `dns-${DnsHostId}`;
export const dnsSandboxId = (id: DnsHostId): DnsSandboxId => `dns-${id}`;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const header = (req: FakeRequest, name: string): string => String(req.headers[name] ?? "");
/** SendGrid's owner record is `<user_id>.<parent>`; the sandbox's user id is made up. */
const SANDBOX_USER_ID = "31415926";
const LINK_TTL = 3600;

function seeds(host: string): { zone: string; owner: string } {
  return { zone: registrableDomain(host) ?? parentOf(host), owner: `${SANDBOX_USER_ID}.${parentOf(host)}` };
}

export const DNS_SANDBOXES: Record<DnsSandboxId, CdnSandbox> = {
  "dns-route53": {
    services: ["dns-route53"],
    credentials: (seed) => ({
      accessKeyId: `AKIA${[...seed("key").subarray(0, 16)].map((b) => BASE32[b % 32]).join("")}`,
      secretAccessKey: seed("secret").subarray(0, 30).toString("base64"),
    }),
    accountKey: (c) => c.accessKeyId!,
    presented: (_, req) => /Credential=([A-Z0-9]+)\//.exec(header(req, "authorization"))?.[1],
    fakes: (c) => ({ "dns-route53": new Route53Fake({ accounts: { [c.accessKeyId!]: c.secretAccessKey! }, syncAfterGets: 1 }) }),
    prepare(fakes, c, hosts) {
      const fake = fakes["dns-route53"] as Route53Fake;
      for (const host of hosts) {
        const { zone, owner } = seeds(host);
        const existing = fake.zones(c.accessKeyId!).find((z) => z.name === `${zone}.`);
        const id = existing?.id ?? fake.addZone(c.accessKeyId!, zone).id;
        fake.putRRSet(id, plainRRSet(host, "CNAME", LINK_TTL, [SENDGRID_ORIGIN.global]));
        fake.putRRSet(id, plainRRSet(owner, "CNAME", LINK_TTL, [SENDGRID_ORIGIN.global]));
      }
    },
  },
  "dns-cloudflare": {
    services: ["dns-cloudflare"],
    credentials: (seed) => ({ apiToken: `sandbox_cloudflare_dns_${seed("token").toString("hex").slice(0, 40)}` }),
    accountKey: (c) => c.apiToken!,
    presented: (_, req) => /^Bearer (\S+)$/.exec(header(req, "authorization"))?.[1],
    fakes: (c) => ({ "dns-cloudflare": new CloudflareFake({ tokens: { [c.apiToken!]: { permissions: { ...ALL_PERMISSIONS } } } }) }),
    prepare(fakes, _c, hosts) {
      const fake = fakes["dns-cloudflare"] as CloudflareFake;
      for (const host of hosts) {
        const { zone, owner } = seeds(host);
        fake.addZone(zone);
        fake.addRecord(zone, { name: host, type: "CNAME", content: SENDGRID_ORIGIN.global, ttl: LINK_TTL });
        fake.addRecord(zone, { name: owner, type: "CNAME", content: SENDGRID_ORIGIN.global, ttl: LINK_TTL });
      }
    },
  },
};
