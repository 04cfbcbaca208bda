import { credentialFields } from "@/lib/providers/credential-fields";
import type { ProviderInfo } from "@/lib/providers/types";
import { keycdnCredentials } from "./credentials";

export const keycdnInfo: ProviderInfo = {
  id: "keycdn",
  name: "KeyCDN",
  needs: "A KeyCDN account (a pull zone with Let's Encrypt) and access to your DNS host.",
  available: true,
  credentialFields: credentialFields(keycdnCredentials),
  permissions: ["API key (Account Settings › Authentication)"],
  // docs/providers/keycdn.md#lets-encrypt-and-the-dns-switch
  certificateAfterSwitch: {
    setting: "SSL: Let's Encrypt",
    issuanceTime: "KeyCDN publishes no issuance time; allow up to an hour",
    beforeSwitch:
      "Get a certificate that names the link host exactly from any certificate authority (DNS validation works before the switch), choose SSL: Custom SSL on the zone, paste the certificate with its intermediates into Custom SSL Certificate and its key into Custom SSL Private Key, add the Zonealias, and change DNS only once the test passes. You renew that certificate yourself.",
  },
};
