import type { ProviderInfo } from "@/lib/providers/types";
import { PERMISSION } from "./settings";

export const cloudflareInfo: ProviderInfo = {
  id: "cloudflare",
  name: "Cloudflare",
  needs: "Your domain's DNS on Cloudflare and an Advanced certificate (or Total TLS) naming the exact link host.",
  available: true,
  credentialFields: [
    {
      name: "apiToken",
      label: "Cloudflare API token",
      secret: true,
      hint: "My Profile › API Tokens › Create Token, with the permissions below for your zone.",
    },
  ],
  permissions: [PERMISSION.zoneRead, PERMISSION.dnsEdit, PERMISSION.configRulesEdit, PERMISSION.sslEdit],
};
