// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, read by Node as is
const limits = require("./lib/security/limits.json");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const iconVersions = require("./lib/site/icon-versions.json");

/*
 * How long browsers and caches keep the files in public/ (Next.js serves them with `public, max-age=0`
 * otherwise). Their names are fixed, so `immutable` is right only for a URL that names one exact content.
 */
const YEAR_IMMUTABLE = "public, max-age=31536000, immutable";
const WEEK = "public, max-age=604800";
const DAY = "public, max-age=86400";
const ICONS = ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/icon-192.png", "/icon-512.png", "/icon-maskable-512.png"];
/** @param {string} value */
const cacheControl = (value) => [{ key: "Cache-Control", value }];

/** Later rules win over earlier ones for the same header (Next.js docs, headers()). */
function publicFileHeaders() {
  return [
    // An icon at its bare name: browsers ask for /favicon.ico unprompted and the manifest names its icons
    // bare. A week: a new drawing reaches everyone within a week, and nobody asks for an icon more often.
    ...ICONS.map((source) => ({ source, headers: cacheControl(WEEK) })),
    // The icons the pages link carry their content hash (?v=, lib/site/head.ts): that exact URL never
    // changes content, so it is kept a year without asking again. Any other ?v= gets the week above.
    ...Object.entries(iconVersions).map(([source, version]) => ({
      source,
      has: [{ type: "query", key: "v", value: version }],
      headers: cacheControl(YEAR_IMMUTABLE),
    })),
    // A day: RFC 9309 (section 2.4) has crawlers keep robots.txt no longer than 24 hours anyway, so a
    // change reaches them within a day either way. The manifest (names, colours, icon list) likewise.
    { source: "/robots.txt", headers: cacheControl(DAY) },
    { source: "/manifest.webmanifest", headers: cacheControl(DAY) },
  ];
}

/**
 * The plan-carrying URLs (a plan's hostnames and CDN addresses are in the query) and the API answering with
 * plans: `X-Robots-Tag: noindex` on every response, pages and server actions under them included. robots.txt
 * only asks crawlers not to fetch them; a URL linked from elsewhere can still be listed from the link alone,
 * and a crawler that fetches it anyway (robots.txt is advisory) is told here not to index it.
 */
const NOINDEX_SOURCES = ["/setup", "/setup/:path+", "/checklist", "/checklist/:path+", "/api/:path*"];

function noindexHeaders() {
  return NOINDEX_SOURCES.map((source) => ({ source, headers: [{ key: "X-Robots-Tag", value: "noindex" }] }));
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // No X-Powered-By. Every other security header is set in one place: proxy.ts (lib/security/headers.ts).
  poweredByHeader: false,
  reactStrictMode: true,
  // The AWS and Cloudflare SDKs run only in server actions, the Redis client only on the server (lib/store):
  // keep them out of the bundler.
  serverExternalPackages: ["@aws-sdk/client-cloudfront", "@aws-sdk/client-acm", "cloudflare", "ioredis"],
  // Server actions take credentials and hostnames, a few kB: refuse anything much larger. proxy.ts answers
  // 413 first when Content-Length says so; this catches bodies without one.
  experimental: {
    serverActions: { bodySizeLimit: limits.serverActionBodyBytes },
    // The stylesheet (7 kB gzip) goes in the HTML instead of a render-blocking request: one round trip less
    // before a phone paints (Lighthouse mobile LCP 0.4–0.6 s lower). Needs style-src 'unsafe-inline', which
    // the CSP already allows for React's style attributes (lib/security/headers.ts).
    inlineCss: true,
  },
  async headers() {
    return [...publicFileHeaders(), ...noindexHeaders()];
  },
};

module.exports = nextConfig;
