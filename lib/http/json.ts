import { NextResponse } from "next/server";

/**
 * JSON whose strings cannot be read as markup even if a client sniffs or inlines it: <, > and & are
 * escaped as \u003c, \u003e, \u0026 (still the same JSON value once parsed).
 */
export function safeJson(value: unknown, init?: ResponseInit): NextResponse {
  const body = JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const headers = new Headers(init?.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new NextResponse(body, { ...init, headers });
}
