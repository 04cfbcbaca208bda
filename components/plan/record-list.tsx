import type { DnsRecord } from "@/lib/domain/plan";
import { Value, type CopyRenderer } from "./value";

/** DNS records as the DNS host's form asks for them: type, name (relative and full), value, proxy, TTL. */
export function RecordList({ records, caption, copy }: { records: DnsRecord[]; caption: string; copy?: CopyRenderer }) {
  return (
    <div className="mt-3 print:mt-1">
      <p className="text-sm font-semibold text-slate-900">{caption}</p>
      <ul className="mt-2 space-y-3">
        {records.map((r) => (
          <li key={`${r.type}-${r.name}`} className="avoid-break rounded-md border border-slate-200 p-3 print:p-1.5">
            <p className="text-sm text-slate-700">{r.purpose}</p>
            <dl className="mt-2 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)] print:mt-1 print:grid-cols-[8rem_minmax(0,1fr)] print:gap-y-0.5">
              <dt className="font-medium">Type</dt>
              <dd>
                <code className="rounded bg-slate-100 px-1.5 py-0.5">{r.type}</code>
              </dd>
              <dt className="font-medium">Name</dt>
              <dd className="min-w-0">
                <Value value={r.relativeName} label={`record name for ${r.name}`} copy={r.valueKnown || !r.relativeName.includes("<") ? copy : undefined} />
                <span className="mt-1 block text-xs text-slate-600">
                  Full name: <code>{r.name}</code> (zone <code>{r.zone}</code>). If your DNS host adds the zone itself, enter only the part above.
                </span>
              </dd>
              <dt className="font-medium">{r.valueKnown ? "Value / target" : "Value / target (to find)"}</dt>
              <dd className="min-w-0">
                {r.valueKnown ? <Value value={r.value} label={`record value for ${r.name}`} copy={copy} /> : <span className="text-slate-800">{r.value}</span>}
              </dd>
              {r.proxied !== undefined && (
                <>
                  <dt className="font-medium">Proxy status</dt>
                  <dd>{r.proxied ? "Proxied (orange cloud)" : "DNS only (grey cloud)"}</dd>
                </>
              )}
              <dt className="font-medium">TTL</dt>
              <dd>{r.ttl}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
