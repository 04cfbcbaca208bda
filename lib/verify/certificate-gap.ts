import { certificateGapWords } from "@/lib/providers/certificate-gap-words";
import type { CertificateAfterSwitch } from "@/lib/providers/types";
import type { HostReport, HstsReport, VerifyReport } from "./types";

/**
 * What the DNS step's gate says for a CDN whose certificate can only be issued after the switch (the
 * provider module declares it: ProviderInfo.certificateAfterSwitch). Client-safe, no React.
 * HSTS: a covered host gets https:// for every link, and a certificate error with no way to click through
 * (RFC 6797 §8.4, §12.1).
 */
export interface CertificateGapNote {
  title: string;
  why: string;
  /** Each host whose certificate is not proven yet, with what the gap costs it. */
  hosts: { host: string; words: string }[];
  howLong: string;
  noGap: string;
}

/** The HSTS report of the host's domain (the verifier reports one per registrable domain). */
function hstsFor(host: string, reports: readonly HstsReport[]): HstsReport | undefined {
  return reports.find((r) => host === r.domain || host.endsWith(`.${r.domain}`));
}

function gapWords(h: HostReport, hsts: HstsReport | undefined, cdnName: string): string {
  const already = h.phase === "after" ? `it points at ${cdnName} already, and ` : "";
  switch (hsts?.coversLinkHosts ?? "unknown") {
    case "yes":
      return `${already}its domain enforces HTTPS (HSTS): until the certificate is issued every click on it fails with a certificate error that browsers do not let people click through, http:// links included.`;
    case "no":
      return `${already}its domain does not enforce HTTPS: until the certificate is issued, http:// links keep working through ${cdnName} and https:// links fail.`;
    default:
      return `${already}whether its domain enforces HTTPS is not known: if it does, every click on it fails until the certificate is issued (no click-through); if not, only https:// links do.`;
  }
}

/** The note, or null when the provider has no such gap or every host's certificate already checks out. */
export function certificateGapNote(gap: CertificateAfterSwitch | undefined, cdnName: string, report: VerifyReport | undefined): CertificateGapNote | null {
  if (!gap || !report) return null;
  const waiting = report.hosts.filter((h) => !h.readyToSwitch && h.checks.find((c) => c.id === "tls")?.status !== "pass");
  if (waiting.length === 0) return null;
  const words = certificateGapWords(cdnName, gap);
  return {
    title: `${gap.setting}: the certificate can only come after the switch`,
    why: `${words.onlyAfterSwitch("a link host")}. So the certificate check cannot pass before the switch and this lock stays on; switching anyway opens a gap until the certificate is issued:`,
    hosts: waiting.map((h) => ({ host: h.host, words: gapWords(h, hstsFor(h.host, report.hsts), cdnName) })),
    howLong: words.howLong,
    noGap: words.avoid,
  };
}
