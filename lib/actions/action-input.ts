import { cookies, headers } from "next/headers";
import * as z from "zod";
import { reachedOverHttps, visitorId } from "@/lib/sandbox/visitor";

/**
 * What every server action that calls a provider (a CDN or a DNS host) takes and answers alike: the account (the
 * visitor's sandbox, or credentials that stay in this request) and a result with a message and field errors.
 */
export const accountSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sandbox") }),
  z.object({ kind: z.literal("credentials"), values: z.record(z.string().max(64), z.string().max(4096)) }),
]);

export type Account = z.infer<typeof accountSchema>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string> };

export const MALFORMED = "The request was malformed; reload the page and try again.";

/** This browser's sandbox visitor id, from its cookie (set now if it has none). */
export async function sandboxVisitor(): Promise<string> {
  return visitorId(await cookies(), reachedOverHttps(await headers()));
}

/** A credentials schema's issues as one message per field, for the form. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[String(issue.path[0] ?? "")] ??= issue.message;
  return fieldErrors;
}
