/**
 * KeyCDN API values, in one place: the plan shows them, apply sends them, the fake checks them.
 * Sources: docs/providers/keycdn.md#zone-settings (keycdn.com/api, keycdn.com/support/pull-zone-settings, keycdn/node-keycdn-api,
 * ZE3kr/Full-Site-Cache-for-KeyCDN, bnoffer/dotnet-keycdn-api). Zone fields are strings, flags are
 * "enabled" | "disabled".
 */

export const ZONE_TYPE = "pull";

/** The origin URL is https:// plus the ESP's origin host, no path (SendGrid's KeyCDN steps, written by KeyCDN). */
export function originUrl(origin: string): string {
  return `https://${origin}`;
}

type Flag = "enabled" | "disabled";

export interface ZoneRule {
  value: string;
  /** What goes wrong when an adopted zone has another value (shown with the fix); `{esp}` names the email provider. */
  why: string;
}

/** A rule's reason with the email provider's name in it. */
export function settingWhy(key: keyof typeof ZONE_SETTINGS, espName: string): string {
  return ZONE_SETTINGS[key].why.replaceAll("{esp}", espName);
}

/**
 * Every zone option apply sets explicitly (defaults for new zones are **unverified**; clients and test
 * data show new zones with Ignore Query String and Ignore Cache Control on, so nothing is left to them).
 * `originurl` is added per region.
 */
export const ZONE_SETTINGS = {
  status: { value: "active", why: "the zone serves nothing" },
  type: { value: ZONE_TYPE, why: "the zone cannot fetch from {esp} (only a pull zone does)" },
  sslcert: { value: "letsencrypt", why: "the shared certificate names *.kxcdn.com, not the link host, so HTTPS clicks fail" },
  http2: { value: "enabled" satisfies Flag, why: "browsers fall back to HTTP/1.1 (slower; links still work), and KeyCDN's own steps for a link host turn it on" },
  /** Off: mail already sent has http:// links, and both schemes must answer (invariant 6). */
  forcessl: { value: "disabled" satisfies Flag, why: "http:// links would be redirected before reaching {esp}" },
  /** The dashboard's "Forward Host Header" is `cachehostheader`; there is no `forwardhostheader` field. */
  cachehostheader: { value: "enabled" satisfies Flag, why: "{esp} would receive the zone's host instead of the link host and could not find the link" },
  cacheignorequerystring: { value: "disabled" satisfies Flag, why: "links that differ only in their query string would share one cache entry, so one recipient's redirect could be served to another" },
  cacheignorecachecontrol: { value: "disabled" satisfies Flag, why: "redirects would be cached whatever {esp}'s cache headers say, so repeat clicks are not counted" },
  /**
   * Minutes a response without cache headers is kept: the shortest non-zero value, so a redirect is never
   * cached for long (invariant 4). **unverified**: whether the API accepts 0 here. A minute is longer than
   * SparkPost-style short caches allow: the plan says so (docs/providers/keycdn.md#per-email-provider).
   */
  cachemaxexpire: { value: "1", why: "a redirect without cache headers would be kept for that long, hiding repeat clicks" },
  /** Browser cache: 0 = as the origin sends (keycdn.com/support/zone-settings "Expire"). */
  expire: { value: "0", why: "browsers would be told to cache redirects" },
  blockbadbots: { value: "disabled" satisfies Flag, why: "mail clients and link scanners that open links may be refused" },
  cachecookies: { value: "disabled" satisfies Flag, why: "responses that set cookies would be cached and shared between recipients" },
} as const satisfies Record<string, ZoneRule>;

export type ZoneSettingKey = keyof typeof ZONE_SETTINGS | "originurl";

/** `sslcert` values that put a certificate for the link host on the zone. */
export const HOST_CERTIFICATES = ["letsencrypt", "custom"] as const;

/** Zone names: lower-case letters and digits, at most 20 (docs/providers/keycdn.md#zone-settings; the limit is **unverified**). */
export const ZONE_NAME_MAX = 20;
const HASH_LENGTH = 7;

/** FNV-1a, 32 bits: a small pure hash so the plan stays free of Node built-ins. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The zone name for a host, the same in the manual plan and in apply (so apply adopts a zone made by
 * hand): the host's letters and digits, cut to 13, then 7 base-36 characters of a hash of the whole
 * host, so hosts that differ only in dots or hyphens (ab-link.x.com, ablink.x.com) or after the 13th
 * character still get different zones. Example: ablink.subdomain.customer.com → "ablinksubdoma" + hash.
 */
export function zoneName(host: string): string {
  const base = host.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, ZONE_NAME_MAX - HASH_LENGTH);
  return base + fnv1a(host.toLowerCase()).toString(36).padStart(HASH_LENGTH, "0");
}

/** Zone URL (the CNAME target): `<zonename>-<userid in hex>.kxcdn.com`, e.g. sendgrid-1c6b.kxcdn.com. */
export const ZONE_URL = /^([a-z0-9]{1,20})-([0-9a-f]{1,16})\.kxcdn\.com$/;

export function zoneUrl(name: string, userHex: string): string {
  return `${name}-${userHex}.kxcdn.com`;
}

export function parseZoneUrl(value: string): { zone: string; userHex: string } | null {
  const m = ZONE_URL.exec(value.trim().toLowerCase().replace(/\.$/, ""));
  return m ? { zone: m[1]!, userHex: m[2]! } : null;
}
