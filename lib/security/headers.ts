/**
 * The app's security headers, in one place (proxy.ts sets them on every response). Pages get a
 * Content-Security-Policy whose scripts must carry this request's nonce ('strict-dynamic' lets the
 * framework's own chunks load the next ones); everything else (JSON, exports, static files) gets a policy
 * that allows nothing, since none of it is a document that needs to run or embed anything.
 * Next.js reads the nonce from the request's CSP header and puts it on every script it renders
 * (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md). No 'unsafe-eval': production
 * React and Next.js do not use eval.
 */

export const NONCE_HEADER = "x-nonce";

/** Headers every response carries, pages and routes alike. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * A page's policy. Styles may be inline: React renders `style` attributes and Next.js's built-in error
 * pages inline a <style>; a style cannot run code. `dev` adds only what `next dev` needs (eval for React's
 * error overlay), never in a production build.
 */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For responses that are not pages: nothing may load, run or embed them. */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Pages are every path that is not an API route, a framework file or a file with an extension. */
export function isPagePath(pathname: string): boolean {
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(pathname);
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
