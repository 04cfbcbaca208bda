import type { GuideEspModule } from "@/lib/domain/esp";

/** Mailgun: docs/esps.md#mailgun. */
export const mailgun: GuideEspModule = {
  id: "mailgun",
  name: "Mailgun",
  origins: [
    { region: "US", origin: "mailgun.org" },
    { region: "EU", origin: "eu.mailgun.org" },
  ],
  originProtocol: "http",
  managedHttps: {
    name: "Mailgun HTTPS tracking",
    needs: "The tracking CNAME (email.<domain> by default) points straight at mailgun.org (EU: eu.mailgun.org), DNS only: Mailgun uses it to issue, renew and serve the certificate.",
    steps: ["Keep the tracking CNAME in place, DNS only, with no proxy in front.", "Sending → Domain settings → Tracking protocol → HTTPS."],
    cdnStillRightWhen: ["Your plan does not include it (Mailgun's pages disagree on which plans do; Flex does not)."],
    unverified: "Which plans include it: Mailgun's own articles differ.",
  },
  cdn: [
    "Mailgun says it does not accept HTTPS to mailgun.org: a CDN in front must reach it over HTTP (on a CDN that proxies in place, the SSL mode that connects to the origin over HTTP, e.g. Flexible).",
  ],
  ask: ["Whether the link host must reach Mailgun as the Host header.", "Which methods and cache rule tracked links need behind a CDN."],
  unverified: ["Mailgun's tracked-link paths and any response header that proves Mailgun answered."],
};
