import "server-only";
import { randomBytes } from "node:crypto";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";

/**
 * The wire format every part of the Cloudflare fake answers in (docs/providers/cloudflare.md#envelope):
 * `{success, errors: [{code, message}], messages, result}`, plus `result_info {page, per_page, count,
 * total_count, total_pages}` on lists. Shared by fake.ts, fake-dns.ts, fake-rulesets.ts and fake-certs.ts.
 */

export interface CfError {
  code: number;
  message: string;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

export function ok(result: unknown, extra: { result_info?: unknown; messages?: CfError[] } = {}, status = 200): FakeResponse {
  const body: Record<string, unknown> = { success: true, errors: [], messages: extra.messages ?? [], result };
  if (extra.result_info) body.result_info = extra.result_info;
  return json(status, body);
}

export function fail(status: number, ...errors: CfError[]): FakeResponse {
  return json(status, { success: false, errors, messages: [], result: null });
}

/** Errors any route can answer. */
export const WIRE_ERROR = {
  noRoute: () => fail(404, { code: 7000, message: "No route for that URI" }),
  methodNotAllowed: (m: string) => fail(405, { code: 7001, message: `Method ${m} not available for that URI.` }), // unverified code
  missingAuth: () => fail(400, { code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }),
  badAuthFormat: () => fail(400, { code: 6003, message: "Invalid request headers" }, { code: 6111, message: "Invalid format for Authorization header" }),
  invalidToken: () => fail(401, { code: 1000, message: "Invalid API Token" }),
  unauthorized: () => fail(403, { code: 9109, message: "Unauthorized to access requested resource" }),
  authentication: () => fail(403, { code: 10000, message: "Authentication error" }),
  badZone: (id: string) => fail(404, { code: 7003, message: `Could not route to /zones/${id}, perhaps your object identifier is invalid?` }),
  malformed: () => fail(400, { code: 6007, message: "Malformed JSON in request body" }),
};

export const hex32 = () => randomBytes(16).toString("hex");
export const now = () => new Date().toISOString();
export const lower = (s: string) => s.trim().toLowerCase().replace(/\.$/, "");

export function pageParams(query: URLSearchParams, defaultPerPage: number, maxPerPage: number) {
  const page = Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
  const perPage = Math.min(maxPerPage, Math.max(1, Number.parseInt(query.get("per_page") ?? String(defaultPerPage), 10) || defaultPerPage));
  return { page, perPage };
}

export function paginate<T>(items: T[], query: URLSearchParams, defaultPerPage: number, maxPerPage: number) {
  const { page, perPage } = pageParams(query, defaultPerPage, maxPerPage);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return {
    result: slice,
    result_info: { page, per_page: perPage, count: slice.length, total_count: items.length, total_pages: Math.max(1, Math.ceil(items.length / perPage)) },
  };
}

export function parseBody(req: FakeRequest): { ok: true; value: Record<string, unknown> } | { ok: false } {
  try {
    const value: unknown = JSON.parse(req.body || "{}");
    if (!isObject(value)) return { ok: false };
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
