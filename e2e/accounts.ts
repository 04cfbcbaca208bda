/** Credentials the e2e fakes know. Obviously fake; the canary's secret must never leave the server. */
export const E2E_AWS = { accessKeyId: "AKIAE2ETESTKEY000001", secretAccessKey: "e2eTestSecret000000000000000000000000001" };
export const CANARY_MARKER = "CanaryZq7Xw";
export const CANARY_AWS = { accessKeyId: "AKIACANARYKEY0000001", secretAccessKey: `${CANARY_MARKER}Secret000000000000000000000000`.slice(0, 40) };
// One canary credential per token provider, each carrying the marker, each valid for its schema
// (lib/providers/<cdn>/credentials.ts): Cloudflare 30+ of [A-Za-z0-9_-] and not 37 hex; Fastly and KeyCDN 16–128.
export const CANARY_CLOUDFLARE_TOKEN = `cf${CANARY_MARKER}CloudflareToken000000000001`;
export const CANARY_FASTLY_TOKEN = `fy${CANARY_MARKER}FastlyToken00000001`;
export const CANARY_KEYCDN_KEY = `sk_canary_${CANARY_MARKER}_0000000001`;
export const DENIED_AWS = { accessKeyId: "AKIAAPPLYDENIED00001", secretAccessKey: E2E_AWS.secretAccessKey };
export const E2E_CLOUDFLARE_TOKEN = "e2eCloudflareToken00000000000000000000001";
export const E2E_CLOUDFLARE_NO_DNS_TOKEN = "e2eCloudflareTokenWithoutDnsEdit000000001";
export const E2E_FASTLY_TOKEN = "e2eFastlyToken000000000000000001";
export const E2E_KEYCDN_KEY = "sk_e2e_keycdn_0000000000000001";
/** The zones the e2e Cloudflare account holds; any other domain is "not in the account". */
export const E2E_CLOUDFLARE_ZONES = ["customer.com", "brand.co.uk"];
