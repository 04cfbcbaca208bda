import { NextResponse, type NextRequest } from "next/server";
import { COMMON_SECURITY_HEADERS, isPagePath, newNonce, NONCE_HEADER, pagePolicy, RESOURCE_POLICY } from "@/lib/security/headers";
import limits from "@/lib/security/limits.json";

/**
 * Every request passes here (Next.js 16 Proxy, the former middleware):
 * - security headers on every response; pages get a fresh script nonce per request, which Next.js reads from
 *   the request's Content-Security-Policy header and puts on its own scripts;
 * - a server action whose body is larger than the limit is refused with 413 before it is read (Next.js
 *   itself would answer such a body with a 500).
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > limits.serverActionBodyBytes) {
    return withHeaders(new NextResponse(JSON.stringify({ error: "request body too large" }), { status: 413, headers: { "content-type": "application/json" } }), RESOURCE_POLICY);
  }
  const nonce = isPagePath(request.nextUrl.pathname) ? newNonce() : undefined;
  const policy = nonce ? pagePolicy(nonce, process.env.NODE_ENV === "development") : RESOURCE_POLICY;

  const requestHeaders = new Headers(request.headers);
  if (nonce) {
    requestHeaders.set(NONCE_HEADER, nonce);
    requestHeaders.set("Content-Security-Policy", policy);
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function withHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
