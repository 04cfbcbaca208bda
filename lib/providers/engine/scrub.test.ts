import { describe, expect, it } from "vitest";
import { scrub } from "./scrub";

describe("scrub", () => {
  it("replaces known secrets, credential pairs and long tokens, and keeps short ids", () => {
    const text = 'secret s3cr3tValue rejected; Authorization: Bearer abc.def; api_key="k-123"; zone 0123456789abcdef0123456789abcdef; tok ' + "x".repeat(40);
    expect(scrub(text, ["s3cr3tValue"], { tokenLength: 37 })).toBe(
      'secret [redacted] rejected; Authorization: Bearer [redacted]; api_key="[redacted]"; zone 0123456789abcdef0123456789abcdef; tok [redacted]',
    );
  });

  it("applies provider rules first and names replaced secrets as asked", () => {
    const out = scrub("key AKIAABCDEFGHIJKLMNOP sig Signature=abc, ok", ["AKIAABCDEFGHIJKLMNOP"], {
      tokenLength: 40,
      rules: [{ pattern: /\bSignature=[^,\s]+/g, replacement: "Signature=[redacted]" }],
      replacementFor: () => "[access key ID]",
    });
    expect(out).toBe("key [access key ID] sig Signature=[redacted], ok");
  });

  it("cuts long messages", () => {
    expect(scrub("a ".repeat(400), [], { tokenLength: 32, maxLength: 10 })).toBe("a a a a a…");
  });
});
