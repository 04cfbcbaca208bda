import { checkHostname, checkHostnames, describeErrors, MAX_HOSTS, OWNER_RECORD, tokenise } from "@/lib/hostnames";
import { CDN_IDS } from "@/lib/domain/plan";
import { checkEspChoice, defaultRegion, MAX_ESP_VALUE_LENGTH } from "@/lib/esps/choice";
import { checkLink, quoted } from "@/lib/tracked-link";
import { hostRuleFor } from "@/lib/providers/host-rules";
import { EXAMPLE_CDN_ADDRESS } from "@/lib/providers/registry";
import { MODES, type PlanQuery, type ValuesView } from "@/lib/plan/url";
import { DEFAULT_ESP, type EspId, type GuideEspId } from "@/lib/domain/ids";

export { MODES, planOnlyQueryString, planQueryString, type Mode, type PlanQuery, type ValuesView } from "@/lib/plan/url";

/**
 * The plan's non-secret state as it lives in the URL (docs/contract.md#the-plan-lives-in-the-url):
 * cdn, host (repeated), region, optional target (repeated, per host), and the wizard's mode and step.
 * This module validates it (with the public-suffix list): server only. url.ts writes it back.
 */

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

/** `esp`, `region` and `tenant` (docs/contract.md#email-providers); SendGrid's default region when they are wrong. */
function espChoice(params: URLSearchParams, errors: FieldError[]): { esp: EspId; region: string; tenant?: string; guide?: GuideEspId } {
  const value = (name: string) => {
    const values = [...new Set(params.getAll(name).map((v) => v.trim().toLowerCase()))].filter((v) => v !== "");
    if (values.length > 1) errors.push({ field: name, message: `${name} is given ${values.length} times with different values; give it once.` });
    const v = values[0];
    if (v !== undefined && v.length > MAX_ESP_VALUE_LENGTH) {
      errors.push({ field: name, message: `${name} is too long (at most ${MAX_ESP_VALUE_LENGTH} characters).` });
      return undefined;
    }
    return values.length === 1 ? v : undefined;
  };
  const checked = checkEspChoice({ esp: value("esp"), region: value("region"), tenant: value("tenant") });
  errors.push(...checked.errors);
  return checked.choice ?? { esp: DEFAULT_ESP, region: defaultRegion(DEFAULT_ESP), guide: checked.guide };
}

export function parsePlanQuery(input: SearchParamsRecord | URLSearchParams): { query: PlanQuery; errors: FieldError[] } {
  const params = toSearchParams(input);
  const errors: FieldError[] = [];
  const cdn = single(params, "cdn", CDN_IDS, errors, "cdn");
  const email = espChoice(params, errors);
  const mode = single(params, "mode", MODES, errors, "mode");

  const rawHosts = params.getAll("host");
  let hosts: string[] = [];
  if (rawHosts.length > MAX_HOST_PARAMS) {
    errors.push({ field: "host", message: `host is given ${rawHosts.length} times; give at most ${MAX_HOSTS} hostnames.` });
  } else if (rawHosts.some((h) => h.length > MAX_PARAM_LENGTH)) {
    errors.push({ field: "host", message: "a host value is too long; a hostname has at most 253 characters." });
  } else {
    const checked = checkHostnames(
      rawHosts.flatMap((h, i) => tokenise(h).map(({ token }) => ({ token, line: i + 1 }))),
      hostRuleFor(cdn),
    );
    hosts = checked.hosts;
    if (checked.errors.length > 0) {
      errors.push({ field: "host", message: describeErrors(checked.errors).replaceAll("Line ", "host #") });
    }
  }

  const dnsNames = (name: "target" | "zone", example: string) =>
    params
      .getAll(name)
      .slice(0, MAX_HOST_PARAMS)
      .map((t, i) => {
        const value = t.trim().toLowerCase().replace(/\.$/, "");
        if (value === "") return undefined;
        // A DNS name: an all-digit last label would be an IP address.
        if (value.length > 253 || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value) || /\.\d+$/.test(value)) {
          errors.push({ field: name, message: `${name} #${i + 1} is not a DNS name (e.g. ${example}).` });
          return undefined;
        }
        return value;
      });
  const targets = dnsNames("target", EXAMPLE_CDN_ADDRESS);
  const zones = dnsNames("zone", "news.example.com");

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
  // Lenient on purpose: an unknown view (from a newer or older link) falls back to the list, never an error.
  const view: ValuesView | undefined = params.get("view") === "console" ? "console" : undefined;
  return { query: { cdn, hosts, esp: email.esp, region: email.region, tenant: email.tenant, guide: email.guide, targets, owners, zones, link, override, mode, step, present, view }, errors };
}

/** Check one host the way the hostnames field does (for single-value inputs). */
export { checkHostname };
