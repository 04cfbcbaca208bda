import type { CertificateAfterSwitch } from "./types";

/**
 * The sentences about a certificate a CDN can only obtain once the link host points at it
 * (ProviderInfo.certificateAfterSwitch), built once from the provider's data for every place that says them:
 * the plan's DNS step, apply's next step, the verifier's certificate fix and the DNS step's gate.
 * Client-safe. Facts: docs/providers/keycdn.md#lets-encrypt-and-the-dns-switch.
 */
export interface CertificateGapWords {
  /** Why the certificate cannot exist before the switch, for a host or "a link host" (no full stop). */
  onlyAfterSwitch(subject: string): string;
  /** The same for one host, with the setting that behaves so: a sentence. */
  whyForHost(host: string): string;
  /** What the gap costs, with and without HSTS. */
  cost: string;
  howLong: string;
  avoid: string;
  /** The gap for one host: the setting, why, what it costs, how long. */
  forHost(host: string): string;
}

export function certificateGapWords(cdnName: string, gap: CertificateAfterSwitch): CertificateGapWords {
  const onlyAfterSwitch = (subject: string) =>
    `${cdnName} can obtain the certificate for ${subject} only once its CNAME points at ${cdnName}, because the certificate authority checks the host through ${cdnName}`;
  const cost = "Until it is issued, https:// links fail, and if your domain enforces HTTPS (HSTS) every link does, http:// ones included, with no click-through.";
  const howLong = `How long the gap lasts: ${gap.issuanceTime}.`;
  const whyForHost = (host: string) => `With ${gap.setting}, ${onlyAfterSwitch(host)}.`;
  return {
    onlyAfterSwitch,
    whyForHost,
    cost,
    howLong,
    avoid: `To avoid the gap: ${gap.beforeSwitch}`,
    forHost: (host) => `${whyForHost(host)} ${cost} ${howLong}`,
  };
}
