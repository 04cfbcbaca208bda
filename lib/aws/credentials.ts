import * as z from "zod/mini";

/** AWS credentials as typed in the wizard, for every AWS service it calls. Shapes: AWS IAM "Managing access keys" (20-char key IDs). */
export const awsCredentials = z.object({
  accessKeyId: z
    .string()
    .check(z.trim(), z.regex(/^(AKIA|ASIA)[A-Z0-9]{16}$/, "An AWS access key ID is 20 characters: AKIA or ASIA, then 16 capital letters or digits.")),
  secretAccessKey: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9/+=]{40}$/, "An AWS secret access key is 40 characters of letters, digits, / and +.")),
  sessionToken: z.optional(z.string().check(z.trim(), z.maxLength(4096, "The session token is too long."))),
});

export type AwsCredentials = z.infer<typeof awsCredentials>;
