import { defineCredentials, type CredentialsOf } from "@/lib/providers/credential-fields";

/** The KeyCDN API key as typed in the wizard (Account Settings › Authentication; e.g. `sk_prod_…`). */
export const keycdnCredentials = defineCredentials({
  apiKey: {
    label: "KeyCDN API key",
    secret: true,
    hint: "Account Settings › Authentication › API Key. It can manage every zone of the account.",
    checks: [{ kind: "matches", pattern: /^[A-Za-z0-9_-]{16,128}$/, message: "A KeyCDN API key is a string of letters, digits and _ (e.g. sk_prod_…), with no spaces." }],
  },
});

export type KeycdnCredentials = CredentialsOf<typeof keycdnCredentials>;
