import * as z from "zod";
import { isRecordOf, linkRecordSchema } from "@/lib/dns-hosts/records";
import { DNS_HOST_IDS } from "@/lib/dns-hosts/registry";
import type { DnsZoneRef, LinkRecord } from "@/lib/dns-hosts/types";
import { checkHostnames, MAX_HOSTS } from "@/lib/hostnames";
import { CDN_IDS } from "@/lib/domain/plan";
import { ESP_IDS } from "@/lib/domain/ids";
import { checkEspChoice, MAX_ESP_VALUE_LENGTH } from "@/lib/esps/choice";
import { checkLink } from "@/lib/tracked-link";
import { checkTarget } from "@/lib/verify/input";
import { accountSchema } from "./action-input";

/**
 * The inputs of the DNS host actions (dns-actions.ts), every field checked here: they are public endpoints, and a
 * record handed back by the browser (the page's result) is never trusted, only compared with what the host holds.
 */

const zoneRef = z.strictObject({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9]+$/), name: z.string().min(1).max(253).regex(/^[a-z0-9.-]+$/) }) satisfies z.ZodType<DnsZoneRef>;

const common = {
  dnsHost: z.enum(DNS_HOST_IDS),
  account: accountSchema,
  host: z.string().min(1).max(253),
};

export const detectInput = z.strictObject({ hosts: z.array(z.string().max(253)).min(1).max(MAX_HOSTS) });
export const readInput = z.strictObject({ ...common, cdn: z.enum(CDN_IDS), target: z.string().min(1).max(253) });
export const switchInput = z.strictObject({
  ...common,
  cdn: z.enum(CDN_IDS),
  esp: z.enum(ESP_IDS).optional(),
  region: z.string().max(MAX_ESP_VALUE_LENGTH),
  tenant: z.string().max(MAX_ESP_VALUE_LENGTH).optional(),
  target: z.string().min(1).max(253),
  link: z.string().max(2048).nullable().optional(),
  zone: zoneRef,
  expected: z.unknown(),
}).superRefine((value, ctx) => {
  for (const e of checkEspChoice(value).errors) ctx.addIssue({ code: "custom", path: [e.field], message: e.message });
});
export const rollbackInput = z.strictObject({ ...common, zone: zoneRef, written: z.unknown(), previous: z.unknown() });
export const lowerTtlInput = z.strictObject({ ...common, zone: zoneRef, expected: z.unknown() });
export const statusInput = z.strictObject({ ...common, zone: zoneRef, written: z.unknown(), changeId: z.string().max(64).regex(/^[A-Za-z0-9]+$/).optional() });
export const validationInput = z.strictObject({
  dnsHost: z.enum(DNS_HOST_IDS),
  account: accountSchema,
  hosts: z.array(z.string().max(253)).min(1).max(MAX_HOSTS),
  records: z
    .array(z.strictObject({ name: z.string().min(1).max(253), value: z.string().min(1).max(253) }))
    .min(1)
    .max(MAX_HOSTS),
});

/** One valid, normalised hostname, exactly as given (a browser cannot smuggle another form of it). */
export function oneHost(raw: string): string | null {
  const { hosts, errors } = checkHostnames([{ token: raw, line: 1 }]);
  return errors.length === 0 && hosts.length === 1 && hosts[0] === raw ? raw : null;
}

/** A record from the browser that is a well-formed link record of `host`, or null. */
export function recordOf(raw: unknown, host: string): LinkRecord | null {
  const parsed = linkRecordSchema.safeParse(raw);
  return parsed.success && isRecordOf(parsed.data, host) ? parsed.data : null;
}

export function targetOf(raw: string): string | null {
  const t = checkTarget(raw);
  return t.ok ? t.host : null;
}

export function linkOf(raw: string | null | undefined, host: string): { ok: true; link: string | null } | { ok: false } {
  if (raw === null || raw === undefined || raw.trim() === "") return { ok: true, link: null };
  const checked = checkLink(raw, [host]);
  return checked.ok ? { ok: true, link: checked.path } : { ok: false };
}

/**
 * A certificate-validation CNAME the wizard may create: one underscore label under one of the link hosts (a
 * certificate authority's `_<hash>.<host>` or `_acme-challenge.<host>`) and a DNS name as value. Anything else is refused.
 */
export function validationRecordOf(r: { name: string; value: string }, hosts: readonly string[]): { name: string; value: string } | null {
  const name = r.name.trim().toLowerCase().replace(/\.$/, "");
  const host = hosts.find((h) => name.endsWith(`.${h}`));
  if (!host) return null;
  const labels = name.slice(0, -(host.length + 1)).split(".");
  if (labels.length !== 1 || !/^_[a-z0-9-]{1,62}$/.test(labels[0]!)) return null;
  const value = r.value.trim();
  if (!/^([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)+[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$/.test(value) || value.length > 253) return null;
  return { name, value };
}
