import { certificateNameCovers, normaliseHostname, registrableDomain } from "@/lib/hostnames";

/**
 * Which Cloudflare zone a link host lives in, and the record Name relative to it. Usually the
 * registrable domain (public-suffix list, via tldts: `ablink.mail.brand.co.uk` → `brand.co.uk`), but a
 * delegated sub-zone (`x.level-ex.com` as its own zone) is possible: the person may name it, and apply
 * tries each suffix, longest first (docs/providers/cloudflare.md#zones).
 */

export interface ZoneSplit {
  host: string;
  zone: string;
  /** The Name field: the part before the zone ("@" for the apex). */
  relativeName: string;
  /** The registrable domain (public-suffix list), or null when there is none. */
  registrable: string | null;
  /** True when the zone is a delegated sub-zone below the registrable domain. */
  delegated: boolean;
  /** Why a zone the person gave was not used, when it was not. */
  zoneIgnored?: string;
}


/** Split a host by its zone: the one given (a delegated sub-zone) when it contains the host, else the registrable domain. */
export function zoneOf(rawHost: string, rawZone?: string): ZoneSplit {
  const host = normaliseHostname(rawHost);
  const registrable = registrableDomain(host);
  const fallback = registrable ?? host;
  const given = rawZone && rawZone.trim() !== "" ? normaliseHostname(rawZone) : undefined;
  let zoneIgnored: string | undefined;
  if (given !== undefined) {
    if (!(host === given || host.endsWith(`.${given}`))) {
      zoneIgnored = `${given} does not contain ${host}; using ${fallback}.`;
    } else if (registrable && !(given === registrable || given.endsWith(`.${registrable}`))) {
      zoneIgnored = `${given} is above the registrable domain ${registrable}; using ${registrable}.`;
    } else {
      return { host, zone: given, relativeName: nameInZone(host, given), registrable, delegated: given !== registrable };
    }
  }
  return { host, zone: fallback, relativeName: nameInZone(host, fallback), registrable, delegated: false, zoneIgnored };
}


/**
 * The classic Name-field mistake: the full name typed where the DNS host appends the zone, giving
 * `<name>.<zone>.<zone>` (`ablink.x.level-ex.com.level-ex.com`). Returns the name that was meant, or null.
 */
export function repeatedZone(rawHost: string, rawZone: string): string | null {
  const host = normaliseHostname(rawHost);
  const zone = normaliseHostname(rawZone);
  if (zone === "") return null;
  const doubled = `.${zone}.${zone}`;
  return host.endsWith(doubled) ? host.slice(0, -(zone.length + 1)) : null;
}

/**
 * Universal SSL covers the apex and one level below it (`*.zone`), so a host whose Name has more than
 * one label is not covered (docs/providers/cloudflare.md#certificates).
 */
export function coveredByUniversal(split: Pick<ZoneSplit, "relativeName">): boolean {
  return split.relativeName === "@" || !split.relativeName.includes(".");
}

/** The parent of a host: `ablink.x.level-ex.com` → `x.level-ex.com`. */



/** Whether a certificate's name list covers a host (exact, or a wildcard of exactly one label). */
export function namesCover(names: readonly string[], host: string): boolean {
  return names.some((n) => certificateNameCovers(n, host));
}


/** The Name field for any record in a zone. */
export function nameInZone(name: string, zone: string): string {
  return name === zone ? "@" : name.endsWith(`.${zone}`) ? name.slice(0, -(zone.length + 1)) : name;
}
