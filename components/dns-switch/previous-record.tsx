import { duration } from "@/lib/dns-hosts/plan";
import type { PreviousValue } from "@/lib/dns-hosts/previous";

/**
 * On the printed checklist: the record as it was before the wizard switched it, so it can be set back by hand
 * (`prev` on /checklist; docs/contract.md#dns-switch-at-the-dns-host).
 */
export function PreviousRecord({ host, previous }: { host: string; previous: PreviousValue }) {
  return (
    <div className="avoid-break mt-4 rounded-md border-2 border-slate-800 px-4 py-3 text-sm print:mt-2">
      <p className="font-semibold">Previous value (before the DNS switch)</p>
      <p className="mt-1">
        <span className="font-mono">
          {host} {previous.type} {previous.value}
        </span>
        , TTL {previous.ttl} s ({duration(previous.ttl)}).
      </p>
      <p className="mt-1">To roll back by hand, set the record of {host} back to exactly this value and TTL at your DNS host.</p>
    </div>
  );
}
