import { duration } from "@/lib/dns-hosts/plan";
import { describeRecord } from "@/lib/dns-hosts/refusals";
import type { DnsHostInfo, HostRecordRead, LinkRecord, RecordWriteResult } from "@/lib/dns-hosts/types";

/** The records of the DNS switch as people read them: what is there, what will be, what was. Presentational. */

function ttlWords(r: LinkRecord, info: DnsHostInfo): string {
  return info.automaticTtl && r.ttl === info.automaticTtl.value ? info.automaticTtl.words : `${r.ttl} s (${duration(r.ttl)})`;
}

export function RecordTable({ rows, info, caption }: { rows: { label: string; record: LinkRecord }[]; info: DnsHostInfo; caption: string }) {
  const proxy = rows.some((r) => r.record.proxied !== undefined);
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3 font-semibold">
              <span className="sr-only">Which</span>
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">Type</th>
            <th scope="col" className="py-1 pr-3 font-semibold">TTL</th>
            <th scope="col" className="py-1 pr-3 font-semibold">Value</th>
            {proxy && <th scope="col" className="py-1 font-semibold">Proxy</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, record }) => (
            <tr key={label} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-1 pr-3 font-medium">
                {label}
              </th>
              <td className="py-1 pr-3 font-mono">{record.type}</td>
              <td className="py-1 pr-3">{ttlWords(record, info)}</td>
              <td className="break-all py-1 pr-3 font-mono">{record.value}</td>
              {proxy && <td className="py-1">{record.proxied ? "proxied" : "DNS only"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The read before any write: the record as the DNS host holds it, the plan, and what to know first. */
export function PlanView({ read, info }: { read: HostRecordRead & { simulated: boolean }; info: DnsHostInfo }) {
  const { plan } = read;
  return (
    <div className="mt-3">
      <p className="text-sm">
        Zone <span className="font-mono">{read.zone.name}</span> at {info.name}
        {read.simulated ? " (sandbox)" : ""}.
      </p>
      <RecordTable
        caption={`The record of ${read.host} now and after the switch`}
        info={info}
        rows={plan.changes.length > 0 ? [{ label: "Now", record: plan.current }, { label: "After the switch", record: plan.next }] : [{ label: "Now", record: plan.current }]}
      />
      {plan.changes.length > 0 && (
        <>
          <p className="mt-3 text-sm font-medium">What the switch does, in order:</p>
          <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm">
            {plan.changes.map((c, i) => (
              <li key={i} className="break-words">
                {c.words}
              </li>
            ))}
          </ol>
        </>
      )}
      {plan.notes.map((n) => (
        <p key={n} className="mt-2 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {n}
        </p>
      ))}
    </div>
  );
}

/** A write's result: what it did, the previous value (to roll back, by hand if need be), and what the servers answer. */
export function ResultView({ result, info, kind, beforeTtlChange }: { result: RecordWriteResult; info: DnsHostInfo; kind: "switch" | "rollback" | "ttl"; beforeTtlChange?: LinkRecord }) {
  const auth = result.authoritative;
  return (
    <div className="mt-3 rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3 text-sm text-green-950">
      <p className="font-semibold">{result.summary}</p>
      <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[11rem_1fr]">
        {beforeTtlChange && (
          <>
            <dt className="font-medium">Before the TTL change</dt>
            <dd className="break-all font-mono">{describeRecord(beforeTtlChange, info)}</dd>
          </>
        )}
        <dt className="font-medium">Previous value</dt>
        <dd className="break-all font-mono">{describeRecord(result.previous, info)}</dd>
        <dt className="font-medium">{kind === "rollback" ? "Restored" : "Now"}</dt>
        <dd className="break-all font-mono">{describeRecord(result.written, info)}</dd>
        <dt className="font-medium">{info.name}</dt>
        <dd>{result.status === "in-sync" ? "in sync on all its name servers" : "still sending it to its name servers"}</dd>
        {auth && (
          <>
            <dt className="font-medium">Zone&apos;s name servers</dt>
            <dd className="break-words">
              {auth.seen}
              {auth.matches ? " (the new record)" : ""}
              {auth.simulated ? ` — ${auth.servers.join(", ")}` : ""}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
