import type { ManagedHttps } from "@/lib/domain/esp";

/**
 * An email provider's own HTTPS for the tracking host (invariant 10: prefer it when it applies, since a CDN in front
 * defeats it): what it needs, the steps, and when a CDN is still the right answer. Words from the ESP module.
 */
export function ManagedHttpsDetails({ managed, target, choiceLabel, espName }: { managed: ManagedHttps; target?: string; choiceLabel?: string; espName: string }) {
  return (
    <>
      <p className="mt-1">{managed.needs}</p>
      {choiceLabel && !target && managed.targets && (
        <p className="mt-1">
          {espName} publishes no {managed.name} target for {choiceLabel}: ask {espName} before relying on it.
        </p>
      )}
      <h4 className="mt-3 font-semibold">Steps</h4>
      <ol className="mt-1 list-decimal space-y-1 pl-5">
        {managed.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <h4 className="mt-3 font-semibold">When a CDN is still the right answer</h4>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {managed.cdnStillRightWhen.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {managed.unverified && <p className="mt-3">Not confirmed by a primary source: {managed.unverified}</p>}
    </>
  );
}
