import type { DiagnosisId } from "./types";

/**
 * A few words per diagnosis, for places that show a summary without the verifier's full cause (the printed
 * checklist's "Last verification"). The cause and fix themselves live in diagnose.ts.
 */
export const DIAGNOSIS_LABELS: Record<DiagnosisId, string> = {
  "cloudfront-403-alias": "CloudFront 403: the host is not an alternate domain name of the distribution",
  "cloudfront-502-origin": "CloudFront 502: origin TLS or connection problem",
  "cloudfront-504-origin-timeout": "CloudFront 504: origin timeout",
  "cloudflare-525": "Cloudflare 525: SSL handshake with the origin failed",
  "cloudflare-526": "Cloudflare 526: encryption mode is Full (strict)",
  "cloudflare-1000": "Cloudflare 1000: DNS points to a prohibited IP",
  "cloudflare-1001": "Cloudflare 1001: DNS resolution error",
  "cloudflare-1014": "Cloudflare 1014: CNAME cross-user banned",
  "cloudflare-1016": "Cloudflare 1016: origin DNS error",
  "cloudflare-dns-only": "Cloudflare record is DNS only (grey cloud)",
  "cloudflare-no-target": "Cloudflare proxies in place: nothing separate to test before the switch",
  "fastly-unknown-domain": "Fastly: unknown domain",
  "fastly-503-origin": "Fastly 503: backend problem",
  "keycdn-origin-error": "KeyCDN: origin error",
  "sendgrid-404-unknown-host": "404: SendGrid does not recognise the host",
  "https-upgrade-redirect": "The CDN redirects HTTP to HTTPS itself",
  "not-a-redirect": "The tracked link did not answer with SendGrid's redirect",
  "no-tracked-link": "No tracked link given",
  "no-target": "No CDN address given",
  "cert-name-mismatch": "The certificate does not name the host",
  "cert-expired": "The certificate has expired",
  "cert-not-yet-valid": "The certificate is not valid yet",
  "cert-untrusted": "The certificate is not trusted",
  "tls-old-version": "TLS older than 1.2",
  "tls-handshake-failed": "TLS handshake failed",
  "connection-failed": "No answer",
  nxdomain: "The host does not exist in DNS",
  "target-nxdomain": "The CDN address does not exist in DNS",
  "cname-wrong-target": "The host points at neither SendGrid nor the CDN",
  "dns-not-switched": "DNS still points at SendGrid",
  "dns-propagation": "DNS change still propagating",
  "dns-error": "DNS did not answer",
  "guard-refused": "Refused: the name resolves to a non-public address",
  "verifier-error": "The verifier failed",
};
