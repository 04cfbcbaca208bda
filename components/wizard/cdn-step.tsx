import Form from "next/form";
import { buttonPrimary } from "@/components/ui/styles";
import { CDN_IDS } from "@/lib/plan/types";
import { PROVIDER_INFO } from "@/lib/providers/info";
import type { PlanQuery } from "@/lib/plan/query";
import { HiddenState } from "./hidden-state";
import { RadioCard } from "./radio-card";

export function CdnStep({ query }: { query: PlanQuery }) {
  return (
    <Form action="/setup">
      <HiddenState query={query} omit={["cdn", "targets"]} />
      <fieldset>
        <legend className="sr-only">CDN</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {CDN_IDS.map((id) => {
            const info = PROVIDER_INFO[id];
            return (
              <RadioCard
                key={id}
                name="cdn"
                value={id}
                defaultChecked={query.cdn === id}
                required
                title={
                  <>
                    <span className="font-semibold text-slate-900">{info.name}</span>
                    {!info.available && <span className="chip ml-2">coming soon</span>}
                  </>
                }
                description={info.needs}
              />
            );
          })}
        </div>
      </fieldset>
      <input type="hidden" name="step" value="hosts" />
      <div className="mt-6 flex justify-end">
        <button type="submit" className={buttonPrimary}>
          Next: link branding hostnames
        </button>
      </div>
    </Form>
  );
}
