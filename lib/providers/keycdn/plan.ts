import type { ResolvedEsp } from "@/lib/domain/esp";
import { cnameRecord, planOf } from "@/lib/providers/plan-parts/common";
import { dnsStep, nextStep, testStep } from "@/lib/providers/plan-parts/esp-steps";
import { splitZone } from "@/lib/hostnames";
import { EVERY_METHOD } from "@/lib/providers/plan-parts/methods";
import type { HostGuarantees } from "@/lib/domain/plan";
import type { ConsoleControl, DnsRecord, EntryKind, HostPlan, Plan, PlanField, PlanInput } from "@/lib/domain/plan";
import { HOST_CERTIFICATES, originUrl, parseZoneUrl, settingWhy, ZONE_SETTINGS, ZONE_TYPE, zoneName, zoneUrl, type ZoneSettingKey } from "./settings";
import { LABELS, OPTION } from "./labels";
import { certificateGapWords } from "@/lib/providers/certificate-gap-words";
import { keycdnInfo } from "./info";

type LabelKey = keyof typeof LABELS;

function field(key: LabelKey, value: string, rest: Omit<PlanField, "id" | "label" | "seedLabel" | "value">): PlanField {
  const { label, control } = LABELS[key] as { label: string; control?: ConsoleControl };
  return { id: key, label, value, ...rest, ...(control && { control }) };
}

/** A zone option as the dashboard shows it, with the API field and why the value matters. */
function zoneField(key: LabelKey, api: Exclude<ZoneSettingKey, "originurl">, espName: string, extra: { changeFromDefault?: boolean; note?: string } = {}): PlanField {
  const value = ZONE_SETTINGS[api].value;
  const entry: EntryKind = value === "enabled" ? "check" : value === "disabled" ? "uncheck" : /^\d+$/.test(value) ? "type" : "choose";
  return field(key, OPTION[value] ?? value, { entry, api: `${api}=${value}`, note: extra.note ?? `Otherwise ${settingWhy(api, espName)}.`, changeFromDefault: extra.changeFromDefault });
}

export function targetHint(host: string): string {
  return `${zoneName(host)}-<your user id in hex>.kxcdn.com (the Zone URL on the dashboard's Zones page)`;
}

/**
 * The CNAME target of a host: the zone URL given for it, else derived from any KeyCDN zone URL given for
 * another host (same account, so the same user id: `<zonename>-<userid hex>.kxcdn.com`). The API does not
 * return the zone URL (docs/providers/keycdn.md#zone-url, **unverified** whether any endpoint does).
 */
export function resolveTarget(input: PlanInput, host: string): { target?: string; warning?: string } {
  const name = zoneName(host);
  const own = input.targets?.[input.hosts.indexOf(host)]?.trim();
  if (own) {
    const parsed = parseZoneUrl(own);
    if (!parsed) return { warning: `The target given for ${host} ("${own.slice(0, 100)}") is not a KeyCDN Zone URL (<zone name>-<hex user id>.kxcdn.com); copy it again from the Zones page.` };
    const target = zoneUrl(parsed.zone, parsed.userHex);
    return parsed.zone === name ? { target } : { target, warning: `The target given for ${host} belongs to zone "${parsed.zone}"; this plan names the zone "${name}". Check that the alias is on that zone.` };
  }
  for (const t of input.targets ?? []) {
    const parsed = t ? parseZoneUrl(t) : null;
    if (parsed) return { target: zoneUrl(name, parsed.userHex) };
  }
  return {};
}

export function linkRecord(host: string, target: string | undefined, espName: string): DnsRecord {
  return cnameRecord(host, target ?? targetHint(host), {
    valueKnown: target !== undefined,
    purpose: `Sends clicks to KeyCDN, which forwards them to ${espName} over HTTPS.`,
    phase: "switch",
  });
}

export const ORDER_NOTE = "Order: zone → CNAME at your DNS host → Zonealias → Let's Encrypt certificate → HTTPS test.";
/** With your own certificate the order changes: everything is tested before DNS moves. */
export const OWN_CERTIFICATE_ORDER = "With your own certificate: zone with Custom SSL → Zonealias → HTTPS test → CNAME at your DNS host.";

/** Let's Encrypt on KeyCDN comes only after the switch (docs/providers/keycdn.md#lets-encrypt-and-the-dns-switch). */
const GAP = keycdnInfo.certificateAfterSwitch!;
/** The gap in words, shared with apply, the verifier and the DNS step's gate. */
export const GAP_WORDS = certificateGapWords(keycdnInfo.name, GAP);

/** What the gap between the DNS change and the Let's Encrypt certificate costs, for the DNS step. */
export function gapWarning(host: string): string {
  return `${GAP_WORDS.forHost(host)} If your domain enforces HTTPS (the Test step's HSTS check says whether it does), do step "Your own certificate" first.`;
}

const enabled = (key: keyof typeof ZONE_SETTINGS) => ZONE_SETTINGS[key].value === "enabled";

/** Seconds a redirect without cache headers is kept (Max Expire counts minutes). */
const KEPT_SECONDS = Number(ZONE_SETTINGS.cachemaxexpire.value) * 60;

/** What the zone settings achieve, for the invariant checks (lib/plan/invariants.ts), derived from settings.ts. */
function guarantees(host: string, origin: string): HostGuarantees {
  const keyedQuery = !enabled("cacheignorequerystring");
  return {
    certificateNames: (HOST_CERTIFICATES as readonly string[]).includes(ZONE_SETTINGS.sslcert.value) ? [host] : ["*.kxcdn.com"],
    origin,
    originProtocol: originUrl(origin).startsWith("https://") ? "https" : "http",
    // KeyCDN does not document its origin TLS floor; the ESPs' origins accept TLS 1.2+ only. **unverified**
    originMinTls: "1.2",
    originCertificateCheckedAgainst: "origin",
    hostHeader: enabled("cachehostheader") ? "pass-through" : "overridden",
    brandedHost: { via: "host" },
    // A pull zone passes the visitor's request headers on, User-Agent among them. **unverified**: not documented.
    forwardedHeaders: ["*"],
    // No zone setting drops the visitor's cookies (keycdn.com/support "pull zone settings"): they reach the origin.
    cookies: "forwarded",
    queryString: keyedQuery ? "forwarded-and-keyed" : "forwarded-not-keyed",
    // With the query string in the key, a cached redirect only ever answers the same recipient's link.
    redirectSharedForSeconds: keyedQuery ? 0 : KEPT_SECONDS,
    cachedForSeconds: KEPT_SECONDS,
    // A pull zone passes non-cacheable methods to the origin. **unverified** for every method; POST is what matters.
    methods: [...EVERY_METHOD],
    viewerProtocols: enabled("forcessl") ? ["https"] : ["http", "https"],
  };
}

/**
 * What KeyCDN cannot do for this email provider, said on the plan (docs/providers/keycdn.md#per-email-provider): it
 * has no setting that drops the visitor's cookies, and it keeps a redirect without cache headers for a minute at least.
 */
function limits(host: string, esp: ResolvedEsp): string[] {
  const out: string[] = [];
  if (esp.rules.forwardCookies === "none") {
    out.push(
      `KeyCDN passes the visitor's cookies on to ${esp.name} and has no setting that drops them: ${esp.name} refuses requests past ${esp.rules.maxRequestHeaderBytes ?? "its limit of"} bytes of headers and cookies, so a visitor with large cookies for the parent domain of ${host} may get an error. CloudFront and Fastly can drop them.`,
    );
  }
  const max = esp.rules.cache.maxTtl;
  if (max > 0 && KEPT_SECONDS > max) {
    out.push(
      `KeyCDN keeps a redirect without cache headers for ${KEPT_SECONDS / 60} minute${KEPT_SECONDS === 60 ? "" : "s"} at least (Max Expire counts minutes); ${esp.name} asks for at most ${max} s, so a person's repeat clicks within that minute are not counted. CloudFront and Fastly can keep ${max} s.`,
    );
  }
  return out;
}

function hostPlan(host: string, input: PlanInput, esp: ResolvedEsp): HostPlan {
  const origin = esp.origin;
  const name = zoneName(host);
  const { target, warning } = resolveTarget(input, host);
  const { zone, relativeName } = splitZone(host);
  const link = linkRecord(host, target, esp.name);
  const dns = dnsStep({ linkRecord: link, cdnName: "KeyCDN", input, esp });
  const test = testStep({
    host,
    cdnName: "KeyCDN",
    cdnAddress: target ?? targetHint(host),
    addressKnown: target !== undefined,
    waitFor: "Wait until https://" + host + "/ answers without a certificate error.",
    esp,
  });

  return {
    host,
    zone,
    relativeName,
    guarantees: guarantees(host, origin),
    warnings: [...(warning ? [warning] : []), ...limits(host, esp)],
    steps: [
      {
        id: "create",
        title: "Create a pull zone",
        intro: `One pull zone per link-branding hostname, named after the host so a re-run finds it. ${ORDER_NOTE}`,
        actions: ["In the KeyCDN dashboard open Zones and choose Add Zone.", "Enter the values below; choose Show Advanced Features for the rest.", "Choose Save."],
        groups: [
          {
            id: "zone",
            title: "Zone",
            fields: [
              field("zoneName", name, {
                entry: "type",
                changeFromDefault: true,
                api: "name",
                note: "Lower-case letters and digits, at most 20: the host's letters and digits, then a short hash of the host so every host gets its own zone.",
              }),
              field("zoneStatus", OPTION[ZONE_SETTINGS.status.value]!, { entry: "choose", api: `status=${ZONE_SETTINGS.status.value}` }),
              field("zoneType", OPTION[ZONE_TYPE]!, { entry: "choose", changeFromDefault: true, api: `type=${ZONE_TYPE}` }),
              field("originUrl", originUrl(origin), { entry: "type", changeFromDefault: true, api: `originurl=${originUrl(origin)}`, note: `https:// and no path: KeyCDN reaches ${esp.name} over HTTPS.` }),
            ],
          },
          {
            id: "advanced",
            title: "Advanced features",
            fields: [
              zoneField("expire", "expire", esp.name, { note: `0 keeps ${esp.name}'s own cache headers for browsers.` }),
              zoneField("blockBadBots", "blockbadbots", esp.name),
              zoneField("ssl", "sslcert", esp.name, { changeFromDefault: true, note: "Or Custom SSL with a certificate naming the host exactly. Never Shared: it names *.kxcdn.com." }),
              zoneField("forceSsl", "forcessl", esp.name),
              zoneField("http2", "http2", esp.name, { changeFromDefault: true }),
              zoneField("maxExpire", "cachemaxexpire", esp.name, { changeFromDefault: true }),
              zoneField("ignoreCacheControl", "cacheignorecachecontrol", esp.name, { changeFromDefault: true }),
              zoneField("ignoreQueryString", "cacheignorequerystring", esp.name, { changeFromDefault: true, note: "Otherwise one recipient's redirect may be served to another: a link's token can be in the query string." }),
              zoneField("forwardHostHeader", "cachehostheader", esp.name, { changeFromDefault: true, note: `API field cachehostheader. ${esp.name} must receive the link host as the Host header.` }),
              zoneField("cacheCookies", "cachecookies", esp.name),
            ],
          },
        ],
      },
      {
        id: "zone-url",
        title: "Copy the Zone URL",
        intro: "KeyCDN names each zone's address <zone name>-<your user id in hex>.kxcdn.com. The API does not return it, so copy it from the dashboard.",
        actions: [
          `On the Zones page, copy the Zone URL of ${name}.`,
          `Check its shape: ${name}-, then hexadecimal digits (0-9, a-f), then .kxcdn.com.`,
          "Paste it into the wizard so the DNS record and tests below show the exact value.",
        ],
        warnings: target ? undefined : [`Replace ${targetHint(host)} below with the Zone URL you copied.`],
      },
      {
        id: "own-certificate",
        title: "Your own certificate (no gap; needed when your domain enforces HTTPS)",
        intro: `Let's Encrypt on KeyCDN can only follow the DNS change, and a domain with HSTS loses every click until it is issued; a certificate on the zone before the change closes that gap. Skip this only if your domain does not enforce HTTPS. ${OWN_CERTIFICATE_ORDER}`,
        actions: [
          `Get a certificate that names ${host} exactly from any certificate authority; validate it with a DNS record, which works while ${host} still points at ${esp.name}.`,
          "In the zone's advanced features choose SSL: Custom SSL. Paste the certificate followed by its intermediates into Custom SSL Certificate and its private key into Custom SSL Private Key (API: sslcert=custom, customsslcert, customsslkey). Save.",
          `Add ${host} as a Zonealias now, then run the Test step against the Zone URL: change DNS only once it passes.`,
          "Renew this certificate yourself and paste the new one before the old one expires.",
        ],
      },
      {
        ...dns,
        intro: `Now point the link host at the zone: KeyCDN's Let's Encrypt certificate is requested once the hostname is a Zonealias and resolves to KeyCDN. ${ORDER_NOTE}`,
        warnings: [...(dns.warnings ?? []), gapWarning(host)],
      },
      {
        id: "alias",
        title: "Add the hostname as a Zonealias",
        intro: "KeyCDN answers for a hostname only when it is an alias of the zone.",
        actions: [
          `With Let's Encrypt: wait until ${host} resolves to the Zone URL (dig +short CNAME ${host}). With your own certificate: add it now, before the DNS change.`,
          "Open Zonealiases and choose Add Zonealias.",
          "Enter the values below and save.",
        ],
        groups: [
          {
            id: "alias",
            title: "Zonealias",
            fields: [
              field("aliasName", host, { entry: "type", changeFromDefault: true, api: "zonealiases name" }),
              field("aliasZone", name, { entry: "choose", changeFromDefault: true, api: "zonealiases zone_id (the zone's id)" }),
            ],
          },
        ],
      },
      {
        id: "certificate",
        title: "Let KeyCDN issue the certificate",
        intro: `With SSL set to Let's Encrypt, KeyCDN requests a certificate for ${host} once the alias exists and the CNAME answers. With your own certificate there is nothing to wait for.`,
        actions: [`Wait until https://${host}/ answers without a certificate error (${GAP.issuanceTime}).`, "If it has not after an hour, check the CNAME and the alias, then save the zone again to retry."],
      },
      {
        ...test,
        // The shared title says "before touching DNS": true only on the own-certificate path.
        title: "Test the KeyCDN setup",
        intro: `With your own certificate, run this before the DNS change; with Let's Encrypt, once the certificate is issued. ${esp.probe.useSentLink ? "Use a tracked link from an email you already sent. " : ""}Both requests must answer with ${esp.probe.describe}, not a KeyCDN error page.`,
        actions: [
          ...test.actions.filter((a) => !a.includes("do not change DNS")),
          `If either answer is an error page (KeyCDN's 500 "Origin Error" means it could not reach ${esp.name}), compare the zone with the values above; ${esp.name} keeps answering as soon as you point the CNAME back.`,
        ],
      },
      nextStep({ host, cdnName: "KeyCDN", esp }),
    ],
  };
}

export function plan(input: PlanInput): Plan {
  return planOf(keycdnInfo, input, hostPlan);
}
