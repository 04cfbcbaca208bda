import { PROVIDERS } from "@/lib/providers";
import { CDN_IDS, type Plan } from "@/lib/domain/plan";
import type { FieldError, PlanQuery } from "@/lib/plan/query";

/** The plan for a query, or the field errors that prevent one. */
export function buildPlan(query: PlanQuery): { plan: Plan; errors?: undefined } | { plan?: undefined; errors: FieldError[] } {
  if (!query.cdn) return { errors: [{ field: "cdn", message: `cdn is required: one of ${CDN_IDS.join(", ")}.` }] };
  if (query.hosts.length === 0) return { errors: [{ field: "host", message: "host is required: give at least one link-branding hostname." }] };
  const provider = PROVIDERS[query.cdn];
  return { plan: provider.plan({ hosts: query.hosts, esp: query.esp, region: query.region, tenant: query.tenant, targets: query.targets, ownerRecords: query.owners, zones: query.zones }) };
}
