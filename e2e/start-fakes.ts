// Starts every provider's fake on its fixed loopback port for the end-to-end run, and keeps them running
// until Playwright stops this process. Run with: node --conditions=react-server --import tsx e2e/start-fakes.ts
import { ALL_PERMISSIONS, CloudflareFake } from "@/lib/providers/cloudflare/fake";
import { startCloudfrontFakes } from "@/lib/providers/cloudfront/sandbox";
import { FastlyFake } from "@/lib/providers/fastly/fake";
import { KeycdnFake } from "@/lib/providers/keycdn/fake";
import { startFake } from "@/lib/sandbox/http-fake";
import {
  CANARY_AWS,
  DENIED_AWS,
  E2E_AWS,
  E2E_CLOUDFLARE_NO_DNS_TOKEN,
  E2E_CLOUDFLARE_TOKEN,
  E2E_CLOUDFLARE_ZONES,
  E2E_FASTLY_TOKEN,
  E2E_KEYCDN_KEY,
} from "./accounts";
import { FAKE_PORTS } from "./ports";

const AWS_ACCOUNT_ID = "444455556666";

async function main() {
  await startCloudfrontFakes({
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
      [E2E_CLOUDFLARE_NO_DNS_TOKEN]: { permissions: { ...ALL_PERMISSIONS, dns: "read" } },
    },
  });
  for (const zone of E2E_CLOUDFLARE_ZONES) cloudflare.addZone(zone, { acm: true });
  await startFake(cloudflare, { port: FAKE_PORTS.cloudflare });

  await startFake(new FastlyFake({ tokens: { [E2E_FASTLY_TOKEN]: { scope: "global" } } }), { port: FAKE_PORTS.fastly });
  await startFake(new KeycdnFake({ keys: [E2E_KEYCDN_KEY] }), { port: FAKE_PORTS.keycdn });
  console.log("fakes: listening on loopback");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
