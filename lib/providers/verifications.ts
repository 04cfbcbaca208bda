import { CDN_FACTS, perCdn, type CdnId } from "./registry";
import type { CdnVerification } from "./verification-types";

/**
 * Each CDN's verification knowledge (its module's `verification`), client-safe: the verifier and the checklist's
 * summary ask this and name no CDN themselves.
 */
export const VERIFICATIONS = perCdn((facts) => facts.verification) as { [K in CdnId]: (typeof CDN_FACTS)[K]["verification"] };

type Diagnoses<V> = V extends CdnVerification<infer D> ? D : never;

/** Every diagnosis of a CDN's own. */
export type CdnDiagnosisId = { [K in CdnId]: Diagnoses<(typeof VERIFICATIONS)[K]> }[CdnId];
