import { scrub as scrubText } from "@/lib/providers/scrub";

const MAX_MESSAGE = 400;

const KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;

/** Removes anything credential-like from text that came from AWS (or from an error around it). */
export function scrubAws(text: string, secrets: readonly (string | undefined)[]): string {
  return scrubText(text, secrets, {
    // AWS secrets are 40 characters of base64; SigV4 parts and key ids are cut by name.
    tokenLength: 40,
    tokenExtraChars: "/+=",
    rules: [
      { pattern: /\b(Credential|Signature)=[^,\s']+/g, replacement: "$1=[redacted]" },
      { pattern: KEY_ID, replacement: "[access key ID]" },
      { pattern: /(x-amz-security-token|authorization)\s*[:=][^\n']*/gi, replacement: "$1: [redacted]" },
    ],
    replacementFor: (secret) => (new RegExp(`^${KEY_ID.source}$`).test(secret) ? "[access key ID]" : "[redacted]"),
    maxLength: MAX_MESSAGE,
  });
}
