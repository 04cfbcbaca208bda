import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { RESOURCE_POLICY } from "../lib/security/headers";
import { CORE_PAGES } from "./helpers";

// The files in public/ as the production server answers them: type, cache lifetime (next.config.js), the
// security headers (proxy.ts), and the links every page carries to them (lib/site/head.ts).

const WEEK = "public, max-age=604800";
const DAY = "public, max-age=86400";
const YEAR_IMMUTABLE = "public, max-age=31536000, immutable";

const ASSETS: [path: string, contentType: string, cacheControl: string][] = [
  ["/favicon.ico", "image/x-icon", WEEK],
  ["/icon.svg", "image/svg+xml", WEEK],
  ["/apple-touch-icon.png", "image/png", WEEK],
  ["/icon-192.png", "image/png", WEEK],
  ["/icon-512.png", "image/png", WEEK],
  ["/icon-maskable-512.png", "image/png", WEEK],
  ["/manifest.webmanifest", "application/manifest+json", DAY],
  ["/robots.txt", "text/plain; charset=UTF-8", DAY],
];

const fileBytes = (urlPath: string) => readFileSync(path.join(__dirname, "..", "public", urlPath));
/** The version a link must carry: the first 16 hex digits of the file's SHA-256. */
const versionOf = (urlPath: string) => createHash("sha256").update(fileBytes(urlPath)).digest("hex").slice(0, 16);

for (const [urlPath, contentType, cacheControl] of ASSETS) {
  test(`${urlPath}: 200, ${contentType}, ${cacheControl}, the file's bytes, the resource policy`, async ({ request }) => {
    const res = await request.get(urlPath, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    const h = res.headers();
    expect([h["content-type"], h["cache-control"], h["content-security-policy"], h["x-content-type-options"]]).toEqual([contentType, cacheControl, RESOURCE_POLICY, "nosniff"]);
    expect(Buffer.compare(await res.body(), fileBytes(urlPath))).toBe(0);
  });
}

const linkTags = () => [
  `<link rel="manifest" href="/manifest.webmanifest"/>`,
  `<link rel="icon" href="/favicon.ico?v=${versionOf("/favicon.ico")}" sizes="32x32"/>`,
  `<link rel="icon" href="/icon.svg?v=${versionOf("/icon.svg")}" type="image/svg+xml"/>`,
  `<link rel="apple-touch-icon" href="/apple-touch-icon.png?v=${versionOf("/apple-touch-icon.png")}"/>`,
];

test("every page links the manifest and the icons, each icon at its file's content hash", async ({ request }) => {
  for (const page of [...CORE_PAGES, "/no-such-page"]) {
    const html = await (await request.get(page)).text();
    const links = html.match(/<link rel="(?:icon|apple-touch-icon|manifest|shortcut icon)"[^>]*>/g);
    expect(links, page).toEqual(linkTags());
  }
});

test("a linked icon URL is kept a year; the same file at any other version, a week", async ({ request }) => {
  for (const urlPath of ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png"]) {
    const linked = await request.get(`${urlPath}?v=${versionOf(urlPath)}`);
    expect([linked.status(), linked.headers()["cache-control"]], urlPath).toEqual([200, YEAR_IMMUTABLE]);
    expect(Buffer.compare(await linked.body(), fileBytes(urlPath))).toBe(0);
    const stale = await request.get(`${urlPath}?v=0000000000000000`);
    expect([stale.status(), stale.headers()["cache-control"]], urlPath).toEqual([200, WEEK]);
  }
});

test("Chromium shows the SVG icon and reads the manifest without errors", async ({ page }) => {
  const icon = page.waitForRequest((r) => /\/(favicon\.ico|icon\.svg)/.test(r.url()));
  await page.goto("/");
  const request = await icon;
  expect(request.url()).toBe(new URL(`/icon.svg?v=${versionOf("/icon.svg")}`, page.url()).href);
  expect((await request.response())?.status()).toBe(200);

  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  expect([manifest.url, manifest.errors]).toEqual([new URL("/manifest.webmanifest", page.url()).href, []]);
  const parsed = JSON.parse(manifest.data ?? "{}") as { icons: { src: string; type: string }[] };
  for (const { src, type } of parsed.icons) {
    const res = await page.request.get(src);
    expect([src, res.status(), res.headers()["content-type"]]).toEqual([src, 200, type]);
  }
});

test("robots.txt lets crawlers index the home page and keeps them out of the plan-carrying URLs", async ({ request }) => {
  const rules = (await (await request.get("/robots.txt")).text()).split("\n").filter((line) => line && !line.startsWith("#"));
  expect(rules).toEqual(["User-agent: *", "Disallow: /setup", "Disallow: /checklist", "Disallow: /api/"]);
});
