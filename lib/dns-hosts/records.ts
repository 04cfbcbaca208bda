import * as z from "zod/mini";
import { checkHostname } from "@/lib/hostnames";
import type { LinkRecord } from "./types";

/**
 * Records as the browser hands them back (the page's result, for a rollback after a reload): never trusted, so
 * checked field by field, and compared exactly with what the DNS host holds before anything is written.
 */

/** A CNAME target: a DNS name (letters, digits, hyphens, underscores, dots; an optional trailing dot), ≤ 253 characters. */
const target = z.string().check(z.maxLength(254), z.regex(/^(?=.{1,253}\.?$)([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$/));

export const linkRecordSchema = z.strictObject({
  name: z.string().check(z.maxLength(253), z.regex(/^[a-z0-9_.-]+$/)),
  type: z.literal("CNAME"),
  ttl: z.number().check(z.int(), z.minimum(0), z.maximum(2_147_483_647)),
  value: target,
  id: z.optional(z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))),
  proxied: z.optional(z.boolean()),
  comment: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
  tags: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
  settings: z.optional(z.record(z.string().check(z.maxLength(40), z.regex(/^[a-z0-9_]+$/)), z.boolean())),
  modifiedOn: z.optional(z.string().check(z.maxLength(40), z.regex(/^[0-9TZ:.+-]+$/))),
}) satisfies z.ZodMiniType<LinkRecord>;

/** A link record's name must be the link host itself: a browser cannot aim a rollback at another name. */
export function isRecordOf(record: LinkRecord, host: string): boolean {
  const checked = checkHostname(host);
  return checked.ok && checked.host === host && record.name === host;
}

function canonical(r: LinkRecord): string {
  const sorted = (o: Record<string, boolean> | undefined) => (o ? Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))) : undefined);
  return JSON.stringify([r.name, r.type, r.ttl, r.value, r.id ?? null, r.proxied ?? null, r.comment ?? null, r.tags ?? [], sorted(r.settings) ?? {}, r.modifiedOn ?? null]);
}

/** Exactly the same record: every field the host keeps, the value as the host holds it. */
export function sameRecord(a: LinkRecord, b: LinkRecord): boolean {
  return canonical(a) === canonical(b);
}

/** The same record apart from when it was last changed (a write always moves that). */
export function sameContent(a: LinkRecord, b: LinkRecord): boolean {
  return sameRecord({ ...a, modifiedOn: undefined }, { ...b, modifiedOn: undefined });
}
