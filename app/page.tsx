import { buttonPrimary } from "@/components/ui/styles";
import { espStepView } from "@/lib/esps/view";
import { CDN_IDS } from "@/lib/domain/plan";
import { PROVIDER_INFO } from "@/lib/providers/info";

export default function Home() {
  const { esps, guides } = espStepView();
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900 sm:text-4xl">Make email click tracking work over HTTPS</h1>
      <p className="mt-4 text-lg text-slate-700">
        When your brand&apos;s domain uses HSTS, browsers refuse plain HTTP to your click-tracking host, and every tracked link in every email breaks. The fix is a CDN in front of the tracking hostname that serves a certificate for that exact name and forwards clicks to your email provider the way it requires; or, where the provider can serve HTTPS itself, its own managed HTTPS.
      </p>
      <p className="mt-4 text-slate-700">
        This wizard gives you the exact values for your CDN, or applies them with your API credentials, tells you how to test before the DNS switch, and what to ask your account team afterwards.
      </p>
      <p className="mt-8">
        {/* A plain link: next/link would prefetch the wizard's scripts while this page is still loading. */}
        <a href="/setup" className={buttonPrimary}>
          Start the setup
        </a>
      </p>
      <h2 className="mt-10 text-xl font-semibold">Supported email providers</h2>
      <ul className="mt-3 space-y-2">
        {esps.map((e) => (
          <li key={e.id}>
            <span className="font-medium">{e.name}</span>: <span className="text-slate-700">{e.summary}</span>
          </li>
        ))}
        <li>
          <span className="font-medium">{guides.map((g) => g.name).join(", ")}</span>:{" "}
          <span className="text-slate-700">guidance (their own HTTPS where they have it, what a CDN in front needs, and what to ask them), not a CDN plan.</span>
        </li>
      </ul>
      <h2 className="mt-10 text-xl font-semibold">Supported CDNs</h2>
      <ul className="mt-3 space-y-2">
        {CDN_IDS.map((id) => (
          <li key={id}>
            <span className="font-medium">{PROVIDER_INFO[id].name}</span>
            {!PROVIDER_INFO[id].available && " (coming soon)"}: <span className="text-slate-700">{PROVIDER_INFO[id].needs}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
