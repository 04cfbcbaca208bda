import * as z from "zod/mini";
import type { CredentialCheck, CredentialDescription, CredentialsOf } from "./credential-fields";

/** The zod/mini schema of a credential description (credential-fields.ts): each value trimmed, then checked in order. */
export function credentialSchema<D extends CredentialDescription>(description: D): z.ZodMiniType<CredentialsOf<D>> {
  const shape = Object.fromEntries(
    Object.entries(description).map(([name, spec]) => {
      const value = z.string().check(z.trim(), ...spec.checks.map(toCheck));
      return [name, spec.optional ? z.optional(value) : value];
    }),
  );
  return z.object(shape) as unknown as z.ZodMiniType<CredentialsOf<D>>;
}

function toCheck(check: CredentialCheck) {
  switch (check.kind) {
    case "required":
      return z.minLength(1, check.message);
    case "matches":
      return z.regex(check.pattern, check.message);
    case "refuses":
      return z.refine<string>((value) => !check.pattern.test(value), check.message);
    case "maxLength":
      return z.maxLength(check.max, check.message);
  }
}
