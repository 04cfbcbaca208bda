import { describe, expect, it } from "vitest";
import { TestCookieJar } from "@/lib/testing/cookie-jar";
import { reachedOverHttps, VISITOR_COOKIE, visitorId } from "./visitor";

describe("the sandbox visitor id", () => {
  it("is 22 unguessable characters, new for each browser, and kept once set", () => {
    const [a, b] = [new TestCookieJar(), new TestCookieJar()];
    const id = visitorId(a, false);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(visitorId(b, false)).not.toBe(id);
    expect(visitorId(a, false)).toBe(id);
  });

  it.each([["too-short"], ["x".repeat(23)], ["../../etc/passwd000000"], [""]])("replaces a cookie that is not one it set: %j", (forged) => {
    const jar = new TestCookieJar().set(VISITOR_COOKIE, forged);
    const id = visitorId(jar, true);
    expect(id).not.toBe(forged);
    expect([jar.get(VISITOR_COOKIE)?.value, jar.options.get(VISITOR_COOKIE)]).toEqual([id, { httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: 604800 }]);
  });

  it.each([
    [{ origin: "https://wizard.example.com" }, true],
    [{ origin: "http://127.0.0.1:3000" }, false],
    [{ "x-forwarded-proto": "https" }, true],
    [{ "x-forwarded-proto": "http" }, false],
    [{}, false],
  ])("is Secure when the page was reached over HTTPS: %j", (headers, https) => {
    expect(reachedOverHttps(new Headers(headers))).toBe(https);
  });
});
