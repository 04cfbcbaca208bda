import type { CdnAddress } from "@/lib/providers/types";

/**
 * Fastly's CNAME targets for TLS traffic are names under fastly.net (`<letter>.sni.global.fastly.net`, with a
 * `dualstack.` prefix for IPv6); which one depends on the account's TLS configuration (docs/providers/cdn-addresses.md#fastly).
 */
const FASTLY_NAME = /^(?:[a-z0-9-]+\.)+fastly\.net$/;

export const fastlyAddress: CdnAddress = {
  hint: "the CNAME target from Fastly's TLS configuration (e.g. t.sni.global.fastly.net)",
  kind: () => "a Fastly address (….fastly.net)",
  isAddressFor: (name) => FASTLY_NAME.test(name),
  proxiesInPlace: false,
};
