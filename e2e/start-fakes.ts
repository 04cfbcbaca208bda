// Starts every provider's fake on its fixed loopback port for the end-to-end run, and keeps them running
// until Playwright stops this process. Run with: node --conditions=react-server --import tsx e2e/start-fakes.ts
import { startFake } from "@/lib/sandbox/http-fake";
import { FAKE_PORTS } from "./ports";

const placeholder = { operation: () => "none", handle: () => ({ status: 404, body: "no fake here yet" }), reset: () => {} };

async function main() {
  await startFake(placeholder, { port: FAKE_PORTS.cloudfront });
  console.log("fakes: listening on loopback");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
