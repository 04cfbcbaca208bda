import type { ProviderInfo } from "@/lib/providers/types";

export const keycdnInfo: ProviderInfo = {
  id: "keycdn",
  name: "KeyCDN",
  needs: "A KeyCDN account (a pull zone with Let's Encrypt) and access to your DNS host.",
  available: true,
  credentialFields: [
    { name: "apiKey", label: "KeyCDN API key", secret: true, hint: "Account Settings › Authentication › API Key. It can manage every zone of the account." },
  ],
  permissions: ["API key (Account Settings › Authentication)"],
};
