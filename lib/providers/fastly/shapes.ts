import * as z from "zod/mini";

/**
 * The Fastly API's answers as the client reads them (client.ts), and their translation into what apply and
 * undo use. Shapes: fastly/go-fastly fastly/fixtures/** (recorded real traffic) and fastly-js docs.
 */

export const JSON_API = "application/vnd.api+json";

// ---- config API shapes (only the fields apply reads; extra fields pass) ----

/** fastly-js Version / VersionResponse: `number`, `active`, `locked` (+ comment, service_id, dates). */
export const version = z.looseObject({ number: z.number(), active: z.boolean(), locked: z.boolean() });
export type FastlyVersion = z.infer<typeof version>;

export const service = z.looseObject({ id: z.string(), name: z.string(), versions: z.array(version) });
export type FastlyService = z.infer<typeof service>;

export const tokenSelf = z.looseObject({
  /** Space-separated scopes, e.g. "global" or "global:read purge_all". */
  scope: z.string(),
  /** Service ids the token is limited to; empty or missing = every service. */
  services: z.optional(z.nullable(z.array(z.string()))),
});
export type FastlyToken = z.infer<typeof tokenSelf>;

export const domain = z.looseObject({ name: z.string() });

export const backend = z.looseObject({
  name: z.string(),
  address: z.nullable(z.string()),
  port: z.nullable(z.number()),
  use_ssl: z.nullable(z.boolean()),
  ssl_check_cert: z.nullable(z.boolean()),
  ssl_cert_hostname: z.nullable(z.string()),
  ssl_sni_hostname: z.nullable(z.string()),
  min_tls_version: z.nullable(z.string()),
  override_host: z.nullable(z.string()),
});
export type FastlyBackend = z.infer<typeof backend>;

export const settings = z.looseObject({
  "general.default_ttl": z.number(),
  "general.default_host": z.optional(z.nullable(z.string())),
});
export type FastlySettings = z.infer<typeof settings>;

/** A header object (fastly-js HeaderResponse; go-fastly fixtures): Fastly answers `priority` as a string. */
export const headerObject = z.looseObject({
  name: z.string(),
  action: z.nullable(z.string()),
  type: z.nullable(z.string()),
  dst: z.nullable(z.string()),
});
export type FastlyHeader = z.infer<typeof headerObject>;

export interface HeaderFields {
  name: string;
  action: string;
  type: string;
  dst: string;
  priority: number;
}

export const validation = z.looseObject({
  status: z.string(),
  msg: z.optional(z.nullable(z.string())),
  errors: z.optional(z.nullable(z.array(z.unknown()))),
});

// ---- TLS API shapes (JSON:API) ----

const ref = z.looseObject({ id: z.string(), type: z.string() });
export const included = z.optional(z.array(z.looseObject({ id: z.string(), type: z.string(), attributes: z.optional(z.looseObject({})) })));

export const tlsConfiguration = z.looseObject({
  id: z.string(),
  type: z.literal("tls_configuration"),
  attributes: z.looseObject({ default: z.boolean(), name: z.nullable(z.string()) }),
  relationships: z.optional(z.looseObject({ dns_records: z.optional(z.looseObject({ data: z.array(ref) })) })),
});
const dnsRecordAttributes = z.looseObject({ record_type: z.string(), region: z.nullable(z.string()) });

export const subscription = z.looseObject({
  id: z.string(),
  type: z.literal("tls_subscription"),
  attributes: z.looseObject({ state: z.string(), certificate_authority: z.string() }),
  relationships: z.looseObject({
    tls_domains: z.looseObject({ data: z.array(ref) }),
    tls_authorizations: z.optional(z.looseObject({ data: z.array(ref) })),
    tls_configuration: z.optional(z.looseObject({ data: z.nullable(ref) })),
  }),
});
const authorizationAttributes = z.looseObject({
  challenges: z.array(z.looseObject({ type: z.string(), record_type: z.string(), record_name: z.string(), values: z.array(z.string()) })),
});

export interface TlsConfiguration {
  id: string;
  name: string;
  isDefault: boolean;
  /** The CNAME target(s) of this configuration, global region first. */
  cnameTargets: string[];
}

export interface Challenge {
  type: string;
  recordType: string;
  recordName: string;
  values: string[];
}

export interface TlsSubscription {
  id: string;
  state: string;
  certificateAuthority: string;
  domains: string[];
  configurationId: string | null;
  challenges: Challenge[];
}

export interface BackendFields {
  name: string;
  address: string;
  port: number;
  use_ssl: boolean;
  ssl_check_cert: boolean;
  ssl_cert_hostname: string;
  ssl_sni_hostname: string;
  min_tls_version: string;
  /** Sent as empty to clear an override an adopted backend had. */
  override_host?: string;
}

/** Every TLS configuration with the CNAME target(s) its DNS records name (`include=dns_records`). */
export function toTlsConfigurations(body: { data: z.infer<typeof tlsConfiguration>[]; included?: z.infer<typeof included> }): TlsConfiguration[] {
  const records = new Map(
    (body.included ?? [])
      .filter((i) => i.type === "dns_record")
      .map((i) => {
        const a = dnsRecordAttributes.safeParse(i.attributes);
        return [i.id, a.success ? a.data : null] as const;
      }),
  );
  return body.data.map((c) => {
    const cnames = (c.relationships?.dns_records?.data ?? [])
      .map((r) => ({ id: r.id, attrs: records.get(r.id) }))
      .filter((r) => r.attrs?.record_type === "CNAME")
      .map((r) => ({ target: r.id.toLowerCase().replace(/\.$/, ""), global: r.attrs?.region === "global" }))
      // Global region first, then the IPv4 name before its `dualstack.` twin (docs/providers/fastly.md#tls-subscription).
      .sort((a, b) => Number(b.global) - Number(a.global) || Number(a.target.startsWith("dualstack.")) - Number(b.target.startsWith("dualstack.")))
      .map((r) => r.target);
    return { id: c.id, name: c.attributes.name ?? c.id, isDefault: c.attributes.default, cnameTargets: cnames };
  });
}

/** JSON:API subscriptions with their challenges (from the included `tls_authorization` resources). */
export function toSubscriptions(data: z.infer<typeof subscription>[], inc: z.infer<typeof included>): TlsSubscription[] {
  const auths = new Map((inc ?? []).filter((i) => i.type === "tls_authorization").map((i) => [i.id, i.attributes] as const));
  return data.map((s) => {
    const challenges = (s.relationships.tls_authorizations?.data ?? []).flatMap((r) => {
      const parsed = authorizationAttributes.safeParse(auths.get(r.id));
      return parsed.success
        ? parsed.data.challenges.map((c) => ({ type: c.type, recordType: c.record_type, recordName: c.record_name.toLowerCase().replace(/\.$/, ""), values: c.values }))
        : [];
    });
    return {
      id: s.id,
      state: s.attributes.state,
      certificateAuthority: s.attributes.certificate_authority,
      domains: s.relationships.tls_domains.data.map((d) => d.id.toLowerCase()),
      configurationId: s.relationships.tls_configuration?.data?.id ?? null,
      challenges,
    };
  });
}
