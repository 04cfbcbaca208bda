import type { ResolvedEsp } from "@/lib/domain/esp";
import type { FastlyBackend, FastlyHeader, FastlySettings } from "./shapes";
import { backendName, desiredBackend, headersFor, settingsFor } from "./settings";

/**
 * How an existing service version differs from the plan for the email provider, in sentences people can act on
 * (what is set, what it breaks, the fix): docs/providers/fastly.md#domain-and-backend, #caching,
 * #per-email-provider. Apply reports them for an adopted service and fixes them on a draft.
 */

/** The email provider a service is for: its origin, rules and name (for the messages). */
export type Target = Pick<ResolvedEsp, "esp" | "origin" | "name" | "rules">;

/** How an existing backend differs from the plan, each with its consequence and fix. */
export function backendDifferences(b: FastlyBackend, esp: Target): string[] {
  const origin = esp.origin;
  const d = desiredBackend(origin, esp.esp);
  const out: string[] = [];
  const label = `Host "${b.name}"`;
  if (b.address !== d.address) out.push(`${label}: address is "${b.address ?? ""}", not ${esp.name}'s origin. Fix: address ${d.address}.`);
  if (b.port !== d.port) out.push(`${label}: port is ${b.port ?? "unset"}. Fix: port ${d.port} (${esp.name} over HTTPS).`);
  if (b.use_ssl !== d.use_ssl) out.push(`${label}: TLS to the origin is off, so clicks would travel to ${esp.name} unencrypted. Fix: Enable TLS.`);
  if (b.ssl_check_cert !== d.ssl_check_cert) out.push(`${label}: the origin certificate is not verified. Fix: Verify certificate.`);
  if (b.ssl_cert_hostname !== d.ssl_cert_hostname) out.push(`${label}: certificate hostname is "${b.ssl_cert_hostname ?? ""}". Fix: ${origin}, the name on ${esp.name}'s certificate.`);
  if (b.ssl_sni_hostname !== d.ssl_sni_hostname) out.push(`${label}: SNI hostname is "${b.ssl_sni_hostname ?? ""}". Fix: ${origin}.`);
  if (b.min_tls_version !== d.min_tls_version) out.push(`${label}: minimum TLS version is "${b.min_tls_version ?? "unset"}". Fix: ${d.min_tls_version}.`);
  if (b.override_host) out.push(`${label}: Override host is "${b.override_host}", so ${esp.name} never sees the link host and cannot find the link. Fix: clear it.`);
  return out;
}

export function settingsDifferences(s: FastlySettings, esp: Target): string[] {
  const out: string[] = [];
  const want = settingsFor(esp.rules).defaultTtl;
  const ttl = s["general.default_ttl"];
  if (ttl !== want) {
    out.push(
      ttl > want
        ? `Fallback TTL is ${ttl} s, so a redirect without cache headers is cached and repeat clicks never reach ${esp.name}. Fix: ${want}.`
        : `Fallback TTL is ${ttl} s; ${esp.name} asks for ${want} s (${esp.rules.cache.why}) Fix: ${want}.`,
    );
  }
  if (s["general.default_host"]) out.push(`The service's Override host is "${s["general.default_host"]}", so ${esp.name} never sees the link host. Fix: clear it.`);
  return out;
}

/** The header objects the plan needs that the version lacks or has with other values (found by the wizard's name). */
export function headerDifferences(headers: FastlyHeader[], esp: Target): string[] {
  return headersFor(esp.rules).flatMap((want) => {
    const have = headers.find((h) => h.name === want.name);
    if (have && have.action === want.action && have.type === want.type && have.dst === want.dst) return [];
    const what = have ? `is ${have.action ?? "unset"} ${have.dst ?? ""} (${have.type ?? "no type"})` : "is missing";
    return [`The header "${want.name}" ${what}, so the visitor's cookies reach ${esp.name}, which refuses requests past ${esp.rules.maxRequestHeaderBytes ?? "its limit of"} bytes of headers and cookies. Fix: a ${want.type} header that does ${want.action} ${want.dst}.`];
  });
}

export interface VersionCheck {
  number: number;
  hasDomain: boolean;
  backend?: FastlyBackend;
  backendDiffs: string[];
  settingsDiffs: string[];
  /** The version's header objects (read only when the email provider's plan has any). */
  headers: FastlyHeader[];
  headerDiffs: string[];
  /** Other hosts on the version: reported, never removed. */
  otherBackends: string[];
}

export const matches = (c: VersionCheck) =>
  c.hasDomain && c.backend !== undefined && c.backendDiffs.length === 0 && c.settingsDiffs.length === 0 && c.headerDiffs.length === 0;

export function describeCheck(c: VersionCheck, host: string, esp: Target): string[] {
  return [
    ...(c.hasDomain ? [] : [`Domain ${host} is not on version ${c.number}, so Fastly answers "unknown domain". Fix: add it.`]),
    ...(c.backend ? [] : [`Version ${c.number} has no host named "${backendName(esp.esp)}". Fix: add it, pointing at ${esp.name}.`]),
    ...c.backendDiffs,
    ...c.settingsDiffs,
    ...c.headerDiffs,
    ...c.otherBackends.map((n) => `The service also has a host "${n}", which may take the traffic. Fix: remove it unless you added it on purpose (apply leaves it).`),
  ];
}
