import { expect, test, type APIResponse } from "@playwright/test";
import limits from "../lib/security/limits.json";
import { CORE_PAGES, SAMPLE_QUERY } from "./helpers";

const q = SAMPLE_QUERY;
const PAGES = [...CORE_PAGES, "/no-such-page"];
const ROUTES = [`/api/plan?${q}`, `/api/export?${q}&format=markdown`, "/api/plan?cdn=nope", "/api/verify?cdn=nope"];

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  expect(h["x-powered-by"]).toBeUndefined();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  return csp;
}

for (const path of PAGES) {
  test(`security headers and a per-request script nonce on ${path}`, async ({ request }) => {
    const first = await request.get(path);
    expect(first.status()).toBeLessThan(500);
    const csp = expectCommonHeaders(first);
    const nonce = csp.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/)?.[1];
    expect(nonce, csp).toBeDefined();
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Every script the page carries has this request's nonce; the next request gets another one.
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    const second = await request.get(path);
    expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  });
}

for (const path of ROUTES) {
  test(`security headers on the route ${path}`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBeLessThan(500);
    expect(expectCommonHeaders(res)).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });
}

test("the plan-carrying pages and the API tell crawlers not to index them (X-Robots-Tag); the home page and public files do not", async ({ request }) => {
  const noindex = [...PAGES.filter((p) => p.startsWith("/setup") || p.startsWith("/checklist")), "/checklist", ...ROUTES];
  expect(noindex.length).toBeGreaterThan(ROUTES.length + 2);
  for (const path of noindex) {
    const res = await request.get(path);
    expect([path, res.headers()["x-robots-tag"]]).toEqual([path, "noindex"]);
  }
  for (const path of ["/", "/robots.txt", "/icon.svg", "/manifest.webmanifest"]) {
    expect([path, (await request.get(path)).headers()["x-robots-tag"]]).toEqual([path, undefined]);
  }
});

test("static files carry the headers too", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const src = html.match(/<script[^>]+src="([^"]+)"/)?.[1];
  expect(src).toBeDefined();
  const res = await request.get(src!);
  expect(res.status()).toBe(200);
  expectCommonHeaders(res);
});

test("the pages run under the policy: no violation, and scripts work", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const path of PAGES.filter((p) => p !== "/no-such-page")) await page.goto(path);
  // A client-side step works (hydrated under the policy): the hostnames form moves on.
  await page.goto("/setup?cdn=cloudfront&step=hosts");
  await page.getByRole("textbox", { name: "Link branding hostnames" }).fill("ablink.csp.customer.com");
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page).toHaveURL(/step=mode/);
  expect(problems).toEqual([]);
});

test("a server action body over the limit is refused with 413 before it is read", async ({ request }) => {
  const res = await request.post("/setup?cdn=cloudfront&step=hosts", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(limits.serverActionBodyBytes + 1),
  });
  expect(res.status()).toBe(413);
  expectCommonHeaders(res);
});
