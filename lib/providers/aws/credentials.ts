import { defineCredentials, type CredentialsOf } from "@/lib/providers/credential-fields";

/**
 * AWS credentials as typed in the wizard, for every AWS service it calls (CloudFront and ACM, Route 53), described
 * once. Shapes: AWS IAM "Managing access keys" (20-character key IDs).
 */
export const awsCredentials = defineCredentials({
  accessKeyId: {
    label: "AWS access key ID",
    secret: false,
    hint: "Starts with AKIA or ASIA.",
    checks: [{ kind: "matches", pattern: /^(AKIA|ASIA)[A-Z0-9]{16}$/, message: "An AWS access key ID is 20 characters: AKIA or ASIA, then 16 capital letters or digits." }],
  },
  secretAccessKey: {
    label: "AWS secret access key",
    secret: true,
    checks: [{ kind: "matches", pattern: /^[A-Za-z0-9/+=]{40}$/, message: "An AWS secret access key is 40 characters of letters, digits, / and +." }],
  },
  sessionToken: {
    label: "AWS session token",
    secret: true,
    optional: true,
    hint: "Only for temporary credentials (ASIA…).",
    checks: [{ kind: "maxLength", max: 4096, message: "The session token is too long." }],
  },
});

export type AwsCredentials = CredentialsOf<typeof awsCredentials>;
