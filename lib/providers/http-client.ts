import "server-only";
import type * as z from "zod/mini";
import { withRetry } from "@/lib/async";
import { createOnce, REFUSED, type CreateFailure } from "@/lib/providers/create-once";
import { failureOf } from "@/lib/providers/engine/failure";
import { policyOf, type Policy } from "@/lib/providers/engine/policy";
import type { Scrub } from "@/lib/providers/engine/scrub";
import type { ProviderError } from "@/lib/providers/types";

/**
 * The small fetch layer under the Fastly and KeyCDN clients: base URL, timeout and bounded retries (the
 * engine's policy), zod-checked JSON, and errors that never carry a credential. Provider clients add their
 * own auth header, body encoding and envelope; errors.ts in each provider turns these errors into ProviderErrors.
 */

export interface HttpOptions {
  baseUrl: string;
  /** Sent with every request (auth). Never logged, never part of an error. */
  headers: Record<string, string>;
  /** The run's scrubber: it removes the credential, in every form it is sent, from anything an error carries. */
  scrub: Scrub;
  timeoutMs?: number;
  maxRetries?: number;
  /** A hinted wait above this is not waited for: the error is reported instead. */
  maxRetryDelayMs?: number;
  /** Provider-specific wait hint in ms for a 429/5xx (e.g. Fastly-RateLimit-Reset), or null. */
  retryHint?: (headers: Headers) => number | null;
}

export type Body = { kind: "form"; fields: Record<string, string | number | boolean> } | { kind: "json"; contentType: string; value: unknown };

export interface HttpRequest<T> {
  /** Operation name used in error messages, e.g. "CreateDomain". */
  operation: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string>;
  body?: Body;
  schema: z.ZodMiniType<T>;
  /** Accept header; JSON unless the API speaks a JSON media type of its own (JSON:API). */
  accept?: string;
  /** Status codes answered without throwing (the caller gets `null` data), e.g. 404 for a search. */
  allow?: number[];
  /**
   * Whether sending it twice is harmless. Default: every method but POST. A PUT that creates something each
   * time it is carried out (Fastly's version clone) is not: send it with requestCreate.
   */
  idempotent?: boolean;
}

/** A non-2xx answer. `body` is already scrubbed of credentials. */
export class HttpError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly body: string,
    readonly headers: Headers,
  ) {
    super(`${operation} answered HTTP ${status}`);
    this.name = "HttpError";
  }
}

/** A 2xx answer whose body is not the JSON shape the client relies on (after a create: it was probably carried out). */
export class ShapeError extends Error {
  constructor(
    readonly operation: string,
    readonly detail: string,
  ) {
    super(`${operation}: unexpected response (${detail})`);
    this.name = "ShapeError";
  }
}

/** No answer: connection refused, reset, DNS failure, or the timeout fired. */
export class NetworkError extends Error {
  constructor(
    readonly operation: string,
    readonly timedOut: boolean,
  ) {
    super(timedOut ? `${operation} timed out` : `${operation} could not reach the API`);
    this.name = "NetworkError";
  }
}

/** The engine's policy with what these options set. */
function policy(opts: HttpOptions): Policy {
  return policyOf({ requestTimeoutMs: opts.timeoutMs, maxRetries: opts.maxRetries, maxRetryDelayMs: opts.maxRetryDelayMs });
}

/** Seconds or an HTTP date, as in Retry-After (RFC 9110 §10.2.3), to ms from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const at = i.path.length > 0 ? i.path.join(".") : "(body)";
      return i.code === "invalid_type" ? `${at}: expected ${i.expected}` : `${at}: ${i.message}`;
    })
    .join("; ");
}

export function parseShape<T>(operation: string, schema: z.ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ShapeError(operation, describeIssues(parsed.error.issues));
  return parsed.data;
}

function encodeBody(body: Body | undefined): { contentType?: string; text?: string } {
  if (!body) return {};
  if (body.kind === "json") return { contentType: body.contentType, text: JSON.stringify(body.value) };
  const form = new URLSearchParams();
  // Fastly's config endpoints take booleans as 0/1 (docs/providers/fastly.md#wire-format).
  for (const [k, v] of Object.entries(body.fields)) form.set(k, typeof v === "boolean" ? (v ? "1" : "0") : String(v));
  return { contentType: "application/x-www-form-urlencoded", text: form.toString() };
}

export interface HttpResponse<T> {
  status: number;
  data: T | null;
  headers: Headers;
}

async function once<T>(opts: HttpOptions, req: HttpRequest<T>): Promise<HttpResponse<T>> {
  const url = new URL(opts.baseUrl.replace(/\/+$/, "") + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  const { contentType, text } = encodeBody(req.body);
  let res: Response;
  let raw: string;
  try {
    res = await fetch(url, {
      method: req.method,
      headers: { accept: req.accept ?? "application/json", ...(contentType ? { "content-type": contentType } : {}), ...opts.headers },
      body: text,
      redirect: "error",
      signal: AbortSignal.timeout(policy(opts).requestTimeoutMs),
    });
    raw = await res.text();
  } catch (error) {
    const name = (error as { name?: string }).name;
    throw new NetworkError(req.operation, name === "TimeoutError" || name === "AbortError");
  }
  if (req.allow?.includes(res.status)) return { status: res.status, data: null, headers: res.headers };
  if (res.status < 200 || res.status >= 300) throw new HttpError(req.operation, res.status, opts.scrub(raw), res.headers);
  let json: unknown;
  try {
    json = raw === "" ? null : JSON.parse(raw);
  } catch {
    throw new ShapeError(req.operation, "the body is not JSON");
  }
  return { status: res.status, data: parseShape(req.operation, req.schema, json), headers: res.headers };
}

/**
 * One API call with a timeout and bounded retries. Retried: 429 always (the request was refused, so
 * repeating it cannot duplicate anything); 5xx, timeouts and resets only for idempotent requests (by default
 * GET/PUT/DELETE), because a POST that failed half-way may have created something (a create is sent with
 * requestCreate, which looks for it before sending it again). The wait honours Retry-After and the provider's
 * hint; a hint above maxRetryDelayMs is not slept on: the error is reported with its hint instead.
 */
export async function request<T>(opts: HttpOptions, req: HttpRequest<T>): Promise<HttpResponse<T>> {
  const idempotent = req.idempotent ?? req.method !== "POST";
  const { retries, maxRetryDelayMs, baseDelayMs } = policy(opts);
  return withRetry(() => once(opts, req), {
    retries,
    baseDelayMs,
    maxDelayMs: maxRetryDelayMs,
    retryAfter: (error) => retryDelay(opts, error, idempotent),
  });
}

/** The wait before retrying after `error`, or null when it must not be retried (see request()). */
function retryDelay(opts: HttpOptions, error: unknown, idempotent: boolean): number | null {
  const maxDelay = policy(opts).maxRetryDelayMs;
  if (error instanceof NetworkError) return idempotent ? 0 : null;
  if (!(error instanceof HttpError)) return null;
  if (error.status !== 429 && !(error.status >= 500 && idempotent)) return null;
  // The provider's own hint is a rate-limit reset (Fastly sends it on every write): only a 429 waits for it.
  const hinted = hintedDelay(error.headers, error.status === 429 ? opts.retryHint : undefined);
  return hinted !== null && hinted > maxDelay ? null : (hinted ?? 0);
}

/**
 * A write that creates something every time the provider carries it out, whatever its method says (every
 * POST that creates, and Fastly's version clone): sent once, and after a failure that may have made it looked
 * for with `alreadyDone` before it is sent again (lib/providers/create-once.ts). `read` turns the answer into
 * the caller's value when the body is an envelope to unwrap first (KeyCDN); it may throw, e.g. an HttpError
 * for a refusal inside a 2xx, or a ShapeError for an answer it cannot read.
 */
export function requestCreate<T, R = T>(
  opts: HttpOptions,
  req: HttpRequest<T>,
  alreadyDone: () => Promise<R | null>,
  read: (res: HttpResponse<T>) => R = (res) => res.data as unknown as R,
): Promise<R> {
  const { retries, maxRetryDelayMs } = policy(opts);
  return createOnce({
    send: async () => read(await once(opts, req)),
    alreadyMade: alreadyDone,
    classify: (error) => createFailure(opts, error),
    retries,
    maxDelayMs: maxRetryDelayMs,
  });
}

/**
 * What a create's failure means (create-once.ts). No answer or a 5xx: it may have been carried out; a 2xx whose
 * body cannot be read (ShapeError): it probably was. A 429 was refused before anything was done: sent again
 * after its hint, or reported when the hint is beyond the bound (as request() does). Anything else, a refusal
 * inside a 2xx included, was refused.
 */
export function createFailure(opts: HttpOptions, error: unknown): CreateFailure {
  if (error instanceof ShapeError) return { kind: "outcomeUnknown", afterMs: 0 };
  if (error instanceof NetworkError || (error instanceof HttpError && error.status >= 500)) return { kind: "outcomeUnknown", afterMs: retryDelay(opts, error, true) };
  if (error instanceof HttpError && error.status === 429) {
    const afterMs = retryDelay(opts, error, true);
    return afterMs === null ? REFUSED : { kind: "retryLater", afterMs };
  }
  return REFUSED;
}

/** The longer of Retry-After and the provider's own hint, in ms; null when neither is given. */
export function hintedDelay(headers: Headers, retryHint?: (headers: Headers) => number | null): number | null {
  const hints = [parseRetryAfter(headers.get("retry-after")), retryHint?.(headers) ?? null].filter((h): h is number => h !== null);
  return hints.length > 0 ? Math.max(...hints) : null;
}

/** Errors every provider words the same way: no answer, or an answer in a shape we do not understand. */
export function commonError(error: unknown, providerName: string): ProviderError | null {
  const known = failureOf(error);
  if (known) return known;
  if (error instanceof NetworkError) {
    return error.timedOut
      ? {
          code: "timeout",
          message: `${providerName} did not answer in time (${error.operation}).`,
          action: `Run it again in a minute; the steps already done are found and reused. If it keeps timing out, check ${providerName}'s status page.`,
        }
      : {
          code: "unreachable",
          message: `${providerName}'s API could not be reached (${error.operation}).`,
          action: "Check that this server can reach the provider's API (proxy or firewall), then run it again.",
        };
  }
  if (error instanceof ShapeError) {
    return {
      code: "unexpected_response",
      message: `${providerName} answered ${error.operation} in a shape this tool does not understand: ${error.detail}.`,
      action: "Run it again; if it happens again, follow the manual checklist for this host and report the message above.",
    };
  }
  return null;
}

/** Wait hint as words: "in 3 minutes", for rate-limit messages. */
export function describeWait(ms: number | null): string {
  if (ms === null) return "in a few minutes";
  const s = Math.ceil(ms / 1000);
  if (s < 90) return `in ${s} second${s === 1 ? "" : "s"}`;
  return `in ${Math.ceil(s / 60)} minutes`;
}
