import type { ActionResult } from "@/lib/actions/apply-actions";
import type { PlanQuery } from "@/lib/plan/url";
import type { ProviderInfo } from "@/lib/providers/types";
import type { Account } from "./credentials-form";

/** The plan part of every apply-family request (the credentials travel beside it, never in a URL). */
export function applyRequest(query: PlanQuery) {
  return {
    cdn: query.cdn,
    hosts: query.hosts,
    esp: query.esp,
    region: query.region,
    ...(query.tenant ? { tenant: query.tenant } : {}),
    zones: query.zones,
    ownerRecords: query.owners,
  };
}

export type ActionError = Error & { fieldErrors?: Record<string, string> };

/** A server action's result as a value, or a thrown Error (with any field errors) for TanStack Query. */
export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw Object.assign(new Error(result.message), { fieldErrors: result.fieldErrors });
  return result.data;
}

/** At most the last four characters of a non-secret identifier (an AWS key ID); never any part of a secret. */
export function credentialHint(account: Account | undefined, provider: ProviderInfo): string | undefined {
  if (!account) return undefined;
  if (account.kind === "sandbox") return "Credentials used: the sandbox account.";
  const identifier = provider.credentialFields.find((f) => !f.secret);
  const value = identifier ? account.values[identifier.name] : undefined;
  return value ? `Credentials used: ${identifier!.label} ending …${value.slice(-4)}` : `Credentials used: your ${provider.credentialFields[0]?.label ?? "credentials"}.`;
}
