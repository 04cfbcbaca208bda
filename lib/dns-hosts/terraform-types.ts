import type { HclBlock, HclRef } from "@/lib/hcl";

/** What each DNS host gives the Terraform export (lib/dns-hosts/<id>/export.ts). */
export interface DnsHostTerraform {
  provider: { name: string; source: string; version: string };
  providerComment?: string;
  zone(zone: string): HclBlock;
  record(r: { host: string; zone: string; target: string | HclRef; ttl: number; count: HclRef }): HclBlock;
}
