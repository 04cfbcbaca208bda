import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { fail, hex32, isObject, now, ok, parseBody, WIRE_ERROR } from "./fake-wire";

/**
 * Phase entrypoint rulesets in the Cloudflare fake: `GET|PUT /zones/{id}/rulesets/phases/{phase}/entrypoint`.
 * A PUT replaces every rule of the phase (docs/providers/cloudflare.md#configuration-rules).
 */

export interface FakeRule {
  id: string;
  ref: string;
  version: string;
  action: string;
  action_parameters?: Record<string, unknown>;
  expression: string;
  description?: string;
  enabled: boolean;
  last_updated: string;
  [key: string]: unknown;
}

export interface FakeRuleset {
  id: string;
  name: string;
  description: string;
  kind: "zone";
  phase: string;
  version: string;
  rules: FakeRule[];
  last_updated: string;
}

/** SSL values a Configuration Rule may set (cloudflare `SetConfigRuleParam.ActionParameters.ssl`). */
const CONFIG_SSL_VALUES = ["off", "flexible", "full", "strict", "origin_pull"];

const RULESET_ERROR = {
  noEntrypoint: (phase: string) => fail(404, { code: 10003, message: `could not find entrypoint ruleset in the ${phase} phase` }),
  invalid: (message: string) => fail(400, { code: 20021, message }), // unverified code
};

export type Rulesets = Map<string, FakeRuleset>;

export function getEntrypoint(rulesets: Rulesets, phase: string): FakeResponse {
  const rs = rulesets.get(phase);
  return rs ? ok(rs) : RULESET_ERROR.noEntrypoint(phase);
}

export function putEntrypoint(rulesets: Rulesets, phase: string, req: FakeRequest): FakeResponse {
  const parsed = parseBody(req);
  if (!parsed.ok) return WIRE_ERROR.malformed();
  const rules: unknown = parsed.value.rules ?? [];
  if (!Array.isArray(rules)) return RULESET_ERROR.invalid("rules must be a list");
  const checked: Record<string, unknown>[] = [];
  for (const [i, rule] of rules.entries()) {
    if (!isObject(rule)) return RULESET_ERROR.invalid(`rules[${i}] must be an object`);
    if (typeof rule.expression !== "string" || rule.expression.trim() === "") return RULESET_ERROR.invalid(`rules[${i}]: expression is required`);
    if (typeof rule.action !== "string") return RULESET_ERROR.invalid(`rules[${i}]: action is required`);
    if (phase === "http_config_settings") {
      if (rule.action !== "set_config") return RULESET_ERROR.invalid(`rules[${i}]: action ${rule.action} is not allowed in phase ${phase}`);
      const ssl = isObject(rule.action_parameters) ? rule.action_parameters.ssl : undefined;
      if (ssl !== undefined && !CONFIG_SSL_VALUES.includes(String(ssl))) return RULESET_ERROR.invalid(`rules[${i}]: invalid ssl value ${String(ssl)}`);
    }
    checked.push(rule);
  }
  return ok(writeRuleset(rulesets, phase, checked, parsed.value));
}

export function writeRuleset(rulesets: Rulesets, phase: string, rules: Record<string, unknown>[], meta: Record<string, unknown> = {}): FakeRuleset {
  const previous = rulesets.get(phase);
  const t = now();
  const version = String(Number(previous?.version ?? "0") + 1);
  const next: FakeRuleset = {
    id: previous?.id ?? hex32(),
    name: typeof meta.name === "string" ? meta.name : (previous?.name ?? "default"),
    description: typeof meta.description === "string" ? meta.description : (previous?.description ?? ""),
    kind: "zone",
    phase,
    version,
    last_updated: t,
    rules: rules.map((r) => {
      const rest = { ...r };
      delete rest.version; // read-only fields: the API sets them
      delete rest.last_updated;
      const old = previous?.rules.find((p) => p.id === r.id);
      const id = typeof r.id === "string" && r.id !== "" ? r.id : hex32();
      const rule: FakeRule = {
        ...rest,
        id,
        ref: typeof r.ref === "string" ? r.ref : (old?.ref ?? id),
        version: old ? String(Number(old.version) + 1) : "1",
        action: String(r.action),
        expression: String(r.expression),
        enabled: r.enabled === undefined ? true : Boolean(r.enabled),
        last_updated: t,
      };
      return rule;
    }),
  };
  rulesets.set(phase, next);
  return next;
}
