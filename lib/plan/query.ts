import { checkHostname, checkHostnames, describeErrors, OWNER_RECORD, tokenise } from "@/lib/hostnames";
import { CDN_IDS, REGIONS, type CdnId, type Region } from "@/lib/plan/types";
import { checkLink, quoted, targetName } from "@/lib/verify/link";

/**
 * The plan's non-secret state as it lives in the URL (contract.md "The plan lives in the URL"):
 * cdn, host (repeated), region, optional target (repeated, per host), and the wizard's mode and step.
 */

export const MODES = ["manual", "apply"] as const;
export type Mode = (typeof MODES)[number];

export interface PlanQuery {
  cdn?: CdnId;
  hosts: string[];
  region: Region;
  targets: (string | undefined)[];
  /** Owner records (`<digits>.<domain>`) from a pasted chart: shown as "leave as it is". */
  owners: string[];
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
}

export interface FieldError {
  field: string;
  message: string;
}

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

const MAX_PARAM_LENGTH = 2000;
const MAX_HOST_PARAMS = 200;
const STEP_ID = /^[a-z-]{1,20}$/;

export function toSearchParams(record: SearchParamsRecord | URLSearchParams): URLSearchParams {
  if (record instanceof URLSearchParams) return record;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

function single<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], errors: FieldError[], what: string): T | undefined {
  const values = [...new Set(params.getAll(name))];
  if (values.length === 0 || (values.length === 1 && values[0] === "")) return undefined;
  if (values.length > 1) {
    errors.push({ field: name, message: `${name} is given ${values.length} times with different values; give it once.` });
    return undefined;
  }
  const value = values[0]!.trim().toLowerCase() as T;
  if (!allowed.includes(value)) {
    errors.push({ field: name, message: `${what} must be one of: ${allowed.join(", ")}.` });
    return undefined;
  }
  return value;
}

export function parsePlanQuery(input: SearchParamsRecord | URLSearchParams): { query: PlanQuery; errors: FieldError[] } {
  const params = toSearchParams(input);
  const errors: FieldError[] = [];
  const cdn = single(params, "cdn", CDN_IDS, errors, "cdn");
  const region = single(params, "region", REGIONS, errors, "region") ?? "global";
  const mode = single(params, "mode", MODES, errors, "mode");

  const rawHosts = params.getAll("host");
  let hosts: string[] = [];
  if (rawHosts.length > MAX_HOST_PARAMS) {
    errors.push({ field: "host", message: `host is given ${rawHosts.length} times; give at most 100 hostnames.` });
  } else if (rawHosts.some((h) => h.length > MAX_PARAM_LENGTH)) {
    errors.push({ field: "host", message: "a host value is too long; a hostname has at most 253 characters." });
  } else {
    const checked = checkHostnames(rawHosts.flatMap((h, i) => tokenise(h).map(({ token }) => ({ token, line: i + 1 }))));
    hosts = checked.hosts;
    if (checked.errors.length > 0) {
      errors.push({ field: "host", message: describeErrors(checked.errors).replaceAll("Line ", "host #") });
    }
  }

  const targets = params.getAll("target").slice(0, MAX_HOST_PARAMS).map((t, i) => {
    if (t.trim() === "") return undefined;
    const value = targetName(t);
    if (value === null) {
      errors.push({ field: "target", message: `target #${i + 1} is not a hostname (e.g. d111111abcdef8.cloudfront.net).` });
      return undefined;
    }
    return value;
  });

  const owners: string[] = [];
  for (const [i, raw] of params.getAll("owner").slice(0, MAX_HOST_PARAMS).entries()) {
    const checked = checkHostname(raw);
    if (checked.ok && OWNER_RECORD.test(checked.host)) {
      if (!owners.includes(checked.host)) owners.push(checked.host);
    } else {
      errors.push({ field: "owner", message: `owner #${i + 1} is not an owner record (digits, then the branded domain, e.g. 1234567.news.example.com).` });
    }
  }

  // Checked against the hosts, as /api/verify does; stored as its path and query only.
  let link: string | undefined;
  const rawLink = params.get("link")?.trim();
  if (rawLink) {
    const checked = checkLink(rawLink, hosts);
    if (checked.ok) link = checked.path;
    else errors.push({ field: "link", message: `The tracked link ${quoted(rawLink)} ${checked.message}` });
  }
  const override = params.get("override") === "1" ? true : undefined;

  const rawStep = params.get("step") ?? undefined;
  const step = rawStep && STEP_ID.test(rawStep) ? rawStep : undefined;
  const present = params.get("present") === "1";
  return { query: { cdn, hosts, region, targets, owners, link, override, mode, step, present }, errors };
}

/** The canonical URL query of a plan state; what share links carry. */
export function planQueryString(q: Partial<PlanQuery>): string {
  const params = new URLSearchParams();
  if (q.cdn) params.set("cdn", q.cdn);
  for (const h of q.hosts ?? []) params.append("host", h);
  if (q.region && q.region !== "global") params.set("region", q.region);
  if (q.targets?.some(Boolean)) for (const t of q.targets) params.append("target", t ?? "");
  for (const o of q.owners ?? []) params.append("owner", o);
  if (q.link) params.set("link", q.link);
  if (q.override) params.set("override", "1");
  if (q.mode) params.set("mode", q.mode);
  if (q.step) params.set("step", q.step);
  if (q.present) params.set("present", "1");
  return params.toString();
}

/** The plan alone, without the wizard's place in it: what /checklist, exports and share links of a plan carry. */
export function planOnlyQueryString(q: PlanQuery): string {
  return planQueryString({ cdn: q.cdn, hosts: q.hosts, region: q.region, targets: q.targets, owners: q.owners });
}

/** Check one host the way the hostnames field does (for single-value inputs). */
export { checkHostname };
