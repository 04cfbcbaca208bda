/**
 * The verifier's end-to-end scenarios: names served by the local DNS, HTTPS and HTTP servers that
 * e2e/start-fakes.ts starts on 127.0.0.1 (nothing here is ever looked up or fetched elsewhere).
 */
export const VERIFY_DOMAIN = "example-brand.com";
export const VERIFY_HOSTS = {
  /** Certificate naming it, SendGrid's redirect over HTTP and HTTPS: every check passes. */
  ready: `ablink.ready.${VERIFY_DOMAIN}`,
  /** Served with a one-label wildcard certificate (*.example-brand.com), which does not cover it. */
  wildcard: `ablink.wild.${VERIFY_DOMAIN}`,
  /** Served correctly, but its CNAME points at a third name (another CDN): the DNS check alone keeps the lock closed. */
  elsewhere: `ablink.moved.${VERIFY_DOMAIN}`,
} as const;
/** Where `elsewhere` points: neither SendGrid nor the CDN address. */
export const VERIFY_OTHER_CDN = "links.old-cdn.example.net";
/** The CloudFront distribution domain both hosts are tested through before the switch. */
export const VERIFY_TARGET = "d111111abcdef8.cloudfront.net";
export const VERIFY_LINK = "/ls/click?upn=u001.E2E-verify";
export const VERIFY_HSTS_HEADER = "max-age=31536000; includeSubDomains; preload";

/**
 * Tracking hosts of the other email providers, behind the same CloudFront address; their origins answer as
 * lib/verify/testing/esp-origins.ts documents (SparkPost's click tracker, Amazon SES in VERIFY_SES_REGION).
 */
export const VERIFY_ESP_HOSTS = {
  /** CNAME to spgo.io, answered by SparkPost's tracker: every check passes without a tracked link. */
  sparkpost: `click.sparkpost.${VERIFY_DOMAIN}`,
  /** CNAME to r.<region>.awstrack.me, answered by Amazon SES in that region: every check passes. */
  ses: `click.ses.${VERIFY_DOMAIN}`,
  /** A SparkPost tracking domain whose CDN reaches SendGrid: SendGrid's redirect, without SparkPost's server header. */
  wrongEsp: `click.wrong-esp.${VERIFY_DOMAIN}`,
} as const;
export const VERIFY_SES_REGION = "eu-central-1";
