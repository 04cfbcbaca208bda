
/** A credential input as the wizard renders it. Names match the contract's accessible names. */
export interface CredentialField {
  /** Form field name, e.g. "accessKeyId". */
  name: string;
  /** Visible label and accessible name, e.g. "AWS access key ID". */
  label: string;
  secret: boolean;
  optional?: boolean;
  /** One line under the field: where to get it, what permission it needs. */
  hint?: string;
}

/**
 * A CDN's credentials, described once (lib/providers/<cdn>/credentials.ts): each field's label, hint and whether it
 * is secret, and the checks a value must pass, with the message the field shows when it fails. The wizard's fields
 * (`credentialFields`) and the schema the form and the server actions check with (credential-schema.ts) are both
 * derived from it. Plain data with no validation library, so the fields can reach client bundles on their own.
 */
export type CredentialCheck =
  | { kind: "required"; message: string }
  | { kind: "matches"; pattern: RegExp; message: string }
  | { kind: "refuses"; pattern: RegExp; message: string }
  | { kind: "maxLength"; max: number; message: string };

export interface CredentialSpec extends Omit<CredentialField, "name"> {
  /** Run in order on the trimmed value; every message that applies is reported, the first one is shown. */
  checks: readonly CredentialCheck[];
}

export type CredentialDescription = Readonly<Record<string, CredentialSpec>>;

/** Keeps the field names and which are optional as literal types, so CredentialsOf is exact. */
export function defineCredentials<const D extends CredentialDescription>(description: D): D {
  return description;
}

type Optional<D extends CredentialDescription> = { [K in keyof D]: D[K]["optional"] extends true ? K : never }[keyof D];

/** The credentials a description accepts, e.g. `{ apiToken: string }`. */
export type CredentialsOf<D extends CredentialDescription> = {
  [K in Exclude<keyof D, Optional<D>>]: string;
} & { [K in Optional<D>]?: string | undefined } extends infer T
  ? { [K in keyof T]: T[K] }
  : never;

/** The fields as the wizard renders them, in the description's order. */
export function credentialFields(description: CredentialDescription): CredentialField[] {
  return Object.entries(description).map(([name, { label, secret, optional, hint }]) => ({
    name,
    label,
    secret,
    ...(optional === undefined ? {} : { optional }),
    ...(hint === undefined ? {} : { hint }),
  }));
}
