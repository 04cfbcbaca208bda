import * as z from "zod/mini";

/** The KeyCDN API key as typed in the wizard (Account Settings › Authentication; e.g. `sk_prod_…`). */
export const keycdnCredentials = z.object({
  apiKey: z
    .string()
    .check(z.trim(), z.regex(/^[A-Za-z0-9_-]{16,128}$/, "A KeyCDN API key is a string of letters, digits and _ (e.g. sk_prod_…), with no spaces.")),
});

export type KeycdnCredentials = z.infer<typeof keycdnCredentials>;
