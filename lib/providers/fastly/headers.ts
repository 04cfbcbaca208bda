import "server-only";
import * as z from "zod/mini";
import { requestCreate } from "@/lib/providers/http-client";
import { seg, type FastlyClient } from "./client";
import { headerObject, type FastlyHeader, type HeaderFields } from "./shapes";

/**
 * Header objects of a service version (fastly/fastly-js src/api/HeaderApi.js; docs/providers/fastly.md#per-email-provider):
 * listed, created (form-encoded) and put back to the plan's values, through the client's request settings.
 */

export function listHeaders(api: FastlyClient, serviceId: string, v: number): Promise<FastlyHeader[]> {
  return api.call({ operation: "ListHeaders", method: "GET", path: `${api.versionPath(serviceId, v)}/header`, schema: z.array(headerObject) });
}

/** `POST …/header`; a header of this name on the version after an unknown outcome is adopted (docs/providers/fastly.md#creates-whose-answer-is-lost). */
export function createHeader(api: FastlyClient, serviceId: string, v: number, fields: HeaderFields): Promise<FastlyHeader> {
  return requestCreate(
    api.http,
    { operation: "CreateHeader", method: "POST", path: `${api.versionPath(serviceId, v)}/header`, body: api.form({ ...fields }), schema: headerObject },
    async () => (await listHeaders(api, serviceId, v)).find((h) => h.name === fields.name) ?? null,
  );
}

/** `PUT …/header/{name}`: an adopted header of the wizard's name put back to the plan's values. */
export function updateHeader(api: FastlyClient, serviceId: string, v: number, fields: HeaderFields): Promise<FastlyHeader> {
  return api.call({ operation: "UpdateHeader", method: "PUT", path: `${api.versionPath(serviceId, v)}/header/${seg(fields.name)}`, body: api.form({ ...fields }), schema: headerObject });
}
