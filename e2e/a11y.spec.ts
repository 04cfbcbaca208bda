import { test } from "@playwright/test";
import { CORE_PAGES, expectNoAxeViolations, SAMPLE_QUERY } from "./helpers";

const q = SAMPLE_QUERY;
const pages = new Set([
  ...CORE_PAGES,
  `/setup?${q}&mode=manual&step=test`,
  `/setup?${q}&mode=manual&step=next`,
  "/checklist?cdn=cloudfront&host=bad",
  ...["cloudflare", "fastly", "keycdn"].flatMap((cdn) => {
    const p = `cdn=${cdn}&host=ablink.subdomain.customer.com&host=ablink.info.customer.com`;
    return [...["configure", "test", "dns", "next"].map((step) => `/setup?${p}&mode=manual&step=${step}`), `/setup?${p}&mode=apply&step=configure`, `/checklist?${p}`];
  }),
  // Presenter mode (screen sharing) and its checklist.
  `/setup?${q}&mode=manual&step=configure&present=1`,
  `/setup?${q}&mode=manual&step=test&present=1`,
  `/setup?${q}&mode=apply&step=configure&present=1`,
  `/checklist?${q}&present=1`,
  // The console-panel pictures, for every provider; and each provider's checklist.
  ...["cloudfront", "cloudflare", "fastly", "keycdn"].flatMap((cdn) => {
    const hosts = "host=ablink.subdomain.customer.com&host=ablink.info.customer.com";
    return [`/setup?cdn=${cdn}&${hosts}&mode=manual&step=configure&view=console`, `/checklist?cdn=${cdn}&${hosts}`];
  }),
  `/setup?${q}&mode=manual&step=configure&view=console&present=1`,
  // Step 1, the email provider: its options, another region's field, a tenant, guidance; managed HTTPS first.
  "/setup?esp=ses&region=eu-west-2&step=esp",
  "/setup?esp=sparkpost&tenant=acme&step=esp",
  "/setup?esp=customerio",
  "/setup?esp=sparkpost&region=eu&step=cdn",
  "/setup?esp=sendgrid&step=cdn",
  `/setup?cdn=cloudfront&esp=sparkpost&region=eu&host=click.news.customer.com&mode=manual&step=configure`,
  `/setup?cdn=cloudfront&esp=ses&region=eu-central-1&host=click.news.customer.com&mode=manual&step=test`,
]);

for (const path of pages) {
  test(`axe: no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}
