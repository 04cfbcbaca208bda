/**
 * The CDNs, in the order the wizard offers them: the one list of their ids. Imports nothing, so any layer can
 * use it; each id names a folder lib/providers/<id>/ and one line in registry.ts and server.ts.
 */
export const CDN_IDS = ["cloudfront", "cloudflare", "fastly", "keycdn"] as const;
export type CdnId = (typeof CDN_IDS)[number];
