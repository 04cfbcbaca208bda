import { defineCredentials, type CredentialsOf } from "@/lib/providers/credential-fields";

/**
 * The Cloudflare API token as typed in the wizard. Tokens are letters, digits, `-` and `_` (40 characters
 * for classic tokens; newer ones carry a prefix such as `cfat_`, so the length is not pinned). A Global
 * API Key (37 hex characters) is refused: apply only uses scoped API tokens (docs/providers/cloudflare.md#token).
 */
export const cloudflareCredentials = defineCredentials({
  apiToken: {
    label: "Cloudflare API token",
    secret: true,
    hint: "My Profile › API Tokens › Create Token, with the permissions below for your zone.",
    checks: [
      { kind: "required", message: "Enter a Cloudflare API token." },
      { kind: "refuses", pattern: /^[0-9a-f]{37}$/, message: "That looks like a Global API Key. Create an API token instead (My Profile › API Tokens › Create Token)." },
      { kind: "matches", pattern: /^[A-Za-z0-9_-]{30,200}$/, message: "A Cloudflare API token is 30 or more letters, digits, - and _ (copy it again from My Profile › API Tokens)." },
    ],
  },
});

export type CloudflareCredentials = CredentialsOf<typeof cloudflareCredentials>;
