import * as z from "zod/mini";

/**
 * The Cloudflare API token as typed in the wizard. Tokens are letters, digits, `-` and `_` (40 characters
 * for classic tokens; newer ones carry a prefix such as `cfat_`, so the length is not pinned). A Global
 * API Key (37 hex characters) is refused: apply only uses scoped API tokens (docs/providers/cloudflare.md#token).
 */
export const cloudflareCredentials = z.object({
  apiToken: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Enter a Cloudflare API token."),
      z.refine((t) => !/^[0-9a-f]{37}$/.test(t), "That looks like a Global API Key. Create an API token instead (My Profile › API Tokens › Create Token)."),
      z.regex(/^[A-Za-z0-9_-]{30,200}$/, "A Cloudflare API token is 30 or more letters, digits, - and _ (copy it again from My Profile › API Tokens)."),
    ),
});

export type CloudflareCredentials = z.infer<typeof cloudflareCredentials>;
