import type { CdnId, Region } from "@/lib/plan/types";

/**
 * The plan's state as a URL query, without the hostname checks: client components import this, so the
 * public-suffix list (tldts, in lib/hostnames) stays on the server. Parsing lives in query.ts.
 */

export const MODES = ["manual", "apply"] as const;
export type Mode = (typeof MODES)[number];

export interface PlanQuery {
  cdn?: CdnId;
  hosts: string[];
  region: Region;
  targets: (string | undefined)[];
  mode?: Mode;
  step?: string;
  present: boolean;
}

/** The canonical URL query of a plan state; what share links carry. */
export function planQueryString(q: Partial<PlanQuery>): string {
  const params = new URLSearchParams();
  if (q.cdn) params.set("cdn", q.cdn);
  for (const h of q.hosts ?? []) params.append("host", h);
  if (q.region && q.region !== "global") params.set("region", q.region);
  if (q.targets?.some(Boolean)) for (const t of q.targets) params.append("target", t ?? "");
  if (q.mode) params.set("mode", q.mode);
  if (q.step) params.set("step", q.step);
  if (q.present) params.set("present", "1");
  return params.toString();
}
