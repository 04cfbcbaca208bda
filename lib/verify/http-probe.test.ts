import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResolver } from "./dns";
import { Guard } from "./guard";
import { exchange, guardedGet, USER_AGENT } from "./http-probe";
import { DEFAULT_SETTINGS } from "./settings";
import { startDnsServer, type TestDnsServer } from "./testing/dns-server";

/** The exchange's own limits: body cap, deadline, headers sent. Loopback servers started here only. */

let big: http.Server;
let silent: net.Server;
let dns: TestDnsServer;
let seenHeaders: http.IncomingHttpHeaders | undefined;
const silentSockets = new Set<net.Socket>();
const port = (s: net.Server) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  big = http.createServer((req, res) => {
    seenHeaders = req.headers;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("x".repeat(300 * 1024));
  });
  // Accepts and never answers.
  silent = net.createServer((socket) => silentSockets.add(socket));
  await new Promise<void>((r) => big.listen(0, "127.0.0.1", r));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  dns = await startDnsServer({ "probe.example.com": { a: ["127.0.0.1"] } });
});
afterAll(async () => {
  big.closeAllConnections();
  await new Promise<void>((r) => big.close(() => r()));
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
  await dns.close();
});

const settings = { ...DEFAULT_SETTINGS, allowLoopback: true, dnsServers: [] as string[], hstsPreloadApiBaseUrl: "http://unused.invalid/" };

describe("exchange", () => {
  it("reads at most maxBodyBytes and says it stopped", async () => {
    const guard = new Guard({ settings, resolver: createResolver([], 1000) });
    const r = await guard.resolve("127.0.0.1");
    if (!r.ok) throw new Error("loopback refused");
    const out = await exchange(guard, r.address, { scheme: "http", port: port(big), hostHeader: "ablink.news.customer.com", path: "/ls/click?upn=1", extraCa: [], timeoutMs: 2000, maxBodyBytes: 1024 });
    expect(out.http).toMatchObject({ ok: true, status: 200, truncated: true });
    expect(out.http?.ok && out.http.body.length).toBe(1024);
    expect(seenHeaders).toMatchObject({ host: "ablink.news.customer.com", "user-agent": USER_AGENT, "accept-encoding": "identity", connection: "close" });
  });

  it("gives up at the deadline", async () => {
    const guard = new Guard({ settings, resolver: createResolver([], 1000) });
    const r = await guard.resolve("127.0.0.1");
    if (!r.ok) throw new Error("loopback refused");
    const http1 = await exchange(guard, r.address, { scheme: "http", port: port(silent), hostHeader: "a.b.example.com", path: "/", extraCa: [], timeoutMs: 150, maxBodyBytes: 1024 });
    expect(http1.http).toEqual({ ok: false, stage: "http", code: "ETIMEDOUT", message: "no complete answer within 150 ms" });
    const tls1 = await exchange(guard, r.address, { scheme: "https", port: port(silent), hostHeader: "a.b.example.com", path: "/", extraCa: [], timeoutMs: 150, maxBodyBytes: 1024 });
    expect(tls1.tls).toEqual({ ok: false, code: "ETIMEDOUT", message: "no complete answer within 150 ms" });
  });
});

describe("guardedGet", () => {
  it("resolves the URL's host through the guard and pins the connection to it", async () => {
    const guard = new Guard({ settings, resolver: createResolver([dns.server], 1000) });
    const got = await guardedGet(guard, new URL(`http://probe.example.com:${port(big)}/status?domain=x`), { port: port(big), extraCa: [], timeoutMs: 2000, maxBodyBytes: 16 });
    expect(got.ok && got.result.address.ip).toBe("127.0.0.1");
    expect(got.ok && got.result.http).toMatchObject({ ok: true, status: 200, truncated: true });
    expect(seenHeaders?.host).toBe(`probe.example.com:${port(big)}`);
  });

  it("refuses a URL whose host is a forbidden literal, however it is written", async () => {
    const strict = new Guard({ settings: { ...settings, allowLoopback: false }, resolver: createResolver([dns.server], 1000) });
    for (const url of ["http://0x7f.1/", "http://2130706433/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data/"]) {
      const got = await guardedGet(strict, new URL(url), { port: 80, extraCa: [], timeoutMs: 500, maxBodyBytes: 16 });
      expect(got.ok, url).toBe(false);
      expect(!got.ok && got.resolution.kind).toBe("refused");
    }
  });
});
