// Starts every provider's fake on its fixed loopback port for the end-to-end run, and keeps them running
// until Playwright stops this process. Run with: node --conditions=react-server --import tsx e2e/start-fakes.ts
import { startCloudfrontFakes } from "@/lib/providers/cloudfront/sandbox";
import { CANARY_AWS, DENIED_AWS, E2E_AWS } from "./accounts";
import { FAKE_PORTS } from "./ports";

const ACCOUNT_ID = "444455556666";

async function main() {
  await startCloudfrontFakes({
    accounts: Object.fromEntries([E2E_AWS, CANARY_AWS, DENIED_AWS].map((a) => [a.accessKeyId, { secret: a.secretAccessKey, accountId: ACCOUNT_ID }])),
    cloudfrontPort: FAKE_PORTS.cloudfront,
    acmPort: FAKE_PORTS.acm,
    issueAfterDescribes: 1,
    deployAfter: { ms: 1000 },
  });
  console.log("fakes: listening on loopback");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
