import * as z from "zod/mini";
import type { CredentialField } from "@/lib/providers/types";

/** AWS credentials as typed in the wizard, for every AWS service it calls. Shapes: AWS IAM "Managing access keys" (20-char key IDs). */
export const awsCredentials = z.object({
  accessKeyId: z
    .string()
    .check(z.trim(), z.regex(/^(AKIA|ASIA)[A-Z0-9]{16}$/, "An AWS access key ID is 20 characters: AKIA or ASIA, then 16 capital letters or digits.")),
  secretAccessKey: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9/+=]{40}$/, "An AWS secret access key is 40 characters of letters, digits, / and +.")),
  sessionToken: z.optional(z.string().check(z.trim(), z.maxLength(4096, "The session token is too long."))),
});

export type AwsCredentials = z.infer<typeof awsCredentials>;

/** The fields of awsCredentials, with the contract's accessible names (docs/contract.md#accessible-names-in-the-wizard). */
export const AWS_CREDENTIAL_FIELDS: CredentialField[] = [
  { name: "accessKeyId", label: "AWS access key ID", secret: false, hint: "Starts with AKIA or ASIA." },
  { name: "secretAccessKey", label: "AWS secret access key", secret: true },
  { name: "sessionToken", label: "AWS session token", secret: true, optional: true, hint: "Only for temporary credentials (ASIA…)." },
];
