import Form from "next/form";
import Link from "next/link";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { planQueryString, type PlanQuery } from "@/lib/plan/query";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { HiddenState } from "./hidden-state";
import { RadioCard } from "./radio-card";

const OPTIONS = [
  { value: "manual", title: "Manual: copy-paste values", text: "Every console value, one card per hostname, with copy buttons and a printable checklist." },
  { value: "apply", title: "Apply with API credentials", text: "The wizard creates the certificate and CDN configuration for you. Credentials are used for one request and never stored. A sandbox account lets you try it first." },
] as const;

export function ModeStep({ query }: { query: PlanQuery }) {
  const provider = query.cdn ? PROVIDER_INFO[query.cdn] : undefined;
  return (
    <Form action="/setup">
      <HiddenState query={query} omit={["mode"]} />
      <fieldset>
        <legend className="sr-only">How to configure</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {OPTIONS.map((o) => (
            <RadioCard
              key={o.value}
              name="mode"
              value={o.value}
              defaultChecked={(query.mode ?? "manual") === o.value}
              title={<span className="font-semibold text-slate-900">{o.title}</span>}
              description={
                <>
                  {o.text}
                  {o.value === "apply" && provider && !provider.available && ` (${provider.name}: coming soon.)`}
                </>
              }
            />
          ))}
        </div>
      </fieldset>
      <input type="hidden" name="step" value="configure" />
      <div className="mt-6 flex flex-wrap justify-between gap-3">
        <Link className={buttonSecondary} href={`/setup?${planQueryString({ ...query, step: "hosts" })}`}>
          Back
        </Link>
        <button type="submit" className={buttonPrimary}>
          Next: configure
        </button>
      </div>
    </Form>
  );
}
