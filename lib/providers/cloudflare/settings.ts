import type { CertificatePackCreateParams } from "cloudflare/resources/ssl/certificate-packs/certificate-packs";

/**
 * The Cloudflare values of the seed, as API values. The plan (what a person types) and apply (API
 * bodies) both read them from here. Facts and sources: docs/providers/cloudflare.md.
 */

/** `ttl: 1` is "Auto" in the API; proxied records are always Auto. */
export const TTL_AUTO = 1;

export const RECORD_TYPE = "CNAME";

/**
 * SSL/TLS encryption mode for the link hosts: Full. Not Full (strict): SendGrid answers with a
 * `*.sendgrid.net` certificate, so strict fails with 526. Not Flexible: that sends clicks to the
 * origin over plain HTTP (lib/plan/invariants.ts, invariant 2; docs/providers/cloudflare.md#configuration-rules).
 */
export const SSL_MODE = "full";

/** Configuration Rules live in this phase's zone entrypoint ruleset (rules/configuration-rules/create-api). */
export const CONFIG_PHASE = "http_config_settings";
export const CONFIG_ACTION = "set_config";

/** The rule's expression: host strings are case-sensitive, so always the lower-case host. */
export function hostExpression(host: string): string {
  return `(http.host in {"${host}"})`;
}

/**
 * The comment apply puts on every DNS record it creates, so undo can tell them from records that were
 * there before (comments have no effect on DNS; Free plans allow 100 characters: cloudflare-docs
 * dns/manage-dns-records/reference/record-attributes).
 */
export const RECORD_COMMENT = "SSL click tracking: created by the setup wizard";

export const RULE_DESCRIPTION_PREFIX = "SSL click tracking: SSL Full for ";

export function ruleDescription(host: string): string {
  return `${RULE_DESCRIPTION_PREFIX}${host}`;
}

type OrderParams = CertificatePackCreateParams;
type Authority = OrderParams["certificate_authority"];

/** Compiles only when every authority's periods are values the SDK accepts. */
type CheckedPeriods<T extends Record<Authority, OrderParams["validity_days"]>> = T;

/**
 * The validity periods each certificate authority issues; the SDK's types accept any pair
 * (docs/providers/cloudflare.md#certificate-authorities-and-validity). SSL.com's one year is for
 * Enterprise customers only.
 */
type IssuedPeriods = CheckedPeriods<{ lets_encrypt: 90; google: 14 | 30 | 90; ssl_com: 14 | 30 | 90 | 365 }>;

/** An authority with a validity period it issues. */
export type CertificateTerms = { [A in Authority]: { certificateAuthority: A; validityDays: IssuedPeriods[A] } }[Authority];

/**
 * Advanced certificate order (POST /zones/{id}/ssl/certificate_packs/order). Hosts must include the
 * zone apex, at most 50. TXT validation: on a full setup Cloudflare adds the TXT record itself
 * (docs/providers/cloudflare.md#certificates). Let's Encrypt issues 90-day certificates only: the
 * `satisfies` below refuses any other pair at compile time.
 */
export const CERTIFICATE = {
  type: "advanced",
  validationMethod: "txt",
  validityDays: 90,
  certificateAuthority: "lets_encrypt",
  cloudflareBranding: false,
  maxHosts: 50,
} as const satisfies CertificateTerms & { type: OrderParams["type"]; validationMethod: OrderParams["validation_method"]; cloudflareBranding: boolean; maxHosts: number };

/** The hosts of the Advanced certificate apply orders for a host: the zone apex (required) and the host. */
export function orderedHosts(zone: string, host: string): string[] {
  return [zone, host];
}

/** API token permission groups as the dashboard names them (dashboard "Edit" = API "Write"). docs/providers/cloudflare.md#token. */
export const PERMISSION = {
  zoneRead: "Zone › Zone Read",
  dnsEdit: "Zone › DNS Edit",
  configRulesEdit: "Zone › Config Rules Edit",
  sslEdit: "Zone › SSL and Certificates Edit",
} as const;
export type Permission = (typeof PERMISSION)[keyof typeof PERMISSION];

/** The Cloudflare error codes apply handles itself (docs/providers/cloudflare.md). */
export const CF_CODE = {
  authentication: 10000,
  unauthorized: 9109,
  invalidToken: 1000,
  entrypointMissing: 10003,
  acmRequired: 1450,
  identicalRecord: 81057,
  recordNameTaken: 81053,
  cnameNameTaken: 81054,
} as const;
