import type { FastlyBackend, FastlySettings } from "./shapes";
import { BACKEND_NAME, SETTINGS, desiredBackend } from "./settings";

/**
 * How an existing service version differs from the plan, in sentences people can act on (what is set, what it
 * breaks, the fix): docs/providers/fastly.md#domain-and-backend, #caching.
 */

/** How an existing backend differs from the plan, each with its consequence and fix. */
export function backendDifferences(b: FastlyBackend, origin: string): string[] {
  const d = desiredBackend(origin);
  const out: string[] = [];
  const label = `Host "${b.name}"`;
  if (b.address !== d.address) out.push(`${label}: address is "${b.address ?? ""}", not SendGrid's origin. Fix: address ${d.address}.`);
  if (b.port !== d.port) out.push(`${label}: port is ${b.port ?? "unset"}. Fix: port ${d.port} (SendGrid over HTTPS).`);
  if (b.use_ssl !== d.use_ssl) out.push(`${label}: TLS to the origin is off, so clicks would travel to SendGrid unencrypted. Fix: Enable TLS.`);
  if (b.ssl_check_cert !== d.ssl_check_cert) out.push(`${label}: the origin certificate is not verified. Fix: Verify certificate.`);
  if (b.ssl_cert_hostname !== d.ssl_cert_hostname) out.push(`${label}: certificate hostname is "${b.ssl_cert_hostname ?? ""}". Fix: ${origin}, the name on SendGrid's certificate.`);
  if (b.ssl_sni_hostname !== d.ssl_sni_hostname) out.push(`${label}: SNI hostname is "${b.ssl_sni_hostname ?? ""}". Fix: ${origin}.`);
  if (b.min_tls_version !== d.min_tls_version) out.push(`${label}: minimum TLS version is "${b.min_tls_version ?? "unset"}". Fix: ${d.min_tls_version}.`);
  if (b.override_host) out.push(`${label}: Override host is "${b.override_host}", so SendGrid never sees the link host and cannot find the link. Fix: clear it.`);
  return out;
}

export function settingsDifferences(s: FastlySettings): string[] {
  const out: string[] = [];
  const ttl = s["general.default_ttl"];
  if (ttl !== SETTINGS.defaultTtl) {
    out.push(`Fallback TTL is ${ttl} s, so a redirect without cache headers is cached and repeat clicks never reach SendGrid. Fix: ${SETTINGS.defaultTtl}.`);
  }
  if (s["general.default_host"]) out.push(`The service's Override host is "${s["general.default_host"]}", so SendGrid never sees the link host. Fix: clear it.`);
  return out;
}

export interface VersionCheck {
  number: number;
  hasDomain: boolean;
  backend?: FastlyBackend;
  backendDiffs: string[];
  settingsDiffs: string[];
  /** Other hosts on the version: reported, never removed. */
  otherBackends: string[];
}

export const matches = (c: VersionCheck) => c.hasDomain && c.backend !== undefined && c.backendDiffs.length === 0 && c.settingsDiffs.length === 0;

export function describeCheck(c: VersionCheck, host: string): string[] {
  return [
    ...(c.hasDomain ? [] : [`Domain ${host} is not on version ${c.number}, so Fastly answers "unknown domain". Fix: add it.`]),
    ...(c.backend ? [] : [`Version ${c.number} has no host named "${BACKEND_NAME}". Fix: add it, pointing at SendGrid.`]),
    ...c.backendDiffs,
    ...c.settingsDiffs,
    ...c.otherBackends.map((n) => `The service also has a host "${n}", which may take the traffic. Fix: remove it unless you added it on purpose (apply leaves it).`),
  ];
}

