import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const q = "cdn=cloudfront&host=ablink.subdomain.customer.com&host=ablink.info.customer.com";
const pages = [
  "/",
  "/setup",
  "/setup?cdn=cloudfront&step=hosts",
  `/setup?${q}&step=mode`,
  `/setup?${q}&mode=manual&step=configure`,
  `/setup?${q}&mode=apply&step=configure`,
  `/setup?${q}&mode=manual&step=test`,
  `/setup?${q}&mode=manual&step=dns`,
  `/setup?${q}&mode=manual&step=next`,
  `/checklist?${q}`,
  "/checklist?cdn=cloudfront&host=bad",
  ...["cloudflare", "fastly", "keycdn"].flatMap((cdn) => {
    const p = `cdn=${cdn}&host=ablink.subdomain.customer.com&host=ablink.info.customer.com`;
    return [...["configure", "test", "dns", "next"].map((step) => `/setup?${p}&mode=manual&step=${step}`), `/setup?${p}&mode=apply&step=configure`, `/checklist?${p}`];
  }),
  `/setup?${q}&mode=manual&step=configure&present=1`,
];

for (const path of pages) {
  test(`axe: no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
