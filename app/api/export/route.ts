import type { NextRequest } from "next/server";
import { EXPORT_FORMATS, exportPlan, type ExportFormat } from "@/lib/export";
import { safeJson } from "@/lib/http/json";
import { buildPlan } from "@/lib/plan/build";
import { parsePlanQuery, planOnlyQueryString } from "@/lib/plan/query";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const { query, errors } = parsePlanQuery(params);
  const formats = [...new Set(params.getAll("format"))];
  if (formats.length !== 1 || !EXPORT_FORMATS.includes(formats[0] as ExportFormat)) {
    errors.push({ field: "format", message: `format must be given once, as one of: ${EXPORT_FORMATS.join(", ")}.` });
  }
  const built = errors.length > 0 ? { errors } : buildPlan(query);
  if (built.errors) return safeJson({ error: "invalid export query", fields: built.errors }, { status: 400 });

  const shareUrl = `${request.nextUrl.origin}/setup?${planOnlyQueryString(query)}`;
  const result = exportPlan(built.plan, formats[0] as ExportFormat, shareUrl);
  if (!result.ok) return safeJson({ error: "format not available", fields: [{ field: "format", message: result.message }] }, { status: 400 });
  if (formats[0] === "json") return safeJson(built.plan, { headers: { "cache-control": "no-store" } });
  return new Response(result.body, {
    headers: {
      "content-type": result.contentType,
      "content-disposition": `inline; filename="${result.filename}"`,
      "cache-control": "no-store",
    },
  });
}
