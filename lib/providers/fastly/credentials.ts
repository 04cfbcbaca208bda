import { defineCredentials, type CredentialsOf } from "@/lib/providers/credential-fields";

/**
 * The Fastly API token as typed in the wizard. Fastly tokens are 32 characters of letters, digits,
 * `-` and `_` (Account › API tokens); the bounds are loose so a format change does not lock people out.
 */
export const fastlyCredentials = defineCredentials({
  apiToken: {
    label: "Fastly API token",
    secret: true,
    hint: "Account › API tokens › Create token, scope global (read-only and purge tokens cannot configure services).",
    checks: [{ kind: "matches", pattern: /^[A-Za-z0-9_-]{16,128}$/, message: "A Fastly API token is a string of letters, digits, - and _ (32 characters today), with no spaces." }],
  },
});

export type FastlyCredentials = CredentialsOf<typeof fastlyCredentials>;
