import type { CdnAddress } from "@/lib/providers/types";

/** In a partial (CNAME) setup a proxied host's address is `<host>.cdn.cloudflare.net` (docs/providers/cdn-addresses.md#cloudflare). */
const partialSetupAddress = (host: string) => `${host}.cdn.cloudflare.net`;

export const cloudflareAddress: CdnAddress = {
  hint: "the host's Cloudflare address (in a partial CNAME setup, <host>.cdn.cloudflare.net)",
  kind: (host) => `Cloudflare's address for it (${partialSetupAddress(host)}, in a partial setup)`,
  isAddressFor: (name, host) => name === partialSetupAddress(host),
  proxiesInPlace: { turnOn: "turn the proxy on (orange cloud) once its certificate is active and SSL is Full" },
};
