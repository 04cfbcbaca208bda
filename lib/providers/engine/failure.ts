import type { ProviderError } from "@/lib/providers/types";

/**
 * The one failure type of every adapter: a failure already in words for people (what went wrong, what to do).
 * Adapters throw it from their own checks; every error translator returns its ProviderError as it is.
 */
export class ProviderFailure extends Error {
  constructor(readonly error: ProviderError) {
    super(error.message);
    this.name = "ProviderFailure";
  }
}

export function fail(error: ProviderError): never {
  throw new ProviderFailure(error);
}

/** The ProviderError a ProviderFailure carries, or null for any other error. */
export function failureOf(error: unknown): ProviderError | null {
  return error instanceof ProviderFailure ? error.error : null;
}
