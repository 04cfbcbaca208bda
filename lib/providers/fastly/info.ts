import type { ProviderInfo } from "@/lib/providers/types";

export const fastlyInfo: ProviderInfo = {
  id: "fastly",
  name: "Fastly",
  needs: "A Fastly account with TLS subscriptions, and access to your DNS host for two CNAMEs.",
  available: true,
  credentialFields: [
    {
      name: "apiToken",
      label: "Fastly API token",
      secret: true,
      hint: "Account › API tokens › Create token, scope global (read-only and purge tokens cannot configure services).",
    },
  ],
  permissions: ["Token scope: global", "Not limited to specific services (apply creates one service per hostname)"],
};
