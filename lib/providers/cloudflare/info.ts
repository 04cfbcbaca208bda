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
  applyConfirmation: "SendGrid shows this link branding as verified (I validated it while the records were DNS only)",
  permissions: [PERMISSION.zoneRead, PERMISSION.dnsEdit, PERMISSION.configRulesEdit, PERMISSION.sslEdit],
};
