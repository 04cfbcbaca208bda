import { describe, expect, it } from "vitest";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { switchConfirmation } from "./switch-confirmation";

describe("switchConfirmation", () => {
  it("asks only where the CDN's apply switches in place and the ESP validates its record first", () => {
    expect(switchConfirmation(PROVIDER_INFO.cloudflare, { esp: "sendgrid", region: "eu" })).toBe(
      "SendGrid shows this link branding as verified (I validated it while the records were DNS only)",
    );
    expect(switchConfirmation(PROVIDER_INFO.cloudflare, { region: "global" })).toBe("SendGrid shows this link branding as verified (I validated it while the records were DNS only)");
    expect(switchConfirmation(PROVIDER_INFO.cloudflare, { esp: "sparkpost", region: "eu" })).toBeUndefined();
    expect(switchConfirmation(PROVIDER_INFO.cloudflare, { esp: "ses", region: "us-east-1" })).toBeUndefined();
    expect(switchConfirmation(PROVIDER_INFO.cloudfront, { esp: "sendgrid", region: "global" })).toBeUndefined();
  });
});
