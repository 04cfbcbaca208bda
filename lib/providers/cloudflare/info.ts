import { credentialFields } from "@/lib/providers/credential-fields";
import type { ProviderInfo } from "@/lib/providers/types";
import { cloudflareCredentials } from "./credentials";
import { PERMISSION } from "./settings";

const name = "Cloudflare";

export const cloudflareInfo: ProviderInfo = {
  id: "cloudflare",
  name,
  needs: "Your domain's DNS on Cloudflare and an Advanced certificate (or Total TLS) naming the exact link host.",
  available: true,
  credentialFields: credentialFields(cloudflareCredentials),
  applySwitchesInPlace: true,
  needsZone: {
    legend: `${name} zone of each hostname`,
    hint: `Usually your registrable domain. Change it only if a subdomain is its own zone in ${name} (a delegated sub-zone).`,
  },
  permissions: [PERMISSION.zoneRead, PERMISSION.dnsEdit, PERMISSION.configRulesEdit, PERMISSION.sslEdit],
};
