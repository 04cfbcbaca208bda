import { PROVIDERS } from "@/lib/providers";
import type { Plan } from "@/lib/plan/types";
import type { FieldError, PlanQuery } from "@/lib/plan/query";

/** The plan for a query, or the field errors that prevent one. */
export function buildPlan(query: PlanQuery): { plan: Plan; errors?: undefined } | { plan?: undefined; errors: FieldError[] } {
  if (!query.cdn) return { errors: [{ field: "cdn", message: "cdn is required: one of cloudfront, cloudflare, fastly, keycdn." }] };
  if (query.hosts.length === 0) return { errors: [{ field: "host", message: "host is required: give at least one link-branding hostname." }] };
  const provider = PROVIDERS[query.cdn];
  if (!provider) return { errors: [{ field: "cdn", message: `${query.cdn} is coming soon: its values are not available yet.` }] };
  return { plan: provider.plan({ hosts: query.hosts, region: query.region, targets: query.targets, ownerRecords: query.owners, zones: query.zones }) };
}
