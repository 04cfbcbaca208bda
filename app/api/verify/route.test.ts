import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startWorld, type World } from "@/lib/verify/testing/world";
import type { VerifyErrorBody, VerifyReport } from "@/lib/verify/types";

/**
 * The route as the app runs it: settings from the environment (the test-only ones point it at loopback
 * servers this file starts), so this also covers settingsFromEnv and NODE_EXTRA_CA_CERTS.
 */

let world: World;
let GET: (request: Request) => Promise<Response>;
const saved = { ...process.env };

beforeAll(async () => {
  world = await startWorld({
    sites: { "ablink.news.customer.com": {}, "customer.com": { https: { status: 200 } } },
    dns: { "ablink.news.customer.com": { cname: "sendgrid.net" }, "sendgrid.net": { a: ["127.0.0.1"] }, "d1.cloudfront.net": { a: ["127.0.0.1"] }, "customer.com": { a: ["127.0.0.1"] } },
  });
  Object.assign(process.env, {
    VERIFY_DNS_SERVERS: world.settings.dnsServers.join(","),
    VERIFY_ALLOW_LOOPBACK: "1",
    VERIFY_HTTP_PORT: String(world.settings.httpPort),
    VERIFY_HTTPS_PORT: String(world.settings.httpsPort),
    HSTS_PRELOAD_API_BASE_URL: world.settings.hstsPreloadApiBaseUrl,
    NODE_EXTRA_CA_CERTS: path.join(world.pki.dir, "ca.crt"),
  });
  vi.spyOn(console, "warn").mockImplementation(() => {});
  ({ GET } = await import("./route"));
});
afterAll(async () => {
  process.env = saved;
  vi.restoreAllMocks();
  await world?.close();
});

const get = (query: string, ip = "198.51.100.1") => GET(new Request(`http://localhost/api/verify?${query}`, { headers: { "x-forwarded-for": ip } }));

describe("GET /api/verify", () => {
  it("verifies before the switch and says ready", async () => {
    const res = await get("cdn=cloudfront&host=ablink.news.customer.com&target=d1.cloudfront.net&link=%2Fls%2Fclick%3Fupn%3Du001.x");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as VerifyReport;
    expect(body).toMatchObject({ version: 1, cdn: "cloudfront", region: "global", readyToSwitch: true, pending: false });
    expect(body.hosts[0]!.checks.map((c) => [c.id, c.status])).toEqual([
      ["hsts", "pass"],
      ["cdn-before-switch", "pass"],
      ["dns", "pass"],
      ["tls", "pass"],
      ["http", "pass"],
      ["https", "pass"],
    ]);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it("answers 400 naming the field", async () => {
    const res = await get("cdn=cloudfront&host=ablink.news.customer.com&target=169.254.169.254", "198.51.100.2");
    expect(res.status).toBe(400);
    expect((await res.json()) as VerifyErrorBody).toEqual({ error: { field: "target", message: 'target "169.254.169.254" an IP address is not a hostname.' } });
    const markup = await get("cdn=cloudfront&host=%3Cimg%20src%3Dx%3E", "198.51.100.2");
    expect(markup.status).toBe(400);
    expect(await markup.text()).not.toContain("<img");
  });

  it("rate-limits per client with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await get("cdn=nope", "203.0.113.9")).status);
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    const limited = await get("cdn=nope", "203.0.113.9");
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(await limited.json()).toEqual({ error: { field: null, message: "Too many verification requests; try again in 3 s." }, retryAfterSeconds: 3 });
    // Another client is not affected.
    expect((await get("cdn=nope", "203.0.113.10")).status).toBe(400);
  });
});
