import type { TrackingNameOwner } from "@/lib/domain/esp";

/** Amazon SES's tracking origins, `r.<region>.awstrack.me` (docs/esps.md#amazon-ses): shared by the module and its recogniser. */

/**
 * An AWS region code, e.g. eu-west-2, us-gov-west-1. AWS's tracking-domain table was not readable: any well-formed
 * code is accepted and the verifier's x-amz-ses-region check proves it.
 */
export const AWS_REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export const sesOrigin = (region: string) => `r.${region}.awstrack.me`;

const ORIGIN = /^r\.([a-z0-9-]+)\.awstrack\.me$/;

export function readSesName(name: string): TrackingNameOwner | null {
  const region = ORIGIN.exec(name)?.[1];
  return region !== undefined && AWS_REGION.test(region) ? { region } : null;
}

/** Braze's clusters: US uses us-east-1, EU uses eu-central-1 (Braze SSL docs); offered first; the first is the default (lib/esps/regions.ts reads it without the module). */
export const SES_REGIONS = [
  { id: "us-east-1", label: "US East (N. Virginia), us-east-1 — Braze US clusters" },
  { id: "eu-central-1", label: "EU (Frankfurt), eu-central-1 — Braze EU clusters" },
] as const;
