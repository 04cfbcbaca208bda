import "server-only";
import * as z from "zod/mini";
import { HttpError, parseShape, request, requestCreate, type HttpOptions, type HttpRequest, type HttpResponse } from "@/lib/providers/http-client";
import { scrubberFor, type Scrub, type ScrubProfile } from "@/lib/providers/engine/scrub";
import { ZONE_SETTINGS, type ZoneSettingKey } from "./settings";

/**
 * A small typed client for the KeyCDN API (docs/providers/keycdn.md#api-basics): HTTP Basic with the API key as user and an
 * empty password, form-encoded bodies, and every answer in the envelope
 * `{status: "success" | "error", description, data}` (keycdn.com/api). Not the `keycdn` npm package:
 * it is callback-only on the deprecated `request`. Zone values are strings; ids arrive as strings
 * (bnoffer/dotnet-keycdn-api Zone schema, karlosmid/exkeycdn tests), numbers are accepted too.
 */

const text = z.pipe(z.union([z.string(), z.number()]), z.transform((v) => String(v)));
const optionalText = z.optional(z.nullable(text));

const SETTING_KEYS = [...(Object.keys(ZONE_SETTINGS) as (keyof typeof ZONE_SETTINGS)[]), "originurl"] as const satisfies readonly ZoneSettingKey[];

const zoneShape = z.looseObject({
  id: text,
  name: z.string(),
  ...(Object.fromEntries(SETTING_KEYS.map((k) => [k, optionalText])) as Record<ZoneSettingKey, typeof optionalText>),
});

const aliasShape = z.looseObject({ id: text, zone_id: text, name: z.string() });

/** Every answer: `{status, description, data}`; `data` is checked once the status says success. */
const envelope = z.looseObject({ status: z.string(), description: z.optional(z.nullable(z.string())), data: z.optional(z.unknown()) });

export interface KeycdnZone {
  id: string;
  name: string;
  /** The zone's current value of every option apply manages ("" when the API leaves it out). */
  settings: Record<ZoneSettingKey, string>;
}

export interface KeycdnAlias {
  id: string;
  zoneId: string;
  name: string;
}

export interface KeycdnClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryDelayMs?: number;
  /** The run's scrubber; by default one for this key (keycdnSecrets). */
  scrub?: Scrub;
}

/** KeyCDN API keys are long runs of letters, digits and `_`; zone and alias ids are short numbers. */
export const KEYCDN_SCRUB: ScrubProfile = { tokenLength: 32 };

/** The key in every form it is sent: itself, and the HTTP Basic pair of key and empty password. */
export function keycdnSecrets(apiKey: string): string[] {
  return [apiKey, basicPair(apiKey)];
}

const basicPair = (apiKey: string) => Buffer.from(`${apiKey}:`).toString("base64");

function toZone(zone: z.infer<typeof zoneShape>): KeycdnZone {
  const settings = Object.fromEntries(SETTING_KEYS.map((k) => [k, zone[k] ?? ""])) as Record<ZoneSettingKey, string>;
  return { id: zone.id, name: zone.name, settings };
}

export class KeycdnClient {
  private readonly http: HttpOptions;

  constructor(opts: KeycdnClientOptions) {
    this.http = {
      baseUrl: opts.baseUrl,
      headers: { authorization: `Basic ${basicPair(opts.apiKey)}` },
      scrub: opts.scrub ?? scrubberFor(KEYCDN_SCRUB, keycdnSecrets(opts.apiKey)),
      timeoutMs: opts.timeoutMs,
      maxRetries: opts.maxRetries,
      maxRetryDelayMs: opts.maxRetryDelayMs,
    };
  }

  /** One call; a 2xx whose envelope says "error" is an error too. */
  private async call<T>(req: Omit<HttpRequest<unknown>, "schema">, data: z.ZodMiniType<T>): Promise<T> {
    return this.unwrap(req.operation, await request(this.http, { ...req, schema: envelope }), data);
  }

  /**
   * A create (POST): every one KeyCDN carries out is a new zone or alias, so after an answer that leaves it
   * unknown (5xx, timeout, reset, lost answer, or a 2xx it cannot read) `alreadyDone` looks for it, and only
   * when it finds nothing is the create sent again. docs/providers/keycdn.md#creates-whose-answer-is-lost
   */
  private create<T, R>(req: Omit<HttpRequest<unknown>, "schema">, data: z.ZodMiniType<T>, toValue: (data: T) => R, alreadyDone: () => Promise<R | null>): Promise<R> {
    return requestCreate(this.http, { ...req, schema: envelope }, alreadyDone, (res) => toValue(this.unwrap(req.operation, res, data)));
  }

  private unwrap<T>(operation: string, res: HttpResponse<z.infer<typeof envelope>>, data: z.ZodMiniType<T>): T {
    const body = res.data!;
    if (body.status !== "success") {
      throw new HttpError(operation, res.status, this.http.scrub(JSON.stringify({ status: body.status, description: body.description ?? "" })), res.headers);
    }
    return parseShape(operation, data, body.data);
  }

  async listZones(): Promise<KeycdnZone[]> {
    const data = await this.call({ operation: "ListZones", method: "GET", path: "/zones.json" }, z.looseObject({ zones: z.array(zoneShape) }));
    return data.zones.map(toZone);
  }

  /** `POST /zones.json`; after an unknown outcome the zone of this name (apply's mark, as undo checks) is adopted. */
  createZone(fields: Record<string, string> & { name: string }): Promise<KeycdnZone> {
    return this.create(
      { operation: "AddZone", method: "POST", path: "/zones.json", body: { kind: "form", fields } },
      z.looseObject({ zone: zoneShape }),
      (data) => toZone(data.zone),
      async () => (await this.listZones()).find((zone) => zone.name === fields.name) ?? null,
    );
  }

  async updateZone(id: string, fields: Record<string, string>): Promise<KeycdnZone> {
    const data = await this.call(
      { operation: "EditZone", method: "PUT", path: `/zones/${encodeURIComponent(id)}.json`, body: { kind: "form", fields } },
      z.looseObject({ zone: zoneShape }),
    );
    return toZone(data.zone);
  }

  /** `DELETE /zones/{id}.json` (keycdn.com/api "Delete Zone"). */
  async deleteZone(id: string): Promise<void> {
    await this.call({ operation: "DeleteZone", method: "DELETE", path: `/zones/${encodeURIComponent(id)}.json` }, z.unknown());
  }

  async listZoneAliases(): Promise<KeycdnAlias[]> {
    const data = await this.call({ operation: "ListZoneAliases", method: "GET", path: "/zonealiases.json" }, z.looseObject({ zonealiases: z.array(aliasShape) }));
    return data.zonealiases.map((a) => ({ id: a.id, zoneId: a.zone_id, name: a.name.toLowerCase() }));
  }

  /** `POST /zonealiases.json`; after an unknown outcome this host as an alias of this zone is adopted. */
  createZoneAlias(zoneId: string, name: string): Promise<KeycdnAlias> {
    const host = name.toLowerCase();
    return this.create(
      { operation: "AddZoneAlias", method: "POST", path: "/zonealiases.json", body: { kind: "form", fields: { zone_id: zoneId, name } } },
      z.looseObject({ zonealias: aliasShape }),
      (data) => ({ id: data.zonealias.id, zoneId: data.zonealias.zone_id, name: data.zonealias.name.toLowerCase() }),
      async () => (await this.listZoneAliases()).find((a) => a.name === host && a.zoneId === zoneId) ?? null,
    );
  }

  /** `DELETE /zonealiases/{id}.json` (keycdn.com/api "Delete Zonealias"). */
  async deleteZoneAlias(id: string): Promise<void> {
    await this.call({ operation: "DeleteZoneAlias", method: "DELETE", path: `/zonealiases/${encodeURIComponent(id)}.json` }, z.unknown());
  }
}
