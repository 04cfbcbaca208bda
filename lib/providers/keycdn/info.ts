import type { ProviderInfo } from "@/lib/providers/types";

export const keycdnInfo: ProviderInfo = {
  id: "keycdn",
  name: "KeyCDN",
  needs: "A KeyCDN account (a pull zone with Let's Encrypt) and access to your DNS host.",
  available: false,
  credentialFields: [{ name: "apiKey", label: "KeyCDN API key", secret: true }],
  permissions: ["API key (Account settings › API)"],
};
