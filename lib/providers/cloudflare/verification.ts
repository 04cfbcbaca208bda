import { defineVerification } from "@/lib/providers/verification-types";
import { cloudflareInfo } from "./info";
import { cloudflareAddress } from "./address";

/** Cloudflare's error pages show their 4-digit code (docs/verification.md#cdn-signatures). */
function errorCode(body: string): string | null {
  const m = /cf-error-code[^>]*>\s*(\d{4})\s*</i.exec(body) ?? /\berror(?:\s+code)?:?\s*(\d{4})\b/i.exec(body);
  return m?.[1] ?? null;
}

const ERROR_PAGES = { "1000": "cloudflare-1000", "1001": "cloudflare-1001", "1014": "cloudflare-1014", "1016": "cloudflare-1016" } as const;

/**
 * How Cloudflare answers and fails, for the verifier: docs/verification.md#cdn-signatures (525/526, 1000/1001/1014/1016,
 * Full vs Full (strict), Universal SSL depth); certificates: docs/providers/cloudflare.md#certificates.
 */
export const cloudflareVerification = defineVerification({
  name: cloudflareInfo.name,
  answered: (headers) => /^cloudflare/i.test(headers.server ?? "") || headers["cf-ray"] !== undefined,
  diagnoses: {
    "cloudflare-525": {
      code: 3,
      label: "Cloudflare 525: SSL handshake with the origin failed",
      fixTopic: "cdn-config",
      words: ({ host, origin }) => ({
        cause: `Cloudflare answered 525 (SSL handshake failed): Cloudflare could not complete TLS with the origin behind the record for ${host}.`,
        fix: `Make the record a proxied CNAME to ${origin}, and set the encryption mode for ${host} to Full with a Configuration Rule (SSL: Full; not Flexible, not Full (strict)).`,
      }),
    },
    "cloudflare-526": {
      code: 4,
      label: "Cloudflare 526: encryption mode is Full (strict)",
      fixTopic: "cdn-config",
      words: ({ host }) => ({
        cause: `Cloudflare answered 526 (invalid SSL certificate): the encryption mode for ${host} is Full (strict), and SendGrid answers with its own *.sendgrid.net certificate, which does not name ${host}.`,
        fix: `Add a Configuration Rule for ${host} with SSL: Full (not Full (strict)). If Automatic SSL/TLS raised the zone to strict, the per-host rule keeps this host at Full.`,
      }),
    },
    "cloudflare-1000": {
      code: 5,
      label: "Cloudflare 1000: DNS points to a prohibited IP",
      fixTopic: "dns",
      words: ({ host, origin }) => ({
        cause: `Cloudflare error 1000 (DNS points to prohibited IP): the proxied record for ${host} points at a Cloudflare address.`,
        fix: `Make the record a CNAME to ${origin} instead of an A record with a Cloudflare IP.`,
      }),
    },
    "cloudflare-1001": {
      code: 6,
      label: "Cloudflare 1001: DNS resolution error",
      fixTopic: "dns",
      words: ({ host, origin }) => ({
        cause: `Cloudflare error 1001 (DNS resolution error): Cloudflare cannot find ${host} in a zone it serves.`,
        fix: `Check that the zone is active on Cloudflare and that ${host} exists there as a CNAME to ${origin}; a new record can take a few minutes.`,
      }),
    },
    "cloudflare-1014": {
      code: 7,
      label: "Cloudflare 1014: CNAME cross-user banned",
      fixTopic: "dns",
      words: ({ host, origin }) => ({
        cause: `Cloudflare error 1014 (CNAME cross-user banned): the proxied CNAME for ${host} points at a hostname another Cloudflare account serves.`,
        fix: `Check the record's target is exactly ${origin}. If it is and 1014 remains, set the record to DNS only so links keep working, and ask SendGrid support.`,
      }),
    },
    "cloudflare-1016": {
      code: 8,
      label: "Cloudflare 1016: origin DNS error",
      fixTopic: "dns",
      words: ({ host, origin }) => ({
        cause: `Cloudflare error 1016 (origin DNS error): Cloudflare cannot resolve the target of the record for ${host}.`,
        fix: `Correct the CNAME target to ${origin} (check it for typos).`,
      }),
    },
    "cloudflare-dns-only": {
      code: 9,
      label: "Cloudflare record is DNS only (grey cloud)",
      fixTopic: "dns",
      words: ({ host, detail }) => ({
        cause: `${host} is a DNS-only (grey cloud) record${detail ? ` (${detail})` : ""}: clicks go straight to SendGrid, which has no certificate for ${host}.`,
        fix: `In Cloudflare DNS, turn the proxy on (orange cloud) for ${host} only, once its certificate is active and SSL is Full. Leave the numeric owner record DNS only.`,
      }),
    },
    "cloudflare-no-target": {
      code: 10,
      label: "Cloudflare proxies in place: nothing separate to test before the switch",
      fixTopic: "input",
      words: () => ({
        cause: "Cloudflare proxies the record in place, so there is no separate CDN address to test before the proxy is on.",
        fix: `Give ${cloudflareAddress.hint} as the target to test first, or turn the proxy on once the certificate is active and SSL is Full, then Re-check: the checks then run by name.`,
      }),
    },
  },
  diagnoseAnswer: ({ status, body }, fromThisCdn) => {
    if (!fromThisCdn) return null;
    if (status === 525) return "cloudflare-525";
    if (status === 526) return "cloudflare-526";
    const code = errorCode(body);
    return code !== null && code in ERROR_PAGES ? ERROR_PAGES[code as keyof typeof ERROR_PAGES] : null;
  },
  certificateFix: (host) => `Order an Advanced certificate (or turn on Total TLS) that names ${host} exactly: Universal SSL covers only the apex and first-level names.`,
  hostHeaderFix: "remove any Origin Rule or Worker that rewrites the Host header",
  inPlace: {
    noTarget: "cloudflare-no-target",
    dnsOnly: "cloudflare-dns-only",
    answersSeen: "proxied: Cloudflare answers for the host (CF-Ray)",
    missingAddressNote:
      "Cloudflare proxies each hostname in place, so there is no separate address to test unless you use a partial (CNAME) setup. Without one, the before-switch check cannot run and the DNS step needs your recorded override.",
    targetHint: "Only in a partial (CNAME) setup: the hostname's Cloudflare address, <hostname>.cdn.cloudflare.net.",
  },
});
