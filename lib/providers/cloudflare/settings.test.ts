import { describe, expect, expectTypeOf, it } from "vitest";
import { CERTIFICATE, type CertificateTerms } from "./settings";

// The certificate terms apply orders (docs/providers/cloudflare.md#certificate-authorities-and-validity).
// expectTypeOf is checked by the compiler, not at run time: `npx tsc --noEmit` (npm test's typecheck step)
// fails when one of those lines stops holding. The run-time assertion checks the values apply sends.

describe("Cloudflare certificate terms", () => {
  it("orders Let's Encrypt for 90 days, the only period it issues", () => {
    expect({ authority: CERTIFICATE.certificateAuthority, days: CERTIFICATE.validityDays }).toEqual({ authority: "lets_encrypt", days: 90 });
    expectTypeOf(CERTIFICATE).toExtend<CertificateTerms>();
  });

  it("the terms type accepts only periods the authority issues (checked by tsc)", () => {
    expectTypeOf<{ certificateAuthority: "lets_encrypt"; validityDays: 90 }>().toExtend<CertificateTerms>();
    expectTypeOf<{ certificateAuthority: "lets_encrypt"; validityDays: 30 }>().not.toExtend<CertificateTerms>();
    expectTypeOf<{ certificateAuthority: "google"; validityDays: 30 }>().toExtend<CertificateTerms>();
    expectTypeOf<{ certificateAuthority: "google"; validityDays: 365 }>().not.toExtend<CertificateTerms>();
    expectTypeOf<{ certificateAuthority: "ssl_com"; validityDays: 365 }>().toExtend<CertificateTerms>();
  });
});
