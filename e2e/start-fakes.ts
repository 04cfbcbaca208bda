// Starts every provider's fake on its fixed loopback port for the end-to-end run, and keeps them running
// until Playwright stops this process. Run with: node --conditions=react-server --import tsx e2e/start-fakes.ts
import { ALL_PERMISSIONS, CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";
import { startCloudfrontFakes } from "@/lib/sandbox/fakes/cloudfront/start";
import { FastlyFake } from "@/lib/sandbox/fakes/fastly/fake";
import { KeycdnFake } from "@/lib/sandbox/fakes/keycdn/fake";
import { startFake } from "@/lib/sandbox/http-fake";
import { sesOrigin, sparkpostOrigin } from "@/lib/verify/testing/esp-origins";
import { plainRRSet, Route53Fake } from "@/lib/sandbox/fakes/route53/fake";
import { serveZoneCnames } from "@/lib/sandbox/fakes/route53/serve-dns";
import { startWorld, type World } from "@/lib/verify/testing/world";
import {
  CANARY_AWS,
  CANARY_CLOUDFLARE_TOKEN,
  CANARY_FASTLY_TOKEN,
  CANARY_KEYCDN_KEY,
  DENIED_AWS,
  E2E_AWS,
  E2E_CLOUDFLARE_NO_DNS_TOKEN,
  E2E_CLOUDFLARE_TOKEN,
  E2E_CLOUDFLARE_ZONES,
  E2E_FASTLY_TOKEN,
  E2E_KEYCDN_KEY,
} from "./accounts";
import { FAKE_PORTS, VERIFY_PKI_DIR, VERIFY_PORTS } from "./ports";
import { DNS_HOSTS, DNS_NAME_SERVERS, DNS_ZONE, LINK_TTL, ownerOf } from "./dns-scenarios";
import { VERIFY_DOMAIN, VERIFY_ESP_HOSTS, VERIFY_HOSTS, VERIFY_HSTS_HEADER, VERIFY_OTHER_CDN, VERIFY_SES_REGION, VERIFY_TARGET } from "./verify-scenarios";

const AWS_ACCOUNT_ID = "444455556666";

/**
 * The verifier's loopback internet, started first: its CA must be on disk before the app starts, because the
 * app reads NODE_EXTRA_CA_CERTS once at start (Playwright starts the web servers in order).
 */
async function startVerifyWorld(): Promise<World> {
  const dnsHosts = Object.values(DNS_HOSTS);
  return startWorld({
    ports: VERIFY_PORTS,
    pkiDir: VERIFY_PKI_DIR,
    sites: {
      [VERIFY_DOMAIN]: { https: { status: 200, headers: { "strict-transport-security": VERIFY_HSTS_HEADER }, body: "brand home" } },
      [VERIFY_HOSTS.ready]: {},
      [VERIFY_HOSTS.wildcard]: { cert: "wildcard" },
      [VERIFY_HOSTS.elsewhere]: {},
      [VERIFY_ESP_HOSTS.sparkpost]: { origin: sparkpostOrigin },
      [VERIFY_ESP_HOSTS.ses]: { origin: sesOrigin(VERIFY_SES_REGION) },
      [VERIFY_ESP_HOSTS.wrongEsp]: {},
      ...Object.fromEntries(dnsHosts.map((h) => [h, h === DNS_HOSTS.broken ? { cert: "wildcard" as const } : {}])),
    },
    dns: {
      // The domain's zone is at Route 53 (e2e/dns-scenarios.ts): the DNS step detects it.
      [VERIFY_DOMAIN]: { a: ["127.0.0.1"], ns: DNS_NAME_SERVERS },
      "sendgrid.net": { a: ["127.0.0.1"] },
      [VERIFY_TARGET]: { a: ["127.0.0.1"] },
      [VERIFY_HOSTS.ready]: { cname: "sendgrid.net" },
      [VERIFY_HOSTS.wildcard]: { cname: "sendgrid.net" },
      [VERIFY_OTHER_CDN]: { a: ["127.0.0.1"] },
      [VERIFY_HOSTS.elsewhere]: { cname: VERIFY_OTHER_CDN },
      "spgo.io": { a: ["127.0.0.1"] },
      [`r.${VERIFY_SES_REGION}.awstrack.me`]: { a: ["127.0.0.1"] },
      [VERIFY_ESP_HOSTS.sparkpost]: { cname: "spgo.io" },
      [VERIFY_ESP_HOSTS.wrongEsp]: { cname: "spgo.io" },
      [VERIFY_ESP_HOSTS.ses]: { cname: `r.${VERIFY_SES_REGION}.awstrack.me` },
      ...Object.fromEntries(dnsHosts.flatMap((h) => [[h, { cname: "sendgrid.net" }], [ownerOf(h), { cname: "sendgrid.net" }]])),
    },
    preload: { [VERIFY_DOMAIN]: "preloaded" },
  });
}

/**
 * Route 53 for the DNS switch: the e2e AWS account hosts the verifier's domain, with each DNS host's link record and
 * owner record. Once a change is INSYNC its CNAMEs are what the loopback DNS server answers, so the verifier sees the
 * switch exactly when Route 53 says every name server has it.
 */
async function startRoute53(world: World) {
  const fake = new Route53Fake({
    accounts: Object.fromEntries([E2E_AWS, CANARY_AWS, DENIED_AWS].map((a) => [a.accessKeyId, { secret: a.secretAccessKey, accountId: AWS_ACCOUNT_ID }])),
    syncAfterGets: 1,
    onSync: (zone, rrsets) => serveZoneCnames(world.dns.records, zone, rrsets),
  });
  const zone = fake.addZone(E2E_AWS.accessKeyId, DNS_ZONE, { nameServers: DNS_NAME_SERVERS });
  for (const host of Object.values(DNS_HOSTS)) for (const name of [host, ownerOf(host)]) fake.putRRSet(zone.id, plainRRSet(name, "CNAME", LINK_TTL, ["sendgrid.net"]));
  await startFake(fake, { port: FAKE_PORTS.route53, controls: true });
}

async function main() {
  const world = await startVerifyWorld();
  await startRoute53(world);
  await startCloudfrontFakes({
    controls: true,
    accounts: Object.fromEntries([E2E_AWS, CANARY_AWS, DENIED_AWS].map((a) => [a.accessKeyId, { secret: a.secretAccessKey, accountId: AWS_ACCOUNT_ID }])),
    cloudfrontPort: FAKE_PORTS.cloudfront,
    acmPort: FAKE_PORTS.acm,
    issueAfterDescribes: 1,
    deployAfter: { ms: 1000 },
  });

  const cloudflare = new CloudflareFake({
    readsUntilActive: 1,
    tokens: {
      [E2E_CLOUDFLARE_TOKEN]: { permissions: { ...ALL_PERMISSIONS } },
      [CANARY_CLOUDFLARE_TOKEN]: { permissions: { ...ALL_PERMISSIONS } },
      [E2E_CLOUDFLARE_NO_DNS_TOKEN]: { permissions: { ...ALL_PERMISSIONS, dns: "read" } },
    },
  });
  for (const zone of E2E_CLOUDFLARE_ZONES) cloudflare.addZone(zone, { acm: true });
  await startFake(cloudflare, { port: FAKE_PORTS.cloudflare, controls: true });

  await startFake(new FastlyFake({ tokens: { [E2E_FASTLY_TOKEN]: { scope: "global" }, [CANARY_FASTLY_TOKEN]: { scope: "global" } } }), { port: FAKE_PORTS.fastly, controls: true });
  await startFake(new KeycdnFake({ keys: [E2E_KEYCDN_KEY, CANARY_KEYCDN_KEY] }), { port: FAKE_PORTS.keycdn, controls: true });
  console.log("fakes: listening on loopback");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
