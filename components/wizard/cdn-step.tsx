import Form from "next/form";
import Link from "next/link";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import type { ManagedHttpsView } from "@/lib/esps/view";
import { CDN_IDS } from "@/lib/domain/plan";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { planQueryString, type PlanQuery } from "@/lib/plan/query";
import { HiddenState } from "./hidden-state";
import { ManagedHttpsDetails } from "./managed-https";
import { RadioCard } from "./radio-card";

/** The chosen ESP's own HTTPS, said before the CDN choice (invariant 10), with the CDN choice one click below it. */
function ManagedHttpsFirst({ managed }: { managed: ManagedHttpsView }) {
  return (
    <section aria-labelledby="managed-title" className="mb-8 rounded-md border-l-4 border-green-600 bg-green-50 px-4 py-3 text-sm text-green-950">
      <h3 id="managed-title" className="text-base font-semibold">
        First: {managed.espName} can serve HTTPS itself ({managed.name})
      </h3>
      <p className="mt-1">When it applies to your account, it needs no CDN at all, and a CDN in front of the tracking host would stop it working.</p>
      <ManagedHttpsDetails managed={managed} target={managed.target} choiceLabel={managed.choiceLabel} espName={managed.espName} />
      <p className="mt-3">
        <a href="#cdn-choice" className="font-medium underline underline-offset-4">
          A CDN is the right answer for me: choose it below
        </a>
      </p>
    </section>
  );
}

export function CdnStep({ query, managed }: { query: PlanQuery; managed?: ManagedHttpsView }) {
  return (
    <>
      {managed && <ManagedHttpsFirst managed={managed} />}
      <Form action="/setup">
        <HiddenState query={query} omit={["cdn", "targets"]} />
        <fieldset id="cdn-choice">
          <legend className={managed ? "font-semibold text-slate-900" : "sr-only"}>CDN</legend>
          <div className={`grid gap-3 sm:grid-cols-2${managed ? " mt-2" : ""}`}>
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
        <div className="mt-6 flex flex-wrap justify-between gap-3">
          <Link className={buttonSecondary} href={`/setup?${planQueryString({ ...query, step: "esp" })}`}>
            Back
          </Link>
          <button type="submit" className={buttonPrimary}>
            Next: link branding hostnames
          </button>
        </div>
      </Form>
    </>
  );
}
