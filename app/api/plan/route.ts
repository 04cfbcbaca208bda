import type { NextRequest } from "next/server";
import { safeJson } from "@/lib/http/json";
import { buildPlan } from "@/lib/plan/build";
import { parsePlanQuery } from "@/lib/plan/query";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  const { query, errors } = parsePlanQuery(request.nextUrl.searchParams);
  const built = errors.length > 0 ? { errors } : buildPlan(query);
  if (built.errors) return safeJson({ error: "invalid plan query", fields: built.errors }, { status: 400 });
  return safeJson(built.plan, { headers: { "cache-control": "no-store" } });
}
