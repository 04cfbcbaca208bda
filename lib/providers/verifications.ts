import type { CdnId } from "@/lib/plan/types";
import { cloudflareVerification } from "./cloudflare/verification";
import { cloudfrontVerification } from "./cloudfront/verification";
import { fastlyVerification } from "./fastly/verification";
import { keycdnVerification } from "./keycdn/verification";
import type { CdnVerification } from "./verification-types";

/**
 * Each CDN's verification knowledge (its module's `verification`), client-safe: the verifier and the checklist's
 * summary ask this and name no CDN themselves.
 */
export const VERIFICATIONS = {
  cloudfront: cloudfrontVerification,
  cloudflare: cloudflareVerification,
  fastly: fastlyVerification,
  keycdn: keycdnVerification,
} satisfies Record<CdnId, CdnVerification>;

type Diagnoses<V> = V extends CdnVerification<infer D> ? D : never;

/** Every diagnosis of a CDN's own. */
export type CdnDiagnosisId = { [K in CdnId]: Diagnoses<(typeof VERIFICATIONS)[K]> }[CdnId];
