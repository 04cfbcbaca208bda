import dgram from "node:dgram";
import http from "node:http";
import net from "node:net";
import https from "node:https";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { parse as parseDomain } from "tldts";
import { netConnector, type CheckedAddress, type Connector } from "../guard";
import { DEFAULT_SETTINGS, type VerifySettings } from "../settings";
import { createPki, type KeyPair, type TestPki } from "./certs";
import { startDnsServer, type TestDnsServer, type TestRecord } from "./dns-server";
import type { OriginAnswer } from "./esp-origins";

/**
 * A small loopback internet for the verifier's tests and benchmark: a DNS server, one HTTP and one HTTPS
 * server on 127.0.0.1 that answer per Host/SNI (each site picks its certificate and its answer), and a fake
 * hstspreload.org status API. Nothing here listens on or sends to anything but 127.0.0.1.
 */

export type CertKind = "good" | "wrong" | "wildcard" | "expired" | "self-signed";

export interface SiteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Site {
  cert?: CertKind;
  https?: SiteResponse;
  http?: SiteResponse;
  /**
   * The email provider's origin the CDN reaches for this host (testing/esp-origins.ts), answering per request;
   * `https`/`http` above win when set. Without any of them the host answers as SendGrid's redirect.
   */
  origin?: OriginAnswer;
}

/** What SendGrid answers for a valid tracked link (docs/sendgrid.md#tracked-links: a 3xx with Location). */
export const SENDGRID_REDIRECT: SiteResponse = { status: 302, headers: { location: "https://www.example.com/landing?utm_source=email" } };

export interface WorldOptions {
  sites: Record<string, Site>;
  dns: Record<string, TestRecord>;
  /** hstspreload.org status per name; anything else is "unknown". */
  preload?: Record<string, string>;
  latencyMs?: number;
  /** Fixed loopback ports, for a server started before this world (the end-to-end app); default any free port. */
  ports?: { dns: number; https: number; http: number; preload: number };
  /** Where the certificates are written (the end-to-end app reads the CA from there); default a temp dir. */
  pkiDir?: string;
}

export interface World {
  settings: VerifySettings;
  dns: TestDnsServer;
  pki: TestPki;
  sites: Map<string, Site>;
  requests: { scheme: "http" | "https"; method: string; host: string; path: string }[];
  preloadRequests: string[];
  close(): Promise<void>;
}

const listen = async (server: http.Server | tls.Server, port = 0): Promise<number> => {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return (server.address() as AddressInfo).port;
};
const closeServer = (server: http.Server | tls.Server) =>
  new Promise<void>((resolve) => {
    (server as http.Server).closeAllConnections?.();
    server.close(() => resolve());
  });

/**
 * Servers that never answer properly, for failure tests that must still talk only to servers the test
 * started: TCP connections are reset at once, UDP (DNS) questions are read and never answered.
 */
export interface DeadServers {
  tcpPort: number;
  udpServer: string;
  close(): Promise<void>;
}

export async function startDeadServers(): Promise<DeadServers> {
  const tcp = net.createServer((socket) => socket.resetAndDestroy());
  const udp = dgram.createSocket("udp4");
  udp.on("message", () => {});
  await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => udp.bind(0, "127.0.0.1", resolve));
  return {
    tcpPort: (tcp.address() as AddressInfo).port,
    udpServer: `127.0.0.1:${udp.address().port}`,
    close: async () => {
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}

export async function startWorld(opts: WorldOptions): Promise<World> {
  const latency = opts.latencyMs ?? 0;
  const pki = createPki(opts.pkiDir);
  const sites = new Map(Object.entries(opts.sites));
  const requests: World["requests"] = [];
  const preloadRequests: string[] = [];

  const byKind = (kind: CertKind) => [...sites].filter(([, s]) => (s.cert ?? "good") === kind).map(([name]) => name);
  const pairs = new Map<string, KeyPair>();
  const good = pki.issue(byKind("good").length > 0 ? byKind("good") : ["unused.example.org"]);
  const wrong = pki.issue(["other.example.org"]);
  for (const name of byKind("expired")) pairs.set(name, pki.issue([name], { expired: true }));
  for (const name of byKind("self-signed")) pairs.set(name, pki.selfSigned([name]));
  for (const name of byKind("wildcard")) {
    const domain = parseDomain(name).domain ?? name;
    pairs.set(name, pki.issue([`*.${domain}`]));
  }
  const contexts = new Map<string, tls.SecureContext>();
  const contextFor = (name: string): tls.SecureContext => {
    const kind = sites.get(name)?.cert ?? "good";
    const pair = kind === "good" ? good : kind === "wrong" ? wrong : (pairs.get(name) ?? good);
    const key = kind === "good" || kind === "wrong" ? kind : name;
    let ctx = contexts.get(key);
    if (!ctx) {
      ctx = tls.createSecureContext(pair);
      contexts.set(key, ctx);
    }
    return ctx;
  };

  const handler = (scheme: "http" | "https") => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const path = req.url ?? "/";
    const method = req.method ?? "GET";
    requests.push({ scheme, method, host, path });
    const site = sites.get(host);
    const answer =
      (scheme === "https" ? site?.https : site?.http) ?? site?.https ?? site?.origin?.({ method, path }) ?? (site ? SENDGRID_REDIRECT : { status: 421, body: "unknown host" });
    const send = () => res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? "");
    if (latency > 0) setTimeout(send, latency);
    else send();
  };

  const httpsServer = https.createServer({ ...good, SNICallback: (name, cb) => cb(null, contextFor(name.toLowerCase())) }, handler("https"));
  const httpServer = http.createServer(handler("http"));
  const preloadServer = http.createServer((req, res) => {
    const domain = new URL(req.url ?? "/", "http://x").searchParams.get("domain") ?? "";
    preloadRequests.push(domain);
    const body = JSON.stringify({ name: domain, status: opts.preload?.[domain] ?? "unknown" });
    const send = () => res.writeHead(200, { "content-type": "application/json" }).end(body);
    if (latency > 0) setTimeout(send, latency);
    else send();
  });
  const [httpsPort, httpPort, preloadPort, dns] = await Promise.all([
    listen(httpsServer, opts.ports?.https),
    listen(httpServer, opts.ports?.http),
    listen(preloadServer, opts.ports?.preload),
    startDnsServer(opts.dns, { latencyMs: latency, port: opts.ports?.dns }),
  ]);

  const settings: VerifySettings = {
    ...DEFAULT_SETTINGS,
    dnsServers: [dns.server],
    allowLoopback: true,
    httpPort,
    httpsPort,
    hstsPreloadApiBaseUrl: `http://127.0.0.1:${preloadPort}/api/v2`,
    extraCa: [pki.ca],
    timeoutMs: 5_000,
    dnsTimeoutMs: 2_000,
  };

  return {
    settings,
    dns,
    pki,
    sites,
    requests,
    preloadRequests,
    async close() {
      await Promise.all([closeServer(httpsServer), closeServer(httpServer), closeServer(preloadServer), dns.close()]);
      pki.cleanup();
    },
  };
}

export interface Attempt {
  ip: string;
  port: number;
  name: string;
}

/**
 * A connector that records every connection attempt. `passLoopback` lets 127.0.0.1 and ::1 through to the
 * real connector (the test's own servers); everything else is refused without any packet being sent.
 */
export function recordingConnector(settings: VerifySettings, opts: { passLoopback: boolean }): { attempts: Attempt[]; connector: Connector } {
  const attempts: Attempt[] = [];
  const real = netConnector(settings);
  return {
    attempts,
    connector: {
      async connect(address: CheckedAddress, port: number) {
        attempts.push({ ip: address.ip, port, name: address.name });
        if (opts.passLoopback && (address.ip === "127.0.0.1" || address.ip === "::1")) return real.connect(address, port);
        throw Object.assign(new Error(`test connector: not connecting to ${address.ip}`), { code: "ETESTREFUSED" });
      },
    },
  };
}
