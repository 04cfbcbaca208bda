import type { Metadata } from "next";
import versions from "./icon-versions.json";

/** What the <head> of every page says about the app (app/layout.tsx); public/manifest.webmanifest says the same. */
export const SITE_NAME = "SSL click tracking setup";
export const SITE_DESCRIPTION = "Put a CDN in front of your email link-branding hostnames so tracked links work over HTTPS on HSTS domains.";

/**
 * The icons every page links (public/, drawn once in public/icon.svg; scripts/icons.mjs renders the others).
 * Each link carries its file's content hash as ?v=, so the URL changes whenever the file does and
 * next.config.js can let browsers keep exactly that URL for a year.
 */
export type LinkedIcon = keyof typeof versions;

export function versionedIconUrl(path: LinkedIcon): string {
  return `${path}?v=${versions[path]}`;
}

export const ICONS: NonNullable<Metadata["icons"]> = {
  // The ICO (16, 32 and 48 px) for browsers without SVG icons; the others take the SVG
  // (e2e/static-assets.spec.ts checks which one Chromium fetches).
  icon: [
    { url: versionedIconUrl("/favicon.ico"), sizes: "32x32" },
    { url: versionedIconUrl("/icon.svg"), type: "image/svg+xml" },
  ],
  apple: versionedIconUrl("/apple-touch-icon.png"),
};

export const MANIFEST_URL = "/manifest.webmanifest";
