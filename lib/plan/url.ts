import type { CdnId, Region } from "@/lib/domain/plan";
import type { EspId, GuideEspId } from "@/lib/domain/ids";
import { writeEspChoice } from "@/lib/esps/regions";

/**
 * The plan's non-secret state as it lives in the URL, and how to write it back. Kept apart from
 * query.ts (which validates, with the public-suffix list) so client components can build links
 * without shipping that list to the browser.
 */

export const MODES = ["manual", "apply"] as const;
export type Mode = (typeof MODES)[number];

/** How console values are shown: rows (the default) or pictures of the console panels. */
export type ValuesView = "list" | "console";

export interface PlanQuery {
  cdn?: CdnId;
  hosts: string[];
  /** The email provider (`esp`), SendGrid when the URL has none. */
  esp: EspId;
  region: Region;
  /** SparkPost Enterprise tenant (`tenant`). */
  tenant?: string;
  /** `esp` named an ESP the wizard only gives guidance for (lib/esps/<esp>, GuideEspModule): step 1 shows it. */
  guide?: GuideEspId;
  targets: (string | undefined)[];
  /** Owner records (`<digits>.<domain>`) from a pasted chart: shown as "leave as it is". */
  owners: string[];
  /** DNS zone per host when it is not the registrable domain (a delegated sub-zone), in host order. */
  zones: (string | undefined)[];
  /**
   * The tracked link the Test step verifies with (path and query, from an email the person sent). Not a
   * credential: kept in the URL so the DNS step and shared links re-check the same link.
   */
  link?: string;
  /** The person chose to switch DNS although verification did not pass: recorded visibly (`override=1`). */
  override?: boolean;
  mode?: Mode;
  step?: string;
  present: boolean;
  /** `view=console` shows console-panel pictures; anything else (or nothing) the list. */
  view?: ValuesView;
}

/** The canonical URL query of a plan state; what share links carry. */
export function planQueryString(q: Partial<PlanQuery>): string {
  const params = new URLSearchParams();
  if (q.cdn) params.set("cdn", q.cdn);
  for (const h of q.hosts ?? []) params.append("host", h);
  writeEspChoice(params, q, q.guide);
  if (q.targets?.some(Boolean)) for (const t of q.targets) params.append("target", t ?? "");
  for (const o of q.owners ?? []) params.append("owner", o);
  if (q.zones?.some(Boolean)) for (const z of q.zones) params.append("zone", z ?? "");
  if (q.link) params.set("link", q.link);
  if (q.override) params.set("override", "1");
  if (q.mode) params.set("mode", q.mode);
  if (q.step) params.set("step", q.step);
  if (q.present) params.set("present", "1");
  if (q.view === "console") params.set("view", "console");
  return params.toString();
}

/** The plan alone, without the wizard's place in it: what /checklist, exports and share links of a plan carry. */
export function planOnlyQueryString(q: PlanQuery): string {
  return planQueryString({ cdn: q.cdn, hosts: q.hosts, esp: q.esp, region: q.region, tenant: q.tenant, targets: q.targets, owners: q.owners, zones: q.zones });
}
