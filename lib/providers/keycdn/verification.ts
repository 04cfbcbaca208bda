import { certificateGapWords } from "@/lib/providers/certificate-gap-words";
import { defineVerification } from "@/lib/providers/verification-types";
import { keycdnInfo } from "./info";

/** The Let's Encrypt certificate comes only after the switch (docs/providers/keycdn.md#lets-encrypt-and-the-dns-switch). */
const GAP_WORDS = certificateGapWords(keycdnInfo.name, keycdnInfo.certificateAfterSwitch!);

/** How KeyCDN answers and fails, for the verifier: docs/verification.md#cdn-signatures ("Origin Error"). */
export const keycdnVerification = defineVerification({
  name: keycdnInfo.name,
  answered: (headers) => /keycdn/i.test(headers.server ?? ""),
  diagnoses: {
    "keycdn-origin-error": {
      code: 13,
      label: "KeyCDN: origin error",
      fixTopic: "cdn-config",
      words: ({ host, origin }) => ({
        cause: "KeyCDN answered with its Origin Error page: the edge could not pull from the origin.",
        fix: `Set the pull zone's Origin URL to https://${origin} and turn on Forward Host Header so SendGrid sees ${host}.`,
      }),
    },
  },
  diagnoseAnswer: ({ status, body }, fromThisCdn) =>
    status >= 500 && /origin error/i.test(body) && (fromThisCdn || /keycdn/i.test(body)) ? "keycdn-origin-error" : null,
  certificateFix: (host) =>
    `${GAP_WORDS.whyForHost(host)} So before the switch this check cannot pass (the DNS step explains the gap). After the switch, check the CNAME and the Zonealias and wait for the certificate. With Custom SSL, the certificate on the zone must name ${host} exactly.`,
  hostHeaderFix: "turn on Forward Host Header in the pull zone",
});
