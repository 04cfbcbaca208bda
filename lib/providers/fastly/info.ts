import type { ProviderInfo } from "@/lib/providers/types";

export const fastlyInfo: ProviderInfo = {
  id: "fastly",
  name: "Fastly",
  needs: "A Fastly account with TLS subscriptions, and access to your DNS host for two CNAMEs.",
  available: false,
  credentialFields: [{ name: "apiToken", label: "Fastly API token", secret: true }],
  permissions: ["Token scope: global"],
};
