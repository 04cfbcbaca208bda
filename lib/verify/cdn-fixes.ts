import { certificateGapWords } from "@/lib/providers/certificate-gap-words";
import { LABELS as CF } from "@/lib/providers/cloudfront/labels";
import { keycdnInfo } from "@/lib/providers/keycdn/info";
import type { DiagnoseContext } from "./diagnosis";

/** KeyCDN's Let's Encrypt certificate comes only after the switch (docs/providers/keycdn.md#lets-encrypt-and-the-dns-switch). */
const KEYCDN_GAP_WORDS = certificateGapWords(keycdnInfo.name, keycdnInfo.certificateAfterSwitch!);

/**
 * How to get a certificate naming the exact host, per CDN: docs/providers/cloudfront.md#acm,
 * cloudflare.md#certificates, fastly.md#tls-subscription, keycdn.md#lets-encrypt-and-the-dns-switch.
 */
export function certificateFix(ctx: DiagnoseContext): string {
  const { host } = ctx;
  switch (ctx.cdn) {
    case "cloudfront":
      return `Request a certificate for ${host} exactly in ACM in us-east-1, validate it, and choose it as the distribution's ${CF.customCertificate.label}; ${host} must also be in ${CF.alternateDomain.label}.`;
    case "cloudflare":
      return `Order an Advanced certificate (or turn on Total TLS) that names ${host} exactly: Universal SSL covers only the apex and first-level names.`;
    case "fastly":
      return `Create a Fastly TLS subscription for ${host} (after the domain is on an activated service version) and complete its validation.`;
    case "keycdn":
      return `${KEYCDN_GAP_WORDS.whyForHost(host)} So before the switch this check cannot pass (the DNS step explains the gap). After the switch, check the CNAME and the Zonealias and wait for the certificate. With Custom SSL, the certificate on the zone must name ${host} exactly.`;
    default: {
      const never: never = ctx.cdn;
      return never;
    }
  }
}

export function hostHeaderFix(ctx: DiagnoseContext): string {
  switch (ctx.cdn) {
    case "cloudfront":
      return `forward every viewer header to the origin (origin request policy AllViewer, or ${CF.headers.label}: All), never AllViewerExceptHostHeader`;
    case "cloudflare":
      return "remove any Origin Rule or Worker that rewrites the Host header";
    case "fastly":
      return "remove the backend's override host and the service's default host";
    case "keycdn":
      return "turn on Forward Host Header in the pull zone";
    default: {
      const never: never = ctx.cdn;
      return never;
    }
  }
}
