import type { EspModule } from "@/lib/domain/esp";
import { readSparkpostName, SPARKPOST_ORIGIN, SPARKPOST_REGIONS, SPARKPOST_TENANT, SPARKPOST_V2_TARGET, sparkpostTenantOrigin } from "./names";
import { recogniseSparkpost } from "./recognise";

/** SparkPost tracking domains behind a CDN, and its managed HTTPS: docs/esps.md#sparkpost. */

export { SPARKPOST_ORIGIN, SPARKPOST_V2_TARGET };

export const sparkpost: EspModule = {
  id: "sparkpost",
  name: "SparkPost",
  regions: SPARKPOST_REGIONS,
  regionHint: "us or eu (Enterprise: give tenant=<your tenant> instead)",
  tenant: {
    label: "Enterprise tenant (ask your TAM)",
    pattern: SPARKPOST_TENANT,
    hint: "your SparkPost Enterprise tenant name as your TAM gives it (letters, digits and hyphens), e.g. acme",
    origin: sparkpostTenantOrigin,
  },
  origin: (region) => SPARKPOST_ORIGIN[region as keyof typeof SPARKPOST_ORIGIN],
  trackingRecord: { what: "the tracking domain's CNAME to spgo.io (EU: eu.spgo.io; V2: v2.spgo.io)", example: "click.news.example.com CNAME spgo.io" },
  rules: {
    // CloudFront is the CDN whose guide sends X-Forwarded-Host instead of forwarding Host (SparkPost's guide
    // since October 2023); every other CDN passes Host. docs/esps.md#sparkpost-headers
    brandedHost: { header: "Host", originHeader: "X-Forwarded-Host" },
    forwardHeaders: ["User-Agent"],
    forwardQueryStrings: "all",
    // SparkPost's CloudFront guide forwards no cookies; its Fastly and Cloudflare guides leave them as they are.
    forwardCookies: "optional",
    cache: {
      minTtl: 1,
      defaultTtl: 10,
      maxTtl: 10,
      why: "SparkPost's guide: 10 seconds screens out mail-gateway link scanners clicking every link, and still counts a person's repeat clicks.",
    },
    methods: ["GET", "HEAD"],
    methodsWhy: "SparkPost's guide allows GET and HEAD; no POST path on the tracking domain is documented.",
    originProtocol: "https",
  },
  order: {
    before: ["The tracking domain exists in SparkPost, pointing at SparkPost (DNS only), and is linked to a sending domain or set as default."],
    after: [
      "In SparkPost, turn on HTTPS for the tracking domain: Tracking domains → the domain → HTTPS → \"Certificate managed by CDN or reverse proxy (Advanced)\" → Enable HTTPS (API: PUT /api/v1/tracking-domains/<domain> {\"secure\": true}).",
      "Press Verify (test) in SparkPost: it makes an HTTPS request through the CDN, so the certificate must already be valid.",
      "Send a test message and click its links; old http:// links keep working because the CDN answers port 80 too.",
    ],
    whoTurnsHttpsOn: "You do, in SparkPost: set the tracking domain's secure flag once the CDN serves it, then verify it through the CDN.",
  },
  probe: () => ({
    method: "GET",
    path: "/f/a/b/c/d",
    statuses: [302],
    headers: [{ name: "server", contains: "msys-http", hiddenByProxyInPlace: true, whenWrong: "the answer did not come from SparkPost's click tracker" }],
    describe: "302 from SparkPost's tracker (server: msys-http)",
    // SparkPost's guide: `curl -v https://<tracking domain>/f/a/b/c/d` answers 302 relayed from its endpoint.
    documented: true,
  }),
  trackedPaths: ["/f/", "/q/", "/e/"],
  exampleTrackedPath: "/f/a/b/c/d",
  managedHttps: {
    name: "SparkPost managed HTTPS",
    needs: "The tracking domain's CNAME points straight at a V2 endpoint (v2.spgo.io, EU eu.v2.spgo.io) with no CDN or proxy in front: SparkPost proves the name with Let's Encrypt HTTP-01 through that CNAME.",
    targets: { us: SPARKPOST_V2_TARGET.us, eu: SPARKPOST_V2_TARGET.eu },
    steps: [
      "Point the tracking domain's CNAME at v2.spgo.io (EU: eu.v2.spgo.io), DNS only; allow up to 48 hours when moving from a CDN.",
      "Verify the tracking domain in SparkPost.",
      "Tracking domains → the domain → HTTPS → \"Certificate managed by SparkPost (Recommended)\" (API: POST /api/v1/tracking-domains/<domain>/certificate/enable). The certificate usually issues within about 15 minutes and renews itself.",
    ],
    cdnStillRightWhen: [
      "You need a certificate authority other than Let's Encrypt, or an EV certificate.",
      "Compliance rules require your own certificate or CDN.",
      "SparkPost shows the managed certificate as Unavailable (Let's Encrypt policy refuses the name).",
      "You are on an Enterprise tenant (no V2 endpoint).",
    ],
  },
  recognise: recogniseSparkpost,
  readTrackingName: readSparkpostName,
  unverified: [
    "Which SparkPost region Braze's EU clusters use is not published: the region follows your SparkPost account.",
    "The probe /f/a/b/c/d answering 302 comes from SparkPost's guide; a CDN that proxies in place may rewrite server: msys-http, so its absence there is not a failure.",
  ],
};
