import "server-only";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { configError, json, readForm, STAMP, type FakeHeader, type FakeService, type Version } from "./fake-wire";
export type { FakeHeader } from "./fake-wire";

/**
 * Header objects of a service version, as the Fastly config API has them (fastly/fastly-js src/api/HeaderApi.js:
 * `GET|POST /service/{id}/version/{v}/header`, `GET|PUT|DELETE …/header/{name}`, form-encoded; its HeaderResponse
 * model and the recorded answers in go-fastly's fixtures: every field a string, `priority` "100" by default).
 * `action` is one of set, append, delete, regex, regex_repeat and `type` one of request, cache, response
 * (fastly-js src/model/Header.js); anything else is refused, as are a blank name and a second header of one name.
 */
const ACTIONS = ["set", "append", "delete", "regex", "regex_repeat"];
const TYPES = ["request", "cache", "response"];

export function headerJson(s: FakeService, v: Version, h: FakeHeader) {
  return {
    ...h,
    cache_condition: null,
    request_condition: null,
    response_condition: null,
    ignore_if_set: "0",
    regex: "",
    substitution: "",
    service_id: s.id,
    version: String(v.number),
    created_at: STAMP,
    updated_at: STAMP,
    deleted_at: null,
  };
}

function applyHeader(h: FakeHeader, form: URLSearchParams): FakeHeader | FakeResponse {
  const out = { ...h };
  for (const k of ["name", "action", "type", "dst", "src", "priority"] as const) {
    const v = form.get(k);
    if (v !== null) out[k] = v;
  }
  if (out.name.trim() === "") return configError(400, "Bad request", "Name can't be blank");
  if (!ACTIONS.includes(out.action)) return configError(400, "Bad request", `Invalid value for 'action': ${out.action}`);
  if (!TYPES.includes(out.type)) return configError(400, "Bad request", `Invalid value for 'type': ${out.type}`);
  if (!/^\d+$/.test(out.priority)) return configError(400, "Bad request", "priority must be a number");
  return out;
}

/** ListHeaders on any version; CreateHeader and UpdateHeader only on an editable one (the caller checks). */
export function headerOp(op: string, sv: { service: FakeService; version: Version }, req: FakeRequest, name?: string): FakeResponse {
  const { service, version } = sv;
  if (op === "ListHeaders") return json(200, version.headers.map((h) => headerJson(service, version, h)));
  const form = readForm(req);
  if (op === "CreateHeader") {
    const made = applyHeader({ name: "", action: "set", type: "request", dst: "", src: "", priority: "100" }, form);
    if ("status" in made) return made;
    if (version.headers.some((h) => h.name === made.name)) return configError(409, "Duplicate record", `Duplicate header: '${made.name}'`);
    version.headers.push(made);
    return json(200, headerJson(service, version, made));
  }
  const i = version.headers.findIndex((h) => h.name === name);
  if (i < 0) return configError(404, "Record not found", `Couldn't find Header '${name ?? ""}'`);
  const updated = applyHeader(version.headers[i]!, form);
  if ("status" in updated) return updated;
  version.headers[i] = updated;
  return json(200, headerJson(service, version, updated));
}
