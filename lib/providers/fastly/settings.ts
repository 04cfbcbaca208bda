import type { EspPlanRules } from "@/lib/domain/esp";

/**
 * Fastly API values, in one place: the plan shows them, apply sends them, the fake checks them.
 * Sources: docs/providers/fastly.md (fastly/fastly-js src/api/*, fastly/go-fastly fixtures, docs.fastly.com).
 * SendGrid's own Fastly steps give only backend `sendgrid.net:443` and the branded host as domain
 * (sendgrid/docs content-delivery-networks.md); everything else is what today's API needs for the
 * invariants (docs/sendgrid.md#the-ten-invariants).
 */

/**
 * One service per hostname: each host's service version is activated and rolled back on its own, so a
 * mistake on one link host never takes the others down, and a re-run touches only the host it fixes.
 */
export const SERVICE_NAME_PREFIX = "ssl-click-tracking ";
export function serviceName(host: string): string {
  return `${SERVICE_NAME_PREFIX}${host}`;
}

/** `POST /service {name, type}`: a VCL ("Deliver") service. */
export const SERVICE_TYPE = "vcl";

/**
 * The backend (console: "host") every service gets, found by this name on re-runs: the email provider's id
 * (lib/domain/ids.ts), so services made before other providers were offered keep the name they were given.
 */
export function backendName(espId: string): string {
  return espId;
}

export const BACKEND = {
  port: 443,
  use_ssl: true,
  /** Verify SendGrid's certificate against the origin name, never the customer's host (invariant 2). */
  ssl_check_cert: true,
  min_tls_version: "1.2",
} as const;

/**
 * Service settings (`PUT /service/{id}/version/{v}/settings`). A 302 without freshness headers is cached
 * for the fallback TTL (3600 s by default): the email provider's own default decides it (0 makes Fastly pass
 * redirects so each click reaches the ESP; SparkPost's guide sets 10). No `general.default_host` (and no backend
 * `override_host`): the client's Host passes (invariant 3). docs/providers/fastly.md#per-email-provider
 */
export interface FastlySettingsValues {
  defaultTtl: number;
  defaultHost: "";
}

export function settingsFor(rules: Pick<EspPlanRules, "cache">): FastlySettingsValues {
  return { defaultTtl: rules.cache.defaultTtl, defaultHost: "" };
}

/**
 * The header object that drops the viewer's cookies before Fastly asks the origin, for an email provider that
 * refuses them (Amazon SES: 8,192 bytes of headers and cookies at most). `POST /service/{id}/version/{v}/header`
 * with `action: "delete"`, `type: "request"`, `dst: "http.Cookie"` (fastly/fastly-js src/api/HeaderApi.js;
 * docs/providers/fastly.md#per-email-provider). Found by its name on re-runs.
 */
export const NO_COOKIES_HEADER = {
  name: "ssl-click-tracking-no-cookies",
  action: "delete",
  type: "request",
  dst: "http.Cookie",
  priority: 10,
} as const;

/** The header objects the service needs for the ESP's rules. */
export function headersFor(rules: Pick<EspPlanRules, "forwardCookies">): (typeof NO_COOKIES_HEADER)[] {
  return rules.forwardCookies === "none" ? [NO_COOKIES_HEADER] : [];
}

/** `certificate_authority` values of `POST /tls/subscriptions`, with their console names. */
export const CERTIFICATE_AUTHORITIES = {
  "lets-encrypt": "Let's Encrypt",
  certainly: "Certainly",
  globalsign: "GlobalSign",
} as const;
export type CertificateAuthority = keyof typeof CERTIFICATE_AUTHORITIES;
export const CERTIFICATE_AUTHORITY: CertificateAuthority = "lets-encrypt";

/** The ACME challenge kind whose record can be created before the link host moves (no outage). */
export const DNS_CHALLENGE = "managed-dns";

/** Token scope apply needs: config and TLS writes (`global:read` and `purge_*` cannot write). */
export const REQUIRED_SCOPE = "global";

/** TLS subscription states (`attributes.state`). */
export const SUBSCRIPTION_ISSUED = "issued";
export const SUBSCRIPTION_FAILED = "failed";

/** The name of the ACME challenge record for a host. */
export function acmeChallengeName(host: string): string {
  return `_acme-challenge.${host}`;
}

/**
 * The backend apply writes and the Terraform export declares: the ESP's origin over TLS, its certificate checked
 * against the origin's own name (never the link host), and no override_host so the link host passes.
 */
export function desiredBackend(origin: string, espId: string) {
  return {
    name: backendName(espId),
    address: origin,
    port: BACKEND.port,
    use_ssl: BACKEND.use_ssl,
    ssl_check_cert: BACKEND.ssl_check_cert,
    ssl_cert_hostname: origin,
    ssl_sni_hostname: origin,
    min_tls_version: BACKEND.min_tls_version,
  };
}
