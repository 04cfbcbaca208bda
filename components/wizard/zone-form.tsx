import Form from "next/form";
import { buttonSecondary, inputBase } from "@/components/ui/styles";
import type { PlanQuery } from "@/lib/plan/query";
import type { Plan } from "@/lib/domain/plan";
import type { ProviderInfo } from "@/lib/providers/types";
import { HiddenState } from "./hidden-state";

/**
 * For a CDN that serves the host's DNS zone (ProviderInfo.needsZone): usually the registrable domain, but a subdomain
 * can be its own (delegated) zone. Saying so here changes every record Name and the certificate's apex.
 */
export function ZoneForm({ query, plan, words }: { query: PlanQuery; plan: Plan; words: NonNullable<ProviderInfo["needsZone"]> }) {
  return (
    <Form action="/setup" className="no-print mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <HiddenState query={query} omit={["zones"]} />
      {query.step && <input type="hidden" name="step" value={query.step} />}
      <fieldset>
        <legend className="font-semibold text-slate-900">{words.legend}</legend>
        <p className="mt-1 text-sm text-slate-700">{words.hint}</p>
        <div className="mt-3 space-y-3">
          {plan.hosts.map((h, i) => (
            <div key={h.host}>
              <label htmlFor={`zone-${i}`} className="block text-sm font-medium break-all">
                DNS zone for {h.host}
              </label>
              <input id={`zone-${i}`} name="zone" defaultValue={query.zones[i] ?? h.zone} className={`${inputBase} mt-1 font-mono`} autoCapitalize="none" spellCheck={false} />
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className={`${buttonSecondary} mt-3`}>
        Update zones
      </button>
    </Form>
  );
}
