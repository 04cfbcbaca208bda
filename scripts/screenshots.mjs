// Screenshots of every page at desktop, narrow (360 px) and print, for looking at what we build.
// Usage: node scripts/screenshots.mjs http://127.0.0.1:3000 out-dir
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { CHROMIUM_PATH, CHROMIUM_ARGS } from "./chromium.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? "test-results/screenshots";
mkdirSync(out, { recursive: true });
const q = "cdn=cloudfront&host=ablink.subdomain.customer.com&host=ablink.info.customer.com";
const pages = [
  ["home", "/"],
  ["setup-esp", "/setup"],
  ["setup-esp-ses", "/setup?esp=ses&region=eu-west-2&step=esp"],
  ["setup-esp-guide", "/setup?esp=mailgun"],
  ["setup-cdn", "/setup?step=cdn"],
  ["setup-cdn-managed", "/setup?esp=sparkpost&region=eu&step=cdn"],
  ["setup-configure-sparkpost", "/setup?cdn=cloudfront&esp=sparkpost&region=eu&host=click.news.customer.com&mode=manual&step=configure"],
  ["setup-hosts", "/setup?cdn=cloudfront&step=hosts"],
  ["setup-mode", `/setup?${q}&step=mode`],
  ["setup-configure", `/setup?${q}&mode=manual&step=configure`],
  ["setup-console", `/setup?${q}&mode=manual&step=configure&view=console`],
  ["setup-present", `/setup?${q}&mode=manual&step=configure&present=1`],
  ["setup-apply", `/setup?${q}&mode=apply&step=configure`],
  ["setup-dns", `/setup?${q}&mode=manual&step=dns`],
  ["checklist", `/checklist?${q}`],
  ["checklist-present", `/checklist?${q}&present=1`],
  // A 65-character host: valid DNS, too long for CloudFront's certificate (its field says so).
  ["setup-hosts-too-long", `/setup?cdn=cloudfront&step=hosts&host=ablink.${"a".repeat(45)}.customer.com`],
  ["setup-dns-keycdn", `/setup?cdn=keycdn&host=ablink.subdomain.customer.com&mode=manual&step=dns`],
];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [name, path] of pages) {
  for (const [variant, viewport] of [["desktop", { width: 1280, height: 900 }], ["narrow", { width: 360, height: 740 }]]) {
    const page = await browser.newPage({ viewport });
    await page.goto(base + path);
    await page.screenshot({ path: `${out}/${name}-${variant}.png`, fullPage: true });
    await page.close();
  }
}
const page = await browser.newPage();
await page.goto(`${base}/checklist?${q}`);
await page.emulateMedia({ media: "print" });
await page.screenshot({ path: `${out}/checklist-print.png`, fullPage: true });
await page.pdf({ path: `${out}/checklist.pdf`, format: "A4" });
await page.goto(`${base}/checklist?${q}&present=1`);
await page.screenshot({ path: `${out}/checklist-present-print.png`, fullPage: true });
await browser.close();
console.log(`screenshots in ${out}`);
