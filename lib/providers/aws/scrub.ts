import { scrub, type ScrubProfile } from "@/lib/providers/engine/scrub";

const KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;

/** What AWS credentials look like in text: 40-character base64 secrets, SigV4 parts and key ids (cut by name). */
export const AWS_SCRUB: ScrubProfile = {
  tokenLength: 40,
  tokenExtraChars: "/+=",
  rules: [
    { pattern: /\b(Credential|Signature)=[^,\s']+/g, replacement: "$1=[redacted]" },
    { pattern: KEY_ID, replacement: "[access key ID]" },
    { pattern: /(x-amz-security-token|authorization)\s*[:=][^\n']*/gi, replacement: "$1: [redacted]" },
  ],
  replacementFor: (secret) => (new RegExp(`^${KEY_ID.source}$`).test(secret) ? "[access key ID]" : "[redacted]"),
  maxLength: 400,
};

/** Removes anything credential-like from text that came from AWS (or from an error around it). */
export function scrubAws(text: string, secrets: readonly (string | undefined)[]): string {
  return scrub(text, secrets, AWS_SCRUB);
}
