import { defaultRegion } from "@/lib/esps/regions";
import { DEFAULT_ESP } from "@/lib/domain/ids";
import type { PlanQuery } from "@/lib/plan/query";

/** Hidden inputs that carry the rest of the plan through a GET form, minus the fields the form itself sets. */
export function HiddenState({ query, omit }: { query: PlanQuery; omit: (keyof PlanQuery)[] }) {
  const keep = (k: keyof PlanQuery) => !omit.includes(k);
  return (
    <>
      {keep("cdn") && query.cdn && <input type="hidden" name="cdn" value={query.cdn} />}
      {keep("hosts") && query.hosts.map((h) => <input key={h} type="hidden" name="host" value={h} />)}
      {keep("esp") && query.esp !== DEFAULT_ESP && <input type="hidden" name="esp" value={query.esp} />}
      {keep("region") && query.region !== defaultRegion(query.esp) && <input type="hidden" name="region" value={query.region} />}
      {keep("tenant") && query.tenant && <input type="hidden" name="tenant" value={query.tenant} />}
      {keep("targets") && query.targets.some(Boolean) && query.targets.map((t, i) => <input key={i} type="hidden" name="target" value={t ?? ""} />)}
      {keep("zones") && query.zones.some(Boolean) && query.zones.map((z, i) => <input key={`zone-${i}`} type="hidden" name="zone" value={z ?? ""} />)}
      {keep("owners") && query.owners.map((o) => <input key={o} type="hidden" name="owner" value={o} />)}
      {keep("mode") && query.mode && <input type="hidden" name="mode" value={query.mode} />}
      {keep("present") && query.present && <input type="hidden" name="present" value="1" />}
    </>
  );
}
