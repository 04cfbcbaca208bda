import localFont from "next/font/local";

/**
 * The Geist fonts from the `geist` package, declared here rather than through `geist/font/*` so that only
 * the text face is preloaded: the monospace face (values and records) loads when a page uses it instead of
 * competing with the page's scripts on a slow connection.
 */
export const sans = localFont({ src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2", variable: "--font-geist-sans", weight: "100 900", display: "optional" });

export const mono = localFont({
  src: "../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  weight: "100 900",
  preload: false,
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
});
