/**
 * The ids of every provider kind, listed once. This folder is the domain leaf: it imports nothing from
 * the rest of `lib/`, so plans, providers, the verifier and the UI can all depend on it without cycles.
 */

/** The CDNs, in the order the wizard offers them (each is a folder under lib/providers/). */
export const CDN_IDS = ["cloudfront", "cloudflare", "fastly", "keycdn"] as const;
export type CdnId = (typeof CDN_IDS)[number];

/**
 * Email providers (ESPs) the wizard builds a CDN plan for (each is a folder under lib/esps/). The first is
 * the default, so every link made before `esp=` existed stays a SendGrid plan (docs/contract.md#email-providers).
 */
export const ESP_IDS = ["sendgrid", "sparkpost", "ses"] as const;
export type EspId = (typeof ESP_IDS)[number];
export const DEFAULT_ESP: EspId = ESP_IDS[0];

/**
 * Email providers the wizard gives guidance for (managed HTTPS or a CDN, the origin where it is published,
 * what to ask the provider), but no CDN plan: too much of what a plan needs is not published (docs/esps.md).
 */
export const GUIDE_ESP_IDS = ["mailgun", "customerio", "iterable", "postmark"] as const;
export type GuideEspId = (typeof GUIDE_ESP_IDS)[number];
