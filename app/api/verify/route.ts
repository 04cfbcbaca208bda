import { parseVerifyQuery } from "@/lib/verify/input";
import { clientKey, verifyRateLimiter } from "@/lib/verify/rate-limit";
import type { VerifyErrorBody, VerifyReport } from "@/lib/verify/types";
import { failedReport, verifyHosts } from "@/lib/verify/verify";

/**
 * GET /api/verify?cdn=…&host=…[&target=…][&link=…][&phase=…][&region=…] (docs/contract.md#verification).
 * Node.js runtime (raw TCP/TLS, DNS), never cached. Bad input is a 400 naming the field, too many requests a
 * 429 with Retry-After; anything unexpected still answers 200 with every check failed: never a 5xx.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

const error = (status: number, body: VerifyErrorBody, headers: Record<string, string> = {}) => Response.json(body, { status, headers: { ...NO_STORE, ...headers } });

export async function GET(request: Request): Promise<Response> {
  try {
    return await handle(request);
  } catch {
    // Only reachable through a bug: still a JSON answer, never a 5xx.
    return error(400, { error: { field: null, message: "The request could not be handled; try again." } });
  }
}

async function handle(request: Request): Promise<Response> {
  const take = await verifyRateLimiter.take(clientKey(request.headers));
  if (!take.ok) {
    return error(
      429,
      { error: { field: null, message: `Too many verification requests; try again in ${take.retryAfterSeconds} s.` }, retryAfterSeconds: take.retryAfterSeconds },
      { "retry-after": String(take.retryAfterSeconds) },
    );
  }
  const parsed = parseVerifyQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return error(400, { error: { field: parsed.field, message: parsed.message } });

  let report: VerifyReport;
  try {
    report = await verifyHosts(parsed.input);
  } catch (e) {
    report = failedReport(parsed.input, e);
  }
  return Response.json(report, { headers: NO_STORE });
}
