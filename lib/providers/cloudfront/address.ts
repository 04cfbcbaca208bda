import type { CdnAddress } from "@/lib/providers/types";

/** A distribution's domain name: `d<letters and digits>.cloudfront.net` (docs/providers/cdn-addresses.md#cloudfront). */
const DISTRIBUTION_DOMAIN = /^[a-z0-9]+\.cloudfront\.net$/;

/** The made-up distribution domain AWS's documentation uses. */
const example = "d111111abcdef8.cloudfront.net";

export const cloudfrontAddress: CdnAddress & { example: string } = {
  hint: `the distribution's domain name (${example})`,
  example,
  kind: () => "a CloudFront distribution's domain name (….cloudfront.net)",
  isAddressFor: (name) => DISTRIBUTION_DOMAIN.test(name),
  proxiesInPlace: false,
};
