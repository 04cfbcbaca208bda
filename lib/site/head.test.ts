import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ICONS, SITE_DESCRIPTION, SITE_NAME, versionedIconUrl } from "./head";
import versions from "./icon-versions.json";

const root = path.resolve(import.meta.dirname, "../..");
const publicFile = (name: string) => readFileSync(path.join(root, "public", name));
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

type HeaderRule = { source: string; has?: { type: string; key: string; value: string }[]; headers: { key: string; value: string }[] };
const nextConfig = createRequire(import.meta.url)("../../next.config.js") as { headers: () => Promise<HeaderRule[]> };

describe("the icons and files in public/", () => {
  it("links each icon with the hash of the file it names (rerun scripts/icons.mjs after changing an icon)", () => {
    for (const [url, version] of Object.entries(versions)) expect(sha(publicFile(url.slice(1))), url).toBe(version);
    expect(versionedIconUrl("/icon.svg")).toBe(`/icon.svg?v=${sha(publicFile("icon.svg"))}`);
    expect(ICONS).toEqual({
      icon: [
        { url: `/favicon.ico?v=${versions["/favicon.ico"]}`, sizes: "32x32" },
        { url: `/icon.svg?v=${versions["/icon.svg"]}`, type: "image/svg+xml" },
      ],
      apple: `/apple-touch-icon.png?v=${versions["/apple-touch-icon.png"]}`,
    });
  });

  it("holds the sizes it declares: the ICO's 16, 32 and 48 px PNG frames, the 180 px touch icon, the manifest's icons", () => {
    const ico = publicFile("favicon.ico");
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const frames = [0, 1, 2].map((i) => {
      const entry = 6 + 16 * i;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      return [ico.readUInt8(entry), ico.readUInt8(entry + 1), ...pngSize(png)];
    });
    expect(frames).toEqual([
      [16, 16, 16, 16],
      [32, 32, 32, 32],
      [48, 48, 48, 48],
    ]);
    expect(pngSize(publicFile("apple-touch-icon.png"))).toEqual([180, 180]);

    const manifest = JSON.parse(publicFile("manifest.webmanifest").toString());
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      if (icon.type === "image/svg+xml") {
        expect(publicFile(icon.src.slice(1)).toString()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);
        continue;
      }
      expect(icon.type).toBe("image/png");
      expect(pngSize(publicFile(icon.src.slice(1))).join("x"), icon.src).toBe(icon.sizes);
    }
  });

  it("says what the pages say, in the brand colour of app/globals.css", () => {
    const brand = readFileSync(path.join(root, "app/globals.css"), "utf8").match(/--color-brand-600: (#[0-9a-f]{6});/)?.[1];
    expect(brand).toBe("#1d5fd1");
    const manifest = JSON.parse(publicFile("manifest.webmanifest").toString());
    expect([manifest.name, manifest.description, manifest.theme_color, manifest.start_url, manifest.display]).toEqual([SITE_NAME, SITE_DESCRIPTION, brand, "/", "browser"]);
    expect(publicFile("icon.svg").toString()).toContain(`<rect width="32" height="32" rx="7" fill="${brand}"/>`);
  });

  it("gives every file in public/ a cache lifetime, and a year only to the exact versioned URLs", async () => {
    // The cache rules only (next.config.js also sets X-Robots-Tag on the plan-carrying paths, e2e/security.spec.ts).
    const rules = (await nextConfig.headers()).filter((r) => r.headers.some((h) => h.key === "Cache-Control"));
    const lifetimes = Object.fromEntries(rules.filter((r) => !r.has).map((r) => [r.source, r.headers.map((h) => `${h.key}: ${h.value}`).join()]));
    const week = "Cache-Control: public, max-age=604800";
    const day = "Cache-Control: public, max-age=86400";
    expect(lifetimes).toEqual({
      "/favicon.ico": week,
      "/icon.svg": week,
      "/apple-touch-icon.png": week,
      "/icon-192.png": week,
      "/icon-512.png": week,
      "/icon-maskable-512.png": week,
      "/robots.txt": day,
      "/manifest.webmanifest": day,
    });
    expect(Object.keys(lifetimes).sort()).toEqual(readdirSync(path.join(root, "public")).map((name) => `/${name}`).sort());
    expect(rules.filter((r) => r.has)).toEqual(
      Object.entries(versions).map(([source, value]) => ({
        source,
        has: [{ type: "query", key: "v", value }],
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      })),
    );
    // Next.js applies every matching rule in order, the last one winning: the year must come after the week.
    for (const source of Object.keys(versions)) {
      expect(rules.findIndex((r) => r.source === source && r.has), source).toBeGreaterThan(rules.findIndex((r) => r.source === source && !r.has));
    }
  });
});
