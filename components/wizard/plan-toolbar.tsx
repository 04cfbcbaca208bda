import Link from "next/link";
import { CopyLinkButton } from "@/components/ui/client-actions";
import { buttonSecondary } from "@/components/ui/styles";
import { planOnlyQueryString, planQueryString, type PlanQuery } from "@/lib/plan/query";
import { PROVIDERS } from "@/lib/providers";

/** Share, print, present and export the plan: every link carries the same non-secret query. */
export function PlanToolbar({ query }: { query: PlanQuery }) {
  const planOnly = planOnlyQueryString(query);
  const exports = query.cdn ? PROVIDERS[query.cdn].exports : undefined;
  const formats = [
    ["markdown", "Markdown"],
    ["json", "JSON"],
    ...(exports?.terraform ? [["terraform", "Terraform"]] : []),
    ...(exports?.awsCli ? [["aws-cli", "AWS CLI"]] : []),
  ];
  return (
    <div className="no-print mt-6 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
      <CopyLinkButton path={`/setup?${planQueryString(query)}`} />
      <Link className={buttonSecondary} href={`/checklist?${planOnly}`}>
        Printable checklist
      </Link>
      <Link className={buttonSecondary} href={`/setup?${planQueryString({ ...query, present: !query.present })}`}>
        {query.present ? "Leave presenter mode" : "Presenter mode"}
      </Link>
      <details className="relative">
        <summary className={`${buttonSecondary} cursor-pointer list-none`}>Export</summary>
        <ul className="absolute z-10 mt-1 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {formats.map(([format, label]) => (
            <li key={format}>
              <a className="block rounded px-3 py-2 hover:bg-slate-100" href={`/api/export?${planOnly}&format=${format}`}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
