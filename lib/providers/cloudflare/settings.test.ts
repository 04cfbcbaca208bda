import { describe, expect, it } from "vitest";
import { CERTIFICATE, type CertificateTerms } from "./settings";

// The certificate terms apply orders (docs/providers/cloudflare.md#certificate-authorities-and-validity).
// `npx tsc --noEmit` checks the @ts-expect-error line: it fails if the type ever lets the pair through.

describe("Cloudflare certificate terms", () => {
  it("orders Let's Encrypt for 90 days, the only period it issues, and the type refuses any other", () => {
    expect([CERTIFICATE.certificateAuthority, CERTIFICATE.validityDays]).toEqual(["lets_encrypt", 90]);
    // @ts-expect-error Let's Encrypt issues 90-day certificates only
    const refused: CertificateTerms = { certificateAuthority: "lets_encrypt", validityDays: 30 };
    const allowed: CertificateTerms = { certificateAuthority: "google", validityDays: 30 };
    expect([refused.validityDays, allowed.validityDays]).toEqual([30, 30]);
  });
});
