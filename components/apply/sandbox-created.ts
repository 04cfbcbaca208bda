import type { CdnId } from "@/lib/domain/plan";
import type { UndoTarget } from "@/lib/providers/types";

/**
 * Sandbox runs only: what a run created is kept in this tab's sessionStorage, so that after a reload the next
 * sandbox run for the same hosts still offers to undo it (the sandbox account outlives the reload through its
 * cookie). Resource ids and host names, never a credential; nothing about a real account is kept.
 */
const keyOf = (cdn: CdnId, hosts: readonly string[]) => `sandbox-created:${cdn}:${hosts.join(" ")}`;

const isTarget = (t: unknown): t is UndoTarget =>
  typeof t === "object" && t !== null && ["kind", "id", "host"].every((k) => typeof (t as Record<string, unknown>)[k] === "string");

export function rememberedSandboxTargets(cdn: CdnId, hosts: readonly string[]): UndoTarget[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(keyOf(cdn, hosts)) ?? "[]");
    return Array.isArray(stored) ? stored.filter(isTarget) : [];
  } catch {
    return [];
  }
}

export function rememberSandboxTargets(cdn: CdnId, hosts: readonly string[], targets: readonly UndoTarget[]): void {
  try {
    sessionStorage.setItem(keyOf(cdn, hosts), JSON.stringify(targets));
  } catch {
    // Storage full or disabled: undo after a reload is then not offered, nothing else changes.
  }
}
