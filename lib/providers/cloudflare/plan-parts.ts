import type { ResolvedEsp } from "@/lib/domain/esp";
import { cnameRecord } from "@/lib/providers/plan-parts/common";
import { EVERY_METHOD } from "@/lib/providers/plan-parts/methods";
import type { HostGuarantees } from "@/lib/domain/plan";
import type { ConsoleControl, DnsRecord, PlanField, PlanStep, SettingGroup } from "@/lib/domain/plan";
import { CONSOLE, LABELS, OPTION } from "./labels";
import { CERTIFICATE, SSL_MODE } from "./settings";
import { coveredByUniversal, nameInZone, type ZoneSplit } from "./zones";

/** The parts of the Cloudflare plan (plan.ts) that do not depend on the host's steps: fields, records, the certificate step, guarantees and limits. */

type LabelKey = keyof typeof LABELS;

export function field(key: LabelKey, value: string | number, rest: Omit<PlanField, "id" | "label" | "seedLabel" | "value">, idPrefix?: string): PlanField {
  const { label, seed, control } = LABELS[key] as { label: string; seed?: string; control?: ConsoleControl };
  return {
    id: idPrefix ? `${idPrefix}.${key}` : key,
    label,
    seedLabel: seed && seed !== label ? seed : undefined,
    value: String(value),
    ...rest,
    ...(control && { control }),
  };
}

const CNAME_NOTE = "Cloudflare adds the zone itself; typing the full name gives";

export function record(name: string, origin: string, zone: string, opts: { proxied: boolean; purpose: string; phase: DnsRecord["phase"] }): DnsRecord {
  return { ...cnameRecord(name, origin, { ...opts, ttl: OPTION.ttlAuto }), zone, relativeName: nameInZone(name, zone) };
}

export function recordGroup(id: string, rec: DnsRecord): SettingGroup {
  return {
    id,
    title: `${CONSOLE.addRecord}: ${rec.name}`,
    fields: [
      field("recordType", rec.type, { entry: "choose", api: `type: "${rec.type}"` }, id),
      field("recordName", rec.relativeName, {
        entry: "type",
        changeFromDefault: true,
        api: `name: "${rec.name}"`,
        note: `Only the part before ${rec.zone}: the full name is ${rec.name}. ${CNAME_NOTE} ${rec.name}.${rec.zone}.`,
      }, id),
      field("recordTarget", rec.value, { entry: "type", changeFromDefault: true, api: `content: "${rec.value}"` }, id),
      field("recordProxy", rec.proxied ? OPTION.proxied : OPTION.dnsOnly, {
        entry: rec.proxied ? "check" : "uncheck",
        changeFromDefault: !rec.proxied,
        api: `proxied: ${rec.proxied}`,
        note: rec.proxied ? "Orange cloud." : "Grey cloud. New CNAME records start Proxied: switch it off.",
      }, id),
      field("recordTtl", rec.ttl, { entry: "choose", api: "ttl: 1" }, id),
    ],
  };
}


export function certificateStep(split: ZoneSplit): PlanStep {
  const { host, zone } = split;
  if (coveredByUniversal(split)) {
    return {
      id: "certificate",
      title: `Check that Universal SSL covers ${host}`,
      intro: `${host} is one level below ${zone}, so Cloudflare's free Universal SSL certificate (${zone}, *.${zone}) names it: there is nothing to buy.`,
      actions: [
        `In ${CONSOLE.edgeCertificates}, check that the Universal certificate is Active and lists *.${zone}.`,
        `If Universal SSL is turned off for ${zone}, order an Advanced certificate listing ${zone} and ${host} instead.`,
      ],
    };
  }
  const apex = zone;
  return {
    id: "certificate",
    title: `Order an Advanced certificate naming ${host}`,
    intro:
      `Universal SSL covers ${apex} and one level below it (*.${apex}) only, so ${host} is NOT covered: proxied without its own certificate, browsers fail with ERR_SSL_VERSION_OR_CIPHER_MISMATCH. ` +
      `Order an Advanced certificate (Advanced Certificate Manager, a paid add-on) listing the exact host. ` +
      `The seed's "Dedicated SSL with Custom Hostnames" is today's Advanced certificate, not Cloudflare for SaaS "Custom Hostnames", which is a different product.`,
    actions: [
      `In ${CONSOLE.edgeCertificates}, choose ${CONSOLE.orderAdvanced} (Cloudflare asks for billing details first if it has none).`,
      "Enter the values below and choose Save.",
      `Wait until the certificate's status is Active. With your DNS on Cloudflare, Cloudflare adds the TXT validation record itself; on a partial (CNAME) setup, create the TXT record it shows at your DNS host.`,
      `Instead of an Advanced certificate you can turn on Total TLS (${CONSOLE.totalTls}, also Advanced Certificate Manager): it issues a certificate for every proxied name Universal SSL misses.`,
      `Or upload a certificate you bought that names ${host} (${CONSOLE.customCertificate}; Business plan or higher).`,
    ],
    groups: [
      {
        id: "order",
        title: CONSOLE.orderAdvanced,
        fields: [
          field("certAuthority", OPTION.certificateAuthority[CERTIFICATE.certificateAuthority], {
            entry: "choose",
            api: `certificate_authority: "${CERTIFICATE.certificateAuthority}"`,
            note: "Any authority offered works.",
          }),
          field("certHostnames", `${apex}, ${host}`, {
            entry: "type",
            changeFromDefault: true,
            api: `hosts: ["${apex}", "${host}"], type: "${CERTIFICATE.type}"`,
            note: `The zone apex must be listed; then the exact link host. Type each name and press Enter.`,
          }),
          field("certValidation", OPTION.validationMethod[CERTIFICATE.validationMethod], {
            entry: "choose",
            api: `validation_method: "${CERTIFICATE.validationMethod}"`,
          }),
          field("certValidity", OPTION.validityDays(CERTIFICATE.validityDays), {
            entry: "choose",
            api: `validity_days: ${CERTIFICATE.validityDays}`,
            note: "Cloudflare renews it automatically.",
          }),
        ],
      },
    ],
    warnings: [`Do not turn on the proxy for ${host} before this certificate is Active.`],
  };
}

/** What the settings achieve, for the invariant checks (lib/plan/invariants.ts), derived from settings.ts. */
export function guarantees(host: string, origin: string): HostGuarantees {
  return {
    // The Advanced certificate lists the apex and the exact host.
    certificateNames: [host],
    origin,
    // Full and Full (strict) reach the origin over HTTPS; Flexible would use plain HTTP.
    originProtocol: (SSL_MODE as string) === "flexible" ? "http" : "https",
    originMinTls: "1.2",
    // Full does not validate the origin certificate; strict would check it against the link host (526).
    originCertificateCheckedAgainst: (SSL_MODE as string) === "strict" ? "link-host" : "not-checked",
    // No Origin Rule rewrites Host: the proxy passes the visitor's Host through.
    hostHeader: "pass-through",
    brandedHost: { via: "host" },
    // The proxy passes the visitor's request headers and cookies on (no Transform Rule is created).
    forwardedHeaders: ["*"],
    cookies: "forwarded",
    // Cloudflare's default cache key includes the query string, and redirects without cache headers are not cached.
    queryString: "forwarded-and-keyed",
    redirectSharedForSeconds: 0,
    cachedForSeconds: 0,
    // The proxy passes every method.
    methods: [...EVERY_METHOD],
    viewerProtocols: ["http", "https"],
  };
}

/**
 * What Cloudflare, as the wizard sets it up, cannot do for this email provider, said on the plan
 * (docs/providers/cloudflare.md#per-email-provider).
 */
export function limits(host: string, esp: ResolvedEsp): string[] {
  const out: string[] = [];
  if (esp.rules.forwardCookies === "none") {
    out.push(
      `Cloudflare passes the visitor's cookies on to ${esp.name}, which refuses requests past ${esp.rules.maxRequestHeaderBytes ?? "its limit of"} bytes of headers and cookies: a visitor with large cookies for the parent domain of ${host} may get an error. A Request Header Transform Rule for ${host} that removes the Cookie header (Rules › Transform Rules) avoids it; the wizard does not create one. CloudFront and Fastly drop them as the wizard sets them up.`,
    );
  }
  if (esp.rules.cache.maxTtl > 0) {
    out.push(
      `${esp.name} asks for a short cache (${esp.rules.cache.defaultTtl} s) so that mail scanners clicking every link are not counted. Cloudflare caches no redirect unless a Cache Rule says so, and ${esp.name}'s own guide says Free plans cannot set such a short time: the wizard adds no cache rule, so every click, a scanner's too, reaches ${esp.name}.`,
    );
  }
  return out;
}
