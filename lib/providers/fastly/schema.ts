import * as z from "zod/mini";

/**
 * The Fastly API token as typed in the wizard. Fastly tokens are 32 characters of letters, digits,
 * `-` and `_` (Account › API tokens); the bounds are loose so a format change does not lock people out.
 */
export const fastlyCredentials = z.object({
  apiToken: z
    .string()
    .check(z.trim(), z.regex(/^[A-Za-z0-9_-]{16,128}$/, "A Fastly API token is a string of letters, digits, - and _ (32 characters today), with no spaces.")),
});

export type FastlyCredentials = z.infer<typeof fastlyCredentials>;
