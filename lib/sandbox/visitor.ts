import "server-only";
import { randomBytes } from "node:crypto";
import limits from "@/lib/security/limits.json";

/**
 * The sandbox visitor: a random id in an HttpOnly cookie that says whose sandbox account a request uses. It is
 * never a credential of a real provider and never in a URL; the sandbox's fake credentials are derived from it
 * on the server (lib/sandbox/accounts.ts), so the cookie alone opens nothing but the visitor's own fakes.
 */
export const VISITOR_COOKIE = "sandbox-visitor";

/** 128 random bits, base64url without padding: 22 characters. */
const VISITOR_ID = /^[A-Za-z0-9_-]{22}$/;

export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

export function isVisitorId(value: string | undefined): value is string {
  return value !== undefined && VISITOR_ID.test(value);
}

export interface CookieJar {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: { httpOnly: boolean; sameSite: "lax"; secure: boolean; path: string; maxAge: number }): unknown;
}

/** The request's visitor id, or a new one set on the response (Secure when the page was reached over HTTPS). */
export function visitorId(jar: CookieJar, https: boolean): string {
  const existing = jar.get(VISITOR_COOKIE)?.value;
  if (isVisitorId(existing)) return existing;
  const id = newVisitorId();
  jar.set(VISITOR_COOKIE, id, { httpOnly: true, sameSite: "lax", secure: https, path: "/", maxAge: limits.sandbox.visitorCookieDays * 24 * 3600 });
  return id;
}

/** Whether the browser reached this app over HTTPS: the action's Origin, or the proxy's X-Forwarded-Proto. */
export function reachedOverHttps(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin?.startsWith("https://")) return true;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
