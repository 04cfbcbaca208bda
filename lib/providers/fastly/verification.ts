import { defineVerification } from "@/lib/providers/verification-types";
import { fastlyInfo } from "./info";

/**
 * How Fastly answers and fails, for the verifier: docs/verification.md#cdn-signatures ("unknown domain", synthetic
 * 503); the certificate: docs/providers/fastly.md#tls-subscription.
 */
export const fastlyVerification = defineVerification({
  name: fastlyInfo.name,
  answered: (headers, body) => /^cache-/i.test(headers["x-served-by"] ?? "") || headers["x-fastly-request-id"] !== undefined || /fastly error/i.test(body),
  diagnoses: {
    "fastly-unknown-domain": {
      code: 11,
      label: "Fastly: unknown domain",
      fixTopic: "cdn-config",
      words: ({ host }) => ({
        cause: `Fastly answered "unknown domain: ${host}": no active Fastly service has this domain.`,
        fix: `Add ${host} as a domain of the service and activate the new service version (a domain on an inactive version does not count).`,
      }),
    },
    "fastly-503-origin": {
      code: 12,
      label: "Fastly 503: backend problem",
      fixTopic: "cdn-config",
      words: ({ origin }) => ({
        cause: "Fastly answered 503: it could not fetch from the backend, usually a TLS problem with the origin.",
        fix: `Backend address ${origin}, port 443, TLS on, certificate hostname and SNI hostname ${origin}, minimum TLS 1.2, and no override host.`,
      }),
    },
  },
  diagnoseAnswer: ({ status, body }, fromThisCdn) => {
    if (/fastly error:\s*unknown domain/i.test(body)) return "fastly-unknown-domain";
    if (fromThisCdn && status === 503) return "fastly-503-origin";
    return null;
  },
  certificateFix: (host) => `Create a Fastly TLS subscription for ${host} (after the domain is on an activated service version) and complete its validation.`,
  hostHeaderFix: "remove the backend's override host and the service's default host",
});
