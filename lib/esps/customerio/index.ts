import type { GuideEspModule } from "@/lib/domain/esp";

/** Customer.io: docs/esps.md#customerio. */
export const customerio: GuideEspModule = {
  id: "customerio",
  name: "Customer.io",
  origins: [
    { region: "US", origin: "track.customer.io" },
    { region: "EU", origin: "track-eu.customer.io" },
  ],
  originProtocol: "https",
  managedHttps: {
    name: "Customer.io automatic certificate",
    needs: "The link-tracking CNAME (e.customeriomail.com, EU e-eu.customeriomail.com) straight to Customer.io, proxy off.",
    steps: ["Settings → Workspace Settings → Email → your domain → Link Tracking: copy the CNAME, create it DNS only, then Verify domain."],
    cdnStillRightWhen: ["The tracking domain was added before October 2025 and Customer.io has not issued a certificate for it."],
    unverified: "Read through a third-party copy of Customer.io's docs: confirm with Customer.io that your domain has it.",
  },
  cdn: [
    "Origin track.customer.io (EU track-eu.customer.io) over HTTPS, without checking its certificate against your host (SSL mode Full, never Full (strict)).",
    "Changing the link tracking domain breaks links already sent: put the CDN in front of the existing name.",
  ],
  ask: ["Whether the link host must reach Customer.io as the Host header.", "Which methods and cache rule tracked links need behind a CDN."],
  unverified: ["The automatic certificate's start date and conditions."],
};
