// Renders the app's icons from public/icon.svg (the one drawing) in Debian's Chromium, and writes the versions
// the pages link them with. Rerun after changing public/icon.svg: `node scripts/icons.mjs` (lib/site/icons.test.ts
// fails until you do).
//
// - favicon.ico: the drawing at 16, 32 and 48 px, each a PNG inside the ICO (every current browser reads them);
// - icon-192.png, icon-512.png: the drawing as it is, for the web app manifest;
// - apple-touch-icon.png (180 px) and icon-maskable-512.png: full squares of the drawing's background colour,
//   since iOS and Android cut their own shape out of the square (iOS shows a transparent corner black); the
//   maskable one draws the icon at 80% so it stays within the safe zone, a circle of 40% radius
//   (https://www.w3.org/TR/appmanifest/#icon-masks);
// - lib/site/icon-versions.json: a hash of each icon the pages link; the links carry it as ?v=, and
//   next.config.js caches exactly that URL for a year.
import { chromium } from "@playwright/test";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const publicDir = path.join(root, "public");
const svg = readFileSync(path.join(publicDir, "icon.svg"));
const background = svg.toString().match(/<rect [^>]*fill="(#[0-9a-f]{6})"/i)?.[1];
if (!background) throw new Error("public/icon.svg: the first <rect> must be the background, filled with a #rrggbb colour");

/** The icons the pages link from every page (app/layout.tsx); their URLs carry a version. */
const LINKED = ["favicon.ico", "icon.svg", "apple-touch-icon.png"];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ deviceScaleFactor: 1 });

/** The drawing as a PNG of size×size px: `scale` of the square, on `fill` (transparent when none). */
async function render(size, { fill, scale = 1 } = {}) {
  await page.setViewportSize({ width: size, height: size });
  const drawn = size * scale;
  await page.setContent(
    `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${fill ?? "transparent"}">` +
      `<img src="data:image/svg+xml;base64,${svg.toString("base64")}" width="${drawn}" height="${drawn}" alt="">`,
  );
  return page.screenshot({ omitBackground: !fill });
}

/** An ICO holding PNG frames: a 6-byte header, a 16-byte entry per frame, then the PNGs. */
function ico(frames) {
  const header = Buffer.alloc(6 + 16 * frames.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(frames.length, 4);
  let offset = header.length;
  frames.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 means 256)
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...frames.map((f) => f.png)]);
}

const icoFrames = [];
for (const size of [16, 32, 48]) icoFrames.push({ size, png: await render(size) }); // one page: one at a time
const outputs = {
  "favicon.ico": ico(icoFrames),
  "icon-192.png": await render(192),
  "icon-512.png": await render(512),
  "apple-touch-icon.png": await render(180, { fill: background }),
  "icon-maskable-512.png": await render(512, { fill: background, scale: 0.8 }),
};
await browser.close();

for (const [name, bytes] of Object.entries(outputs)) writeFileSync(path.join(publicDir, name), bytes);
const versions = Object.fromEntries(
  LINKED.map((name) => [`/${name}`, createHash("sha256").update(readFileSync(path.join(publicDir, name))).digest("hex").slice(0, 16)]),
);
writeFileSync(path.join(root, "lib/site/icon-versions.json"), `${JSON.stringify(versions, null, 2)}\n`);
console.log(`public/: ${Object.keys(outputs).join(", ")}; versions in lib/site/icon-versions.json`);
