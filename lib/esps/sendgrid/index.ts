import type { EspModule } from "@/lib/domain/esp";
import { SENDGRID_AUTO_SSL_TARGET, SENDGRID_ORIGIN, SENDGRID_REGIONS } from "./names";
import { readSendgridName, recogniseSendgrid } from "./recognise";

/**
 * SendGrid link branding behind a CDN: docs/esps.md#sendgrid (and docs/sendgrid.md for the ten invariants as
 * they were first written for it).
 */

export { SENDGRID_AUTO_SSL_TARGET, SENDGRID_ORIGIN };

/** A tracked-link path people can recognise, for instructions and the probe when no link of their own is given. */
const EXAMPLE_TRACKED_PATH = "/ls/click?upn=u001.EXAMPLE";

export const sendgrid: EspModule = {
  id: "sendgrid",
  name: "SendGrid",
  regions: SENDGRID_REGIONS,
  regionHint: "global or eu",
  origin: (region) => SENDGRID_ORIGIN[region as keyof typeof SENDGRID_ORIGIN],
  trackingRecord: { what: "the link branding CNAME (url1234.<domain>, or your own subdomain) to sendgrid.net", example: "url1234.news.example.com CNAME sendgrid.net" },
  keepRecords: { what: "SendGrid's owner record (<user id>.<domain>): it stays a DNS-only CNAME to SendGrid", pattern: /^\d+\./ },
  rules: {
    brandedHost: { header: "Host" },
    forwardHeaders: [],
    forwardQueryStrings: "all",
    // The legacy recipe SendGrid's and Braze's guides describe forwards everything; nothing says a cookie harms.
    forwardCookies: "all",
    cache: { minTtl: 0, defaultTtl: 0, maxTtl: 0, why: "Every click is a recipient's own redirect: nothing is shared, and repeat clicks are counted." },
    methods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
    methodsWhy: "One-click List-Unsubscribe is a POST from mail clients to the link host.",
    originProtocol: "https",
  },
  order: {
    before: ["Link branding exists and is validated in SendGrid while its records still point at SendGrid (DNS only)."],
    atSwitch:
      "Do not re-validate link branding in SendGrid after this change: the validation fails once the link host points at the CDN, and the branding stops working. Validate first, switch after.",
    confirmBeforeSwitch: "SendGrid shows this link branding as verified (I validated it while the records were DNS only)",
    after: [
      "Tell your account team (CSM or account manager) that every branded link host in the account now answers over HTTPS, and list the hosts.",
      "SSL click tracking is switched on per account; subusers are switched on separately.",
      "They will send a test email and click its links over HTTPS; keep the CDN settings unchanged until they confirm.",
    ],
    whoTurnsHttpsOn: "SendGrid support or your account team turns on SSL click tracking, per account (subusers separately).",
  },
  probe: () => ({
    method: "GET",
    path: EXAMPLE_TRACKED_PATH,
    statuses: [301, 302, 303, 307, 308],
    headers: [],
    // SendGrid publishes no check of its own: the path above is only an example, so a real tracked link is needed.
    documented: false,
    describe: "a redirect (3xx) to the link's destination",
    useSentLink: true,
  }),
  trackedPaths: ["/ls/click", "/wf/click", "/uni/wf/click", "/ss/", "/wf/open"],
  exampleTrackedPath: EXAMPLE_TRACKED_PATH,
  managedHttps: {
    name: "Auto SSL link branding",
    needs: "Link branding created with auto_ssl: the link host is a CNAME straight to click.sendgrid.net, plus an _acme-challenge CNAME and a _cf-custom-hostname TXT record; no CDN or proxy in front.",
    targets: { global: SENDGRID_AUTO_SSL_TARGET },
    steps: [
      "Create the link branding with the Link Branding API and \"auto_ssl\": true (the UI may not offer it).",
      "Create the three records the answer lists, DNS only.",
      "Validate the branding in SendGrid; SendGrid's edge then holds the certificate for the link host.",
    ],
    cdnStillRightWhen: ["Your account cannot create Auto SSL branding (plans and availability are not published).", "You need the link host on your own CDN for policy or logging."],
    unverified: "SendGrid does not publish which plans have Auto SSL, nor an EU value: ask SendGrid support before relying on it.",
  },
  recognise: recogniseSendgrid,
  readTrackingName: readSendgridName,
  unverified: [
    "The exact status of a valid click (302 is typical; any 3xx with a Location is accepted).",
    "Whether one-click unsubscribe reaches the link host: every method is allowed, which costs nothing if it does not.",
  ],
};
