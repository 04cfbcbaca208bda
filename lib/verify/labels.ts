import type { CdnDiagnosis } from "@/lib/providers/verification-types";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import type { DiagnosisId, GenericDiagnosisId } from "./types";

/**
 * A few words per diagnosis, for places that show a summary without the verifier's full cause (the printed
 * checklist's "Last verification"). The cause and fix themselves live in catalogue.ts; a CDN's own diagnoses bring
 * their label from its module.
 */
const GENERIC_LABELS: Record<GenericDiagnosisId, string> = {
  "esp-404-unknown-host": "404: the email provider does not recognise the host",
  "https-upgrade-redirect": "The CDN redirects HTTP to HTTPS itself",
  "not-the-esp-answer": "The answer is not the email provider's",
  "no-tracked-link": "No tracked link given",
  "no-target": "No CDN address given",
  "cert-name-mismatch": "The certificate does not name the host",
  "cert-expired": "The certificate has expired",
  "cert-not-yet-valid": "The certificate is not valid yet",
  "cert-untrusted": "The certificate is not trusted",
  "tls-old-version": "TLS older than 1.2",
  "tls-handshake-failed": "TLS handshake failed",
  "connection-failed": "No answer",
  nxdomain: "The host does not exist in DNS",
  "target-nxdomain": "The CDN address does not exist in DNS",
  "cname-wrong-target": "The host points at neither the email provider nor the CDN",
  "dns-not-switched": "DNS still points at the email provider",
  "dns-propagation": "DNS change still propagating",
  "dns-error": "DNS did not answer",
  "guard-refused": "Refused: the name resolves to a non-public address",
  "verifier-error": "The verifier failed",
  "esp-other-answered": "Another email provider answered",
  "esp-answer-mismatch": "The email provider answered, but not as the plan expects (region or protocol)",
  "esp-wrong-origin": "The host points at another region's or provider's origin",
};

const CDN_LABELS = Object.fromEntries(
  Object.values(VERIFICATIONS).flatMap((v) => Object.entries(v.diagnoses as Record<string, CdnDiagnosis>).map(([id, d]) => [id, d.label])),
);

export const DIAGNOSIS_LABELS = { ...CDN_LABELS, ...GENERIC_LABELS } as Record<DiagnosisId, string>;
