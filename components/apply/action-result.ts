import type { ActionResult } from "@/app/setup/apply-actions";

/** A server action's result as a value, or a thrown Error (with any field errors) for TanStack Query. */
export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw Object.assign(new Error(result.message), { fieldErrors: result.fieldErrors });
  return result.data;
}
