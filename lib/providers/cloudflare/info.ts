import type { ProviderInfo } from "@/lib/providers/types";

export const cloudflareInfo: ProviderInfo = {
  id: "cloudflare",
  name: "Cloudflare",
  needs: "Your domain's DNS on Cloudflare and an Advanced certificate (or Total TLS) naming the exact link host.",
  available: false,
  credentialFields: [{ name: "apiToken", label: "Cloudflare API token", secret: true }],
  permissions: ["Zone › Zone Read", "Zone › DNS Edit", "Zone › Config Rules Edit", "Zone › SSL and Certificates Edit"],
};
