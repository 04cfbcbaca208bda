import type { ResolvedEsp } from "@/lib/domain/esp";
import { cnameRecord, knownTarget, planOf } from "@/lib/providers/plan-parts/common";
import { dnsStep, nextStep, testStep } from "@/lib/providers/plan-parts/esp-steps";
import { splitZone } from "@/lib/hostnames";
import { EVERY_METHOD } from "@/lib/providers/plan-parts/methods";
import type { HostGuarantees } from "@/lib/domain/plan";
import type { ConsoleControl, DnsRecord, HostPlan, Plan, PlanField, PlanInput } from "@/lib/domain/plan";
import { acmeChallengeName, BACKEND, backendName, CERTIFICATE_AUTHORITIES, CERTIFICATE_AUTHORITY, headersFor, SERVICE_TYPE, settingsFor, serviceName } from "./settings";
import { LABELS, OPTION } from "./labels";
import { fastlyInfo } from "./info";

type LabelKey = keyof typeof LABELS;

function field(key: LabelKey, value: string | number, rest: Omit<PlanField, "id" | "label" | "seedLabel" | "value">): PlanField {
  const { label, control } = LABELS[key] as { label: string; control?: ConsoleControl };
  return { id: key, label, value: String(value), ...rest, ...(control && { control }) };
}

/** Never hard-coded: the target depends on the account's TLS configuration (docs/providers/fastly.md#tls-subscription). */
export function targetHint(host: string): string {
  return `the CNAME record Fastly lists for ${host} (Secure › TLS management › Domains › ${host}, from its TLS configuration's DNS records; a name ending in .fastly.net)`;
}

export const CHALLENGE_HINT = "the value Fastly shows under Verify ownership (a name ending in .fastly-validations.com)";

/** The ACME challenge record for a host, with the name and value exactly as Fastly gave them once known. */
export function challengeRecord(host: string, value?: string, name = acmeChallengeName(host)): DnsRecord {
  return cnameRecord(name, value ?? CHALLENGE_HINT, {
    valueKnown: value !== undefined,
    purpose: "Lets Fastly's certificate authority confirm you control the hostname, before any traffic moves. Keep it: renewals use it.",
    phase: "setup",
  });
}

export function linkRecord(host: string, target: string | undefined, espName: string): DnsRecord {
  return cnameRecord(host, target ?? targetHint(host), {
    valueKnown: target !== undefined,
    purpose: `Sends clicks to Fastly, which forwards them to ${espName} over HTTPS.`,
    phase: "switch",
  });
}

/** What the settings achieve, for the invariant checks (lib/plan/invariants.ts), derived from settings.ts. */
function guarantees(host: string, esp: ResolvedEsp): HostGuarantees {
  const settings = settingsFor(esp.rules);
  return {
    // The TLS subscription names exactly the link host.
    certificateNames: [host],
    origin: esp.origin,
    originProtocol: BACKEND.use_ssl ? "https" : "http",
    originMinTls: BACKEND.min_tls_version,
    // ssl_cert_hostname and ssl_sni_hostname are the origin's name, never the link host.
    originCertificateCheckedAgainst: BACKEND.ssl_check_cert ? "origin" : "not-checked",
    hostHeader: settings.defaultHost === "" ? "pass-through" : "overridden",
    brandedHost: { via: "host" },
    // Fastly passes the viewer's request headers to the backend, User-Agent among them (docs/providers/fastly.md#per-email-provider).
    forwardedHeaders: ["*"],
    cookies: headersFor(esp.rules).some((h) => h.dst === "http.Cookie" && h.action === "delete") ? "not-forwarded" : "forwarded",
    // Fastly's default cache key is the full URL, query string included: a kept redirect only answers the same link.
    queryString: "forwarded-and-keyed",
    redirectSharedForSeconds: 0,
    cachedForSeconds: settings.defaultTtl,
    // Non-GET/HEAD requests are passed to the backend by default (docs/providers/fastly.md#caching).
    methods: [...EVERY_METHOD],
    viewerProtocols: ["http", "https"],
  };
}

function hostPlan(host: string, input: PlanInput, esp: ResolvedEsp): HostPlan {
  const origin = esp.origin;
  const settings = settingsFor(esp.rules);
  const headers = headersFor(esp.rules);
  const target = knownTarget(input, host);
  const { zone, relativeName } = splitZone(host);
  const ca = CERTIFICATE_AUTHORITIES[CERTIFICATE_AUTHORITY];

  return {
    host,
    zone,
    relativeName,
    guarantees: guarantees(host, esp),
    warnings: [],
    steps: [
      {
        id: "create",
        title: "Create a Fastly service for this hostname",
        intro:
          "One service per link-branding hostname: each host's configuration is activated and rolled back on its own, so a change to one host never affects the others.",
        actions: ["In the Fastly control panel choose Create service, then the CDN (Deliver) service type.", "Name the service as below."],
        groups: [
          {
            id: "service",
            title: "Service",
            fields: [field("serviceName", serviceName(host), { entry: "type", changeFromDefault: true, api: `POST /service name, type=${SERVICE_TYPE}` })],
          },
        ],
      },
      {
        id: "configure",
        title: "Configure the service version",
        intro: "Set every value below on the draft version; fields marked \"change\" differ from the console's default.",
        actions: [
          "Domains: choose Create domain and enter the domain below.",
          "Origins › Hosts: create a host with the address below, then edit it and set the remaining fields.",
          "Settings: set the Fallback TTL and leave the service's Override host empty.",
          ...(headers.length > 0 ? ["Content › Headers: create the header below."] : []),
        ],
        groups: [
          {
            id: "domain",
            title: "Domains",
            fields: [field("domainName", host, { entry: "type", changeFromDefault: true, api: "POST …/version/{v}/domain name" })],
          },
          {
            id: "host",
            title: "Origins › Hosts",
            fields: [
              field("hostAddress", origin, { entry: "type", changeFromDefault: true, api: "backend address" }),
              field("hostName", backendName(esp.esp), { entry: "type", changeFromDefault: true, api: "backend name", note: "The console names it after the address; rename it so re-runs find it." }),
              field("enableTls", OPTION.yes, { entry: "choose", api: `use_ssl=${BACKEND.use_ssl ? 1 : 0}` }),
              field("port", BACKEND.port, { entry: "type", api: "port" }),
              field("verifyCertificate", OPTION.yes, { entry: "choose", api: `ssl_check_cert=${BACKEND.ssl_check_cert ? 1 : 0}` }),
              field("certificateHostname", origin, {
                entry: "type",
                api: "ssl_cert_hostname",
                note: `${esp.name} answers with a certificate for its own name, so check it against the origin, not your link host.`,
              }),
              field("sniHostname", origin, { entry: "type", api: "ssl_sni_hostname" }),
              field("minTls", BACKEND.min_tls_version, { entry: "choose", changeFromDefault: true, api: "min_tls_version" }),
              field("overrideHost", "", {
                entry: "blank",
                api: "override_host (not sent)",
                note: `Leave empty: ${esp.name} must receive your link host as the Host header.`,
              }),
            ],
          },
          {
            id: "settings",
            title: "Settings",
            fields: [
              field("fallbackTtl", settings.defaultTtl, {
                entry: "type",
                changeFromDefault: true,
                api: `general.default_ttl=${settings.defaultTtl}`,
                note:
                  settings.defaultTtl === 0
                    ? `Fastly caches a redirect without cache headers for the fallback TTL (3600 s); 0 sends every click to ${esp.name}, so each recipient gets their own redirect and repeat clicks count.`
                    : `Fastly caches a redirect without cache headers for the fallback TTL (3600 s); ${esp.name} asks for ${settings.defaultTtl} s. ${esp.rules.cache.why}`,
              }),
              field("serviceOverrideHost", settings.defaultHost, { entry: "blank", api: "general.default_host (empty)" }),
            ],
          },
          ...headers.map((h) => ({
            id: "header",
            title: "Content › Headers",
            fields: [
              field("headerName", h.name, { entry: "type", changeFromDefault: true, api: `header name` }),
              field("headerType", OPTION.headerType[h.type], { entry: "choose", changeFromDefault: true, api: `type=${h.type}` }),
              field("headerAction", OPTION.headerAction[h.action], { entry: "choose", changeFromDefault: true, api: `action=${h.action}` }),
              field("headerDestination", h.dst, {
                entry: "type",
                changeFromDefault: true,
                api: `dst=${h.dst}`,
                note: `Drops the visitor's cookies before Fastly asks ${esp.name}: it refuses requests past ${esp.rules.maxRequestHeaderBytes ?? "its limit of"} bytes of headers and cookies.`,
              }),
            ],
          })),
        ],
      },
      {
        id: "activate",
        title: "Activate the version",
        intro: "Fastly serves only the active version, and issues a certificate only for a domain on an active version.",
        actions: [
          "Choose Activate (top right of the service configuration).",
          "The activated version is locked: later changes go on a clone (Clone version), then Activate again.",
        ],
      },
      {
        id: "certificate",
        title: "Get a certificate for the hostname (Fastly TLS)",
        intro: `The certificate must name ${host} exactly. The DNS challenge below can be answered before any traffic moves, so links keep working while it issues.`,
        actions: [
          "Open Secure › TLS management and choose Secure another domain (or Get started).",
          `Choose ${OPTION.tlsOption}, enter the values below and submit.`,
          "Create the _acme-challenge CNAME that Fastly shows under Verify ownership, and keep it: renewals use it.",
          "Wait until the domain's certificate state is Issued.",
        ],
        groups: [
          {
            id: "tls",
            title: "TLS subscription",
            fields: [
              field("tlsDomain", host, { entry: "type", changeFromDefault: true, api: "relationships.tls_domains[0].id" }),
              field("certificationAuthority", ca, {
                entry: "choose",
                api: `certificate_authority: "${CERTIFICATE_AUTHORITY}"`,
                note: `${Object.values(CERTIFICATE_AUTHORITIES)
                  .filter((n) => n !== ca)
                  .join(" and ")} work too; the choice does not change anything else.`,
              }),
              field("tlsConfiguration", OPTION.defaultConfiguration, { entry: "choose", api: "relationships.tls_configuration" }),
            ],
          },
        ],
        records: [challengeRecord(host)],
      },
      testStep({
        host,
        cdnName: "Fastly",
        cdnAddress: target ?? targetHint(host),
        addressKnown: target !== undefined,
        waitFor: "Wait until the certificate's state is Issued and the version shows as active.",
        esp,
      }),
      dnsStep({ linkRecord: linkRecord(host, target, esp.name), cdnName: "Fastly", input, esp }),
      nextStep({ host, cdnName: "Fastly", esp }),
    ],
  };
}

export function plan(input: PlanInput): Plan {
  return planOf(fastlyInfo, input, hostPlan);
}
