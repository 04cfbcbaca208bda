// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, read by Node as is
const limits = require("./lib/security/limits.json");

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
};

module.exports = nextConfig;
