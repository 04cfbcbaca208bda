import type { CredentialField } from "@/lib/providers/types";

/** The fields of awsCredentials (lib/aws/credentials.ts; kept apart so client bundles need no zod), with the contract's accessible names (docs/contract.md#accessible-names-in-the-wizard). */
export const AWS_CREDENTIAL_FIELDS: CredentialField[] = [
  { name: "accessKeyId", label: "AWS access key ID", secret: false, hint: "Starts with AKIA or ASIA." },
  { name: "secretAccessKey", label: "AWS secret access key", secret: true },
  { name: "sessionToken", label: "AWS session token", secret: true, optional: true, hint: "Only for temporary credentials (ASIA…)." },
];
