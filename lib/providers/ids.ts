/** The CDN ids live in the domain leaf (lib/domain/ids.ts), with every other provider kind's; each id names a folder lib/providers/<id>/ and one line in registry.ts and server.ts. */
export { CDN_IDS, type CdnId } from "@/lib/domain/ids";
