import type { TrackingNameOwner } from "@/lib/domain/esp";

/**
 * SparkPost's tracking endpoints (tracking-domains.apib "DNS" table; docs/esps.md#sparkpost): in a file of their
 * own so the module and its recogniser share them.
 */

/** CDN origins per region (SparkPost "Enabling HTTPS engagement tracking"). */
export const SPARKPOST_ORIGIN: Readonly<Record<"us" | "eu", string>> = { us: "spgo.io", eu: "eu.spgo.io" };

/** The V2 endpoints: the only ones where SparkPost's managed HTTPS works. */
export const SPARKPOST_V2_TARGET = { us: "v2.spgo.io", eu: "eu.v2.spgo.io" } as const;

/** The account regions, in the order offered; the first is the default (lib/esps/regions.ts reads it without the module). */
export const SPARKPOST_REGIONS = [
  { id: "us", label: "US (spgo.io)" },
  { id: "eu", label: "EU (eu.spgo.io)" },
] as const;

export const SPARKPOST_TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TENANT_SUFFIX = ".et.e.sparkpost.com";

export const sparkpostTenantOrigin = (tenant: string) => `${tenant}${TENANT_SUFFIX}`;

export function readSparkpostName(name: string): TrackingNameOwner | null {
  for (const region of ["us", "eu"] as const) {
    if (name === SPARKPOST_ORIGIN[region]) return { region };
    if (name === SPARKPOST_V2_TARGET[region]) return { region, managed: true };
  }
  if (name.endsWith(TENANT_SUFFIX)) {
    const tenant = name.slice(0, -TENANT_SUFFIX.length);
    if (SPARKPOST_TENANT.test(tenant)) return { tenant };
  }
  return null;
}
