import "server-only";
import { alreadyGone, refused, removed } from "@/lib/providers/engine/results";
import type { UndoResult, UndoTarget } from "@/lib/providers/types";
import { RESOURCE } from "./resources";
import type { KeycdnClient } from "./client";
import { readAccount, type Account } from "./account";
import { zoneName } from "./settings";

/**
 * KeyCDN undo (docs/providers/keycdn.md#order-of-work): the Zonealias first, then the pull zone. What apply creates carries
 * the host in its name: the alias is the host itself, and the zone is named zoneName(host). Anything
 * else is refused, and so is a zone that still serves an alias this undo did not remove.
 */

async function undoAlias({ api, ...acc }: Account, t: UndoTarget): Promise<UndoResult> {
  const alias = acc.aliases.find((a) => a.id === t.id);
  if (!alias) return alreadyGone(t);
  if (alias.name !== t.host) return refused(t, `this Zonealias is ${alias.name}, not ${t.host}.`);
  const zone = acc.zones.find((z) => z.id === alias.zoneId);
  const expected = zoneName(t.host);
  if (zone?.name !== expected) return refused(t, `it belongs to the zone "${zone?.name ?? alias.zoneId}", not to "${expected}", the zone apply creates for ${t.host}.`);
  await api.deleteZoneAlias(alias.id);
  return removed(t, `Removed the Zonealias ${t.host} from the zone "${expected}".`);
}

async function undoZone({ api, ...acc }: Account, t: UndoTarget, done: readonly UndoResult[]): Promise<UndoResult> {
  const zone = acc.zones.find((z) => z.id === t.id);
  if (!zone) return alreadyGone(t);
  const expected = zoneName(t.host);
  if (zone.name !== expected) return refused(t, `the zone is named "${zone.name}"; apply names the zone for ${t.host} "${expected}".`);
  const gone = new Set(done.filter((r) => r.kind === RESOURCE.keycdnAlias && r.outcome === "removed").map((r) => r.id));
  const serving = acc.aliases.filter((a) => a.zoneId === zone.id && !gone.has(a.id)).map((a) => a.name);
  if (serving.length > 0) {
    return refused(t, `the zone "${zone.name}" still serves ${serving.join(", ")}, which this undo did not remove. Remove those Zonealiases first if you mean to delete the zone.`);
  }
  await api.deleteZone(zone.id);
  return removed(t, `Deleted the pull zone "${zone.name}".`);
}

/** The account step: the same lists apply reads (they double as the key check). */
export const openUndo = (api: KeycdnClient): Promise<Account> => readAccount(api);

export function undoResource(acc: Account, t: UndoTarget, done: readonly UndoResult[]): Promise<UndoResult> {
  return t.kind === RESOURCE.keycdnAlias ? undoAlias(acc, t) : undoZone(acc, t, done);
}
