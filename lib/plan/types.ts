/** The plan's types live in the domain leaf (lib/domain/plan.ts); this module keeps the old import path. */
export * from "@/lib/domain/plan";
export { CDN_IDS, type CdnId } from "@/lib/domain/ids";
