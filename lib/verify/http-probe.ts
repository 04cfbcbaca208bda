import "server-only";
import http from "node:http";
import type net from "node:net";
import type { CheckedAddress, Guard, Resolution } from "./guard";
import { handshake, type TlsObservation } from "./tls-probe";

/**
 * One pinned HTTP(S) exchange, like `curl --resolve host:port:<ip>`: connect to an address the guard checked,
 * (TLS with SNI = host), send `GET path` (or HEAD) with `Host: host`, read at most `maxBodyBytes` of the answer, and
 * return what came back. Redirects are reported, never followed. The whole exchange has one deadline.
 */

export const USER_AGENT = "ssl-click-tracking-wizard verifier (tracked-link check)";

export type HttpObservation =
  | {
      ok: true;
      status: number;
      /** Lower-case names; repeated headers joined with ", ". */
      headers: Record<string, string>;
      location: string | null;
      /** The first maxBodyBytes of the body, as text. */
      body: string;
      truncated: boolean;
    }
  | { ok: false; stage: "connect" | "tls" | "http"; code: string; message: string };

export interface ExchangeResult {
  address: CheckedAddress;
  port: number;
  /** Null for plain HTTP. */
  tls: TlsObservation | null;
  /** Null when no request was asked for (a TLS-only probe). */
  http: HttpObservation | null;
  elapsedMs: number;
}

export interface ExchangeOptions {
  scheme: "http" | "https";
  port: number;
  /** Sent as Host, and as SNI unless `servername` says otherwise. */
  hostHeader: string;
  /** SNI override; null sends none (IP literals). */
  servername?: string | null;
  /** Path and query, starting with "/"; null for a TLS handshake only. */
  path: string | null;
  /** GET unless said otherwise (an ESP's own check may be a HEAD, e.g. SES's /favicon.ico). */
  method?: "GET" | "HEAD";
  extraCa: string[];
  timeoutMs: number;
  maxBodyBytes: number;
}

const errorCode = (error: unknown, fallback: string) => (error as { code?: string } | null)?.code ?? fallback;
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function exchange(guard: Pick<Guard, "open">, address: CheckedAddress, opts: ExchangeOptions): Promise<ExchangeResult> {
  const started = performance.now();
  const result = (tlsObs: TlsObservation | null, httpObs: HttpObservation | null): ExchangeResult => ({
    address,
    port: opts.port,
    tls: tlsObs,
    http: httpObs,
    elapsedMs: Math.round(performance.now() - started),
  });

  let raw: net.Socket;
  try {
    raw = await guard.open(address, opts.port);
  } catch (error) {
    return result(null, { ok: false, stage: "connect", code: errorCode(error, "ECONNECT"), message: errorMessage(error) });
  }
  // Errors are read through the listeners below; this one keeps a late error from going unhandled.
  raw.on("error", () => {});
  let current: net.Socket = raw;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    current.destroy(Object.assign(new Error(`no complete answer within ${opts.timeoutMs} ms`), { code: "ETIMEDOUT" }));
  }, opts.timeoutMs);
  const connectFailure = (stage: "connect" | "tls" | "http", code: string, message: string): HttpObservation =>
    timedOut ? { ok: false, stage, code: "ETIMEDOUT", message: `no complete answer within ${opts.timeoutMs} ms` } : { ok: false, stage, code, message };

  try {
    let tlsObs: TlsObservation | null = null;
    if (opts.scheme === "https") {
      const done = await handshake(raw, { servername: opts.servername === undefined ? opts.hostHeader : opts.servername, extraCa: opts.extraCa });
      tlsObs = done.observation;
      current = done.socket;
      if (!tlsObs.ok) {
        const stage = tlsObs.code === "ECONNREFUSED" || tlsObs.code === "EHOSTUNREACH" ? "connect" : "tls";
        if (timedOut) tlsObs = { ok: false, code: "ETIMEDOUT", message: `no complete answer within ${opts.timeoutMs} ms` };
        return result(tlsObs, connectFailure(stage, tlsObs.code, tlsObs.message));
      }
    }
    if (opts.path === null) return result(tlsObs, null);
    const httpObs = await request(current, opts.path, opts);
    return result(tlsObs, httpObs.ok ? httpObs : connectFailure(httpObs.stage, httpObs.code, httpObs.message));
  } finally {
    clearTimeout(timer);
    current.destroy();
    raw.destroy();
  }
}

function flatten(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function request(socket: net.Socket, path: string, opts: ExchangeOptions): Promise<HttpObservation> {
  return new Promise((resolve) => {
    let req: http.ClientRequest;
    try {
      req = http.request({
        createConnection: () => socket,
        method: opts.method ?? "GET",
        path,
        setHost: false,
        headers: { host: opts.hostHeader, "user-agent": USER_AGENT, accept: "*/*", "accept-encoding": "identity", connection: "close" },
      });
    } catch (error) {
      resolve({ ok: false, stage: "http", code: errorCode(error, "EREQUEST"), message: errorMessage(error) });
      return;
    }
    let settled = false;
    let connected = !socket.connecting;
    socket.once("connect", () => (connected = true));
    req.once("error", (error) => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, stage: connected ? "http" : "connect", code: errorCode(error, "EHTTP"), message: errorMessage(error) });
    });
    req.once("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        const headers = flatten(res.headers);
        resolve({
          ok: true,
          status: res.statusCode ?? 0,
          headers,
          location: headers.location ?? null,
          body: Buffer.concat(chunks).toString("utf8"),
          truncated,
        });
      };
      res.on("data", (chunk: Buffer) => {
        if (truncated) return;
        const room = opts.maxBodyBytes - size;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          size = opts.maxBodyBytes;
          truncated = chunk.length > room || !res.complete;
          finish();
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.once("end", finish);
      res.once("close", finish);
      res.once("error", finish);
    });
    req.end();
  });
}

export type FetchResult = { ok: true; resolution: Resolution & { ok: true }; result: ExchangeResult } | { ok: false; resolution: Resolution & { ok: false } };

/** GET a URL through the guard: the URL's host is resolved and checked, the connection is pinned to it. */
export async function guardedGet(
  guard: Pick<Guard, "open" | "resolve">,
  url: URL,
  opts: { port: number; extraCa: string[]; timeoutMs: number; maxBodyBytes: number },
): Promise<FetchResult> {
  // The WHATWG parser has already normalised odd IPv4 forms (0x7f.1, 2130706433) to dotted quads.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const resolution = await guard.resolve(host);
  if (!resolution.ok) return { ok: false, resolution };
  const isLiteral = resolution.address.ip === host;
  const result = await exchange(guard, resolution.address, {
    scheme: url.protocol === "https:" ? "https" : "http",
    port: opts.port,
    hostHeader: url.port ? `${url.hostname}:${url.port}` : url.hostname,
    servername: isLiteral ? null : host,
    path: `${url.pathname}${url.search}`,
    extraCa: opts.extraCa,
    timeoutMs: opts.timeoutMs,
    maxBodyBytes: opts.maxBodyBytes,
  });
  return { ok: true, resolution, result };
}
