import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { ICONS, MANIFEST_URL, SITE_DESCRIPTION, SITE_NAME } from "@/lib/site/head";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  icons: ICONS,
  manifest: MANIFEST_URL,
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Rendered per request: the Content-Security-Policy nonce (proxy.ts) must be on every script, so no page
 * can be prerendered. Plain links in the header: the layout ships no client code of its own.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="no-print border-b border-slate-200 bg-white">
          <nav aria-label="Site" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- plain links keep next/link's 3 kB out of every page (the checklist's budget is 135 kB) */}
            <a href="/" className="font-semibold text-brand-900">
              {SITE_NAME}
            </a>
            <a href="/setup" className="text-sm text-slate-700 underline-offset-4 hover:underline">
              Setup wizard
            </a>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
