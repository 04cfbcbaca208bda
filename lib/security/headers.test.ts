import { describe, expect, it } from "vitest";
import { isPagePath, newNonce, pagePolicy, RESOURCE_POLICY } from "./headers";

describe("security headers", () => {
  it("builds a page policy with the nonce, strict-dynamic and no eval", () => {
    const policy = pagePolicy("abc123==");
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123==' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(pagePolicy("n", true)).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval';");
    expect(RESOURCE_POLICY).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it("tells pages from routes and files", () => {
    expect(["/", "/setup", "/checklist", "/_not-found", "/anything/else"].map(isPagePath)).toEqual([true, true, true, true, true]);
    expect(["/api/plan", "/api/export", "/_next/static/chunks/a.js", "/icon.svg", "/favicon.ico", "/robots.txt", "/manifest.webmanifest"].map(isPagePath)).toEqual([false, false, false, false, false, false, false]);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
