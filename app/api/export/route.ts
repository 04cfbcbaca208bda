import type { NextRequest } from "next/server";
import { DNS_HOST_IDS, isDnsHostId } from "@/lib/dns-hosts/registry";
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
  const dnsHosts = [...new Set(params.getAll("dnshost"))];
  if (dnsHosts.length > 1 || (dnsHosts[0] !== undefined && !isDnsHostId(dnsHosts[0]))) {
    errors.push({ field: "dnshost", message: `dnshost is optional and given once, as one of: ${DNS_HOST_IDS.join(", ")}.` });
  }
  const built = errors.length > 0 ? { errors } : buildPlan(query);
  if (built.errors) return safeJson({ error: "invalid export query", fields: built.errors }, { status: 400 });

  const shareUrl = `${request.nextUrl.origin}/setup?${planOnlyQueryString(query)}`;
  const dnsHost = dnsHosts[0] !== undefined && isDnsHostId(dnsHosts[0]) ? dnsHosts[0] : undefined;
  const result = exportPlan(built.plan, formats[0] as ExportFormat, shareUrl, { dnsHost });
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
