import type { EspModule } from "@/lib/domain/esp";
import { AWS_REGION, readSesName, SES_REGIONS, sesOrigin } from "./names";
import { recogniseSes } from "./recognise";

/** Amazon SES custom tracking domains behind a CDN: docs/esps.md#amazon-ses. */

export const ses: EspModule = {
  id: "ses",
  name: "Amazon SES",
  regions: SES_REGIONS,
  regionPattern: AWS_REGION,
  regionHint: "an AWS region code such as us-east-1 or eu-central-1 (the region you send from)",
  otherRegionLabel: "Another AWS region (the one you send from)",
  origin: sesOrigin,
  trackingRecord: { what: "the custom tracking domain's CNAME to r.<region>.awstrack.me", example: "click.news.example.com CNAME r.us-east-1.awstrack.me" },
  rules: {
    brandedHost: { header: "Host" },
    forwardHeaders: ["User-Agent"],
    forwardQueryStrings: "all",
    forwardCookies: "none",
    maxRequestHeaderBytes: 8192,
    cache: { minTtl: 0, defaultTtl: 0, maxTtl: 0, why: "AWS's steps forward everything and cache nothing: each click is the recipient's own." },
    // AWS names no methods; every method costs nothing if unused and keeps any POST path working.
    methods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
    methodsWhy: "AWS does not say which methods the tracking domain needs; all pass, which is harmless.",
    originProtocol: "https",
  },
  order: {
    before: ["Verify the tracking subdomain as an identity in Amazon SES (same region you send from)."],
    after: [
      "Check it: curl --head https://<host>/favicon.ico must answer 200 with x-amz-ses-region: <region> and x-amz-ses-request-protocol: https.",
      "Only then set the configuration set's tracking options: CustomRedirectDomain = the host, HttpsPolicy = REQUIRE (with Braze, ask your CSM to enable SSL instead).",
    ],
    whoTurnsHttpsOn: "The configuration set's TrackingOptions (HttpsPolicy REQUIRE) turns HTTPS on; with Braze, your CSM does it.",
  },
  probe: (region) => ({
    method: "HEAD",
    path: "/favicon.ico",
    statuses: [200],
    headers: [
      { name: "x-amz-ses-region", equals: region, whenWrong: `the CDN reaches Amazon SES in another region than ${region}` },
      { name: "x-amz-ses-request-protocol", equals: "https", whenWrong: "the CDN reaches Amazon SES over HTTP, not HTTPS" },
    ],
    describe: `200 from Amazon SES with x-amz-ses-region: ${region} and x-amz-ses-request-protocol: https`,
    // AWS's own check: `curl --head https://<custom domain>/favicon.ico`.
    documented: true,
  }),
  trackedPaths: ["/CL0/", "/CL1/"],
  exampleTrackedPath: "/favicon.ico",
  recognise: recogniseSes,
  readTrackingName: readSesName,
  ask: ["If Braze sends for you: which AWS region your Braze cluster's SES uses (US clusters use us-east-1, EU clusters eu-central-1)."],
  unverified: [
    "AWS's list of tracking regions was not readable; any well-formed region code is accepted, and the verifier's x-amz-ses-region check catches a wrong one.",
    "Braze says to send X-Forwarded-Host; AWS says Host must pass. The plan forwards Host, as AWS says.",
  ],
};
