import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";
import limits from "@/lib/security/limits.json";

/**
 * The harness every provider fake runs on: a loopback HTTP server with fault injection, shared by the
 * e2e run and the in-app sandbox. Control endpoints live under /__sandbox/, are never part of a
 * provider's API, and exist only when the fake is started with `controls: true` (tests, the e2e run, and
 * the in-app sandbox under the test-only SANDBOX_CONTROLS=1); otherwise every /__sandbox/ path answers 404
 * and never reaches the provider's API or the call log:
 *   POST /__sandbox/faults   [{ match, status, times?, retryAfter?, body?, contentType?, delayMs?, bodyIncludes?, drop? }]
 *                            `match` is a substring of "METHOD /path" or of the operation name
 *   POST /__sandbox/faults/clear  drops the faults not yet used (state is kept)
 *   POST /__sandbox/latency  { ms }  added to every API call
 *   POST /__sandbox/reset    clears state, faults and latency
 *   GET  /__sandbox/calls    the calls seen so far: [{ op, method, path, fault? }], the latest
 *                            `callLogEntries` (lib/security/limits.json); without controls nothing is logged
 * A control body that is not what it should be answers 400 with { error }. Nothing a request sends can make a
 * handler throw past the server: anything unexpected answers 500 (or, once answering, drops the connection).
 */

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Fault {
  match: string;
  status: number;
  times?: number;
  retryAfter?: number;
  body?: string;
  contentType?: string;
  /** Hang this long before answering (for timeouts). */
  delayMs?: number;
  /** Only requests whose body contains this (e.g. one hostname), so concurrent tests do not use each other's faults. */
  bodyIncludes?: string;
  /**
   * "after-handling": the fake carries the request out (the resource is created), then drops the connection
   * without answering, as when a response is lost on the way back. `status` is ignored.
   */
  drop?: "after-handling";
  /**
   * "handling": the fake carries the request out (the resource is created), then answers with this fault's
   * status and body instead of its own answer, as when a create succeeds but its 2xx body is garbled.
   */
  after?: "handling";
}

/**
 * One call in the log; `fault` is the injected status that answered it, or "dropped" for a lost answer;
 * `carriedOut` marks a fault with `after: "handling"` (the request was carried out before the fault answered).
 */
export interface FakeCall {
  op: string;
  method: string;
  path: string;
  fault?: number | "dropped";
  carriedOut?: true;
}

export interface FakeApi {
  /** The operation's name for fault matching and call logs, e.g. "CreateDistribution". */
  operation(req: FakeRequest): string;
  handle(req: FakeRequest): FakeResponse | Promise<FakeResponse>;
  reset(): void | Promise<void>;
}

export interface RunningFake {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export interface StartFakeOptions {
  port?: number;
  host?: string;
  /** Serve the /__sandbox/ control endpoints (faults, latency, reset, call log). Test-only. */
  controls?: boolean;
}

export async function startFake(api: FakeApi, opts: StartFakeOptions = {}): Promise<RunningFake> {
  let faults: Fault[] = [];
  let latencyMs = 0;
  let calls: FakeCall[] = [];

  const server = http.createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { "content-type": "text/plain" }).end(`fake failed: ${(error as Error).message}`);
    });
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const u = new URL(req.url ?? "/", "http://fake");
    const fr: FakeRequest = { method: req.method ?? "GET", path: u.pathname, query: u.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };

    if (fr.path.startsWith("/__sandbox/")) {
      if (!opts.controls) return res.writeHead(404).end();
      const send = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (fr.path === "/__sandbox/faults" && fr.method === "POST") {
        const parsed = parseJson(fr.body || "[]");
        if (!parsed.ok) return send(400, { error: `POST /__sandbox/faults: the body is not JSON (${parsed.problem})` });
        if (!Array.isArray(parsed.value) || !parsed.value.every(isFaultShaped)) {
          return send(400, { error: "POST /__sandbox/faults: the body must be a JSON array of faults, each with a string match and a number status" });
        }
        faults = faults.concat(parsed.value as Fault[]);
        return send(200, { faults: faults.length });
      }
      if (fr.path === "/__sandbox/faults/clear" && fr.method === "POST") {
        faults = [];
        return send(200, { faults: 0 });
      }
      if (fr.path === "/__sandbox/latency" && fr.method === "POST") {
        const parsed = parseJson(fr.body || "{}");
        if (!parsed.ok) return send(400, { error: `POST /__sandbox/latency: the body is not JSON (${parsed.problem})` });
        const ms = isObject(parsed.value) ? (parsed.value.ms ?? 0) : undefined;
        if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) return send(400, { error: 'POST /__sandbox/latency: the body must be { "ms": a number ≥ 0 }' });
        latencyMs = ms;
        return send(200, { latencyMs });
      }
      if (fr.path === "/__sandbox/reset" && fr.method === "POST") {
        faults = [];
        latencyMs = 0;
        calls = [];
        await api.reset();
        return send(200, { reset: true });
      }
      if (fr.path === "/__sandbox/calls") return send(200, calls);
      return send(404, { error: "unknown sandbox control" });
    }

    const op = api.operation(fr);
    const call: FakeCall = { op, method: fr.method, path: fr.path };
    if (opts.controls) {
      calls.push(call);
      if (calls.length > limits.sandbox.callLogEntries) calls.splice(0, calls.length - limits.sandbox.callLogEntries);
    }
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));

    const signature = `${fr.method} ${fr.path}`;
    const fault = faults.find((f) => (signature.includes(f.match) || op === f.match) && (f.bodyIncludes === undefined || fr.body.includes(f.bodyIncludes)));
    if (fault) {
      call.fault = fault.drop ? "dropped" : fault.status;
      if (fault.times !== undefined && --fault.times <= 0) faults = faults.filter((f) => f !== fault);
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.drop === "after-handling") {
        await Promise.resolve(api.handle(fr)).catch(() => undefined);
        res.socket?.destroy();
        return;
      }
      if (fault.after === "handling") {
        await Promise.resolve(api.handle(fr)).catch(() => undefined);
        call.carriedOut = true;
      }
      const headers: Record<string, string> = { "content-type": fault.contentType ?? "application/json" };
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      res.writeHead(fault.status, headers).end(fault.body ?? "");
      return;
    }

    const out = await api.handle(fr);
    res.writeHead(out.status, out.headers ?? {}).end(out.body ?? "");
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFaultShaped(value: unknown): boolean {
  return isObject(value) && typeof value.match === "string" && typeof value.status === "number";
}
