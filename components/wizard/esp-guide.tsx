import type { GuideEspModule } from "@/lib/domain/esp";
import { ManagedHttpsDetails } from "./managed-https";

/** What the wizard can say about an email provider it builds no CDN plan for (lib/esps/<esp>, GuideEspModule). */
export function EspGuide({ guide }: { guide: GuideEspModule }) {
  const { name } = guide;
  return (
    <section aria-labelledby="guide-title" className="mt-6 rounded-md border border-slate-300 bg-white p-4 text-sm text-slate-900">
      <h3 id="guide-title" className="text-base font-semibold">
        {name}: guidance, not a CDN plan
      </h3>
      <p className="mt-1 text-slate-700">Too little of what a CDN plan needs is published for {name}, so the wizard says what is known and what to ask instead of guessing.</p>
      {guide.managedHttps && (
        <div className="mt-4 rounded-md border-l-4 border-green-600 bg-green-50 px-3 py-2 text-green-950">
          <h4 className="font-semibold">
            First choice: {name}&apos;s own HTTPS ({guide.managedHttps.name})
          </h4>
          <ManagedHttpsDetails managed={guide.managedHttps} espName={name} />
        </div>
      )}
      <h4 className="mt-4 font-semibold">{guide.managedHttps ? "If a CDN is still the answer" : "A CDN in front"}</h4>
      {guide.origins.length > 0 ? (
        <p className="mt-1">
          Origin{guide.originProtocol ? `, over ${guide.originProtocol.toUpperCase()}` : ""}:{" "}
          {guide.origins.map((o, i) => (
            <span key={o.origin}>
              {i > 0 ? "; " : ""}
              {o.region} <code>{o.origin}</code>
            </span>
          ))}
          .
        </p>
      ) : (
        <p className="mt-1">{name} publishes no origin for a CDN: ask for it (below).</p>
      )}
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {guide.cdn.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <h4 className="mt-4 font-semibold">What to ask {name}</h4>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {guide.ask.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {guide.unverified.length > 0 && (
        <>
          <h4 className="mt-4 font-semibold">Not confirmed by a primary source</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {guide.unverified.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
