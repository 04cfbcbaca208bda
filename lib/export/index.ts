import { dnsHostTerraform } from "@/lib/dns-hosts/export";
import type { DnsHostId } from "@/lib/dns-hosts/registry";
import { planToMarkdown } from "@/lib/export/markdown";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { PROVIDERS } from "@/lib/providers";
import type { Plan } from "@/lib/domain/plan";

export const EXPORT_FORMATS = ["markdown", "json", "terraform", "aws-cli"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportResult = { ok: true; body: string; contentType: string; filename: string } | { ok: false; message: string };

/** The CDNs whose module has an AWS CLI export, by name. */
const AWS_CLI_CDNS = Object.values(PROVIDERS)
  .filter((p) => p.exports.awsCli)
  .map((p) => p.info.name)
  .join(", ");

/**
 * One plan, rendered in the asked format; every format reads the same plan object. With `dnsHost`, the Terraform
 * export also holds the link records at that DNS host, off until its variable is set (lib/dns-hosts/export.ts).
 */
export function exportPlan(plan: Plan, format: ExportFormat, shareUrl: string, opts: { dnsHost?: DnsHostId } = {}): ExportResult {
  const exports = PROVIDERS[plan.cdn].exports;
  const base = `click-tracking-${plan.cdn}`;
  switch (format) {
    case "markdown":
      return { ok: true, body: planToMarkdown(plan, shareUrl), contentType: "text/markdown; charset=utf-8", filename: `${base}.md` };
    case "json":
      return { ok: true, body: JSON.stringify(plan, null, 2), contentType: "application/json; charset=utf-8", filename: `${base}.json` };
    case "terraform":
      if (!exports.terraform) return { ok: false, message: `${plan.cdnName} has no official Terraform resources for this setup; use markdown or json.` };
      return { ok: true, body: terraformWithDns(plan, exports.terraform(plan), opts.dnsHost), contentType: "text/plain; charset=utf-8", filename: `${base}.tf` };
    case "aws-cli":
      return exports.awsCli
        ? { ok: true, body: JSON.stringify(exports.awsCli(plan), null, 2), contentType: "application/json; charset=utf-8", filename: `${base}-aws-cli.json` }
        : { ok: false, message: `aws-cli is for ${AWS_CLI_CDNS} only.` };
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** A CDN that proxies the record in place manages it itself: no separate record at the DNS host. */
function terraformWithDns(plan: Plan, cdnExport: string, dnsHost: DnsHostId | undefined): string {
  return dnsHost && !CDN_ADDRESSES[plan.cdn].proxiesInPlace ? `${cdnExport}${dnsHostTerraform(plan, dnsHost, cdnExport)}` : cdnExport;
}
