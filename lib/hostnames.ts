import { parse as parseDomain } from "tldts";

/**
 * Link-branding hostnames: normalise what people paste and say exactly what is wrong with what
 * cannot be used. Rules: docs/verification.md#hostnames (labels 1–63, name ≤ 253, letters/digits/hyphens, no `_`
 * since CA/B Forum ballot SC12) and the foundation issue (≥ 3 labels under a registrable domain).
 */

export const MAX_HOSTS = 100;
const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type HostnameCheck =
  | { ok: true; host: string; domain: string; subdomain: string }
  | { ok: false; message: string };

/** Lower case, no surrounding space, no trailing dot, IDN to punycode. Never throws. */
export function normaliseHostname(raw: string): string {
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, "");
  if (/^[\x00-\x7f]*$/.test(trimmed)) return trimmed;
  try {
    // The WHATWG URL parser applies IDNA (UTS #46) in Node and in browsers alike.
    return new URL(`http://${trimmed}`).hostname;
  } catch {
    return trimmed;
  }
}

/**
 * Describe control characters, bidirectional overrides and invisible characters by code point, so an error
 * message never carries them raw (a right-to-left override would reorder the message as it is shown).
 * Markup is kept as typed: every output escapes it (React, safeJson).
 */
function printable(raw: string): string {
  const shown = raw.length > 80 ? `${raw.slice(0, 77)}…` : raw;
  return shown.replace(/[^\x20-\x7e\u00a0-\uffff]|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

export function checkHostname(raw: string): HostnameCheck {
  const input = raw.trim();
  if (input === "") return { ok: false, message: "Enter a hostname." };
  if (/[\x00-\x1f\x7f]/.test(input)) return { ok: false, message: "contains a control character; type the hostname again." };
  if (/^\[[0-9a-f:.]*\](:\d+)?$/i.test(input) || /^[0-9a-f:.]+$/i.test(input) && input.includes(":")) {
    return { ok: false, message: "an IP address or port is not a hostname." };
  }
  if (/[<>"'`\\{}|^$!;,()\[\]]/.test(input) || /\s/.test(input)) {
    return { ok: false, message: "contains characters a hostname cannot have (only letters, digits, hyphens and dots)." };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) || /[/?#]/.test(input)) {
    const inner = safeUrlHost(input);
    return {
      ok: false,
      message: inner
        ? `enter the hostname only, without a scheme or path: ${inner}`
        : "enter the hostname only, without a scheme or path.",
    };
  }
  if (input.includes("*")) {
    return { ok: false, message: "a wildcard is not a hostname; enter each link-branding hostname exactly (e.g. ablink.news.example.com)." };
  }
  if (/^[0-9.]+$/.test(input)) return { ok: false, message: "an IP address is not a hostname." };
  if (input.includes(":")) return { ok: false, message: "an IP address or port is not a hostname." };
  if (/[&%@=+]/.test(input)) {
    return { ok: false, message: "contains characters a hostname cannot have (only letters, digits, hyphens and dots)." };
  }
  if (input.includes("_")) {
    return { ok: false, message: "underscores are not allowed in a link host: public certificates cannot name it." };
  }

  const host = normaliseHostname(input);
  if (host.length > MAX_NAME_LENGTH) return { ok: false, message: `is ${host.length} characters long; a hostname has at most ${MAX_NAME_LENGTH}.` };
  const labels = host.split(".");
  if (labels.some((l) => l === "")) return { ok: false, message: "has an empty label (two dots in a row, or a leading dot)." };
  const long = labels.find((l) => l.length > MAX_LABEL_LENGTH);
  if (long) return { ok: false, message: `has a label of ${long.length} characters; each part between dots has at most ${MAX_LABEL_LENGTH}.` };
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad) return { ok: false, message: `has an invalid part "${printable(bad)}": use letters, digits and inner hyphens only.` };

  const parsed = parseDomain(host, { allowPrivateDomains: false });
  if (parsed.isIp) return { ok: false, message: "an IP address is not a hostname." };
  if (!parsed.domain || !parsed.isIcann) {
    return { ok: false, message: "is not under a public domain (check the spelling of the last part, e.g. .com)." };
  }
  if (!parsed.subdomain || labels.length < 3) {
    return {
      ok: false,
      message: `is a registrable domain, not a link-branding hostname; it looks like ablink.${parsed.domain} or ablink.news.${parsed.domain}.`,
    };
  }
  return { ok: true, host, domain: parsed.domain, subdomain: parsed.subdomain };
}

function safeUrlHost(input: string): string | null {
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
    const host = new URL(withScheme).hostname;
    return /^[a-z0-9.-]+$/.test(host) && host.includes(".") ? host : null;
  } catch {
    return null;
  }
}

export interface HostnameError {
  /** 1-based line in the text the person typed. */
  line: number;
  input: string;
  message: string;
}

export interface HostnameList {
  hosts: string[];
  errors: HostnameError[];
}

/** Tokens separated by newlines, commas, semicolons or white space, with their line numbers. */
export function tokenise(text: string): { token: string; line: number }[] {
  return text.split(/\r\n|\r|\n/).flatMap((lineText, i) =>
    lineText
      .split(/[\s,;]+/)
      .filter((t) => t !== "")
      .map((token) => ({ token, line: i + 1 })),
  );
}

/** A further check of a valid, normalised host (a CDN's own limit): what is wrong, or undefined. */
export type HostRule = (host: string) => string | undefined;

/** Validate and de-duplicate a list of raw hostnames, keeping first-seen order. */
export function checkHostnames(raw: { token: string; line: number }[], rule?: HostRule): HostnameList {
  const hosts: string[] = [];
  const errors: HostnameError[] = [];
  for (const { token, line } of raw) {
    const result = checkHostname(token);
    const problem = result.ok ? rule?.(result.host) : result.message;
    if (problem !== undefined) {
      errors.push({ line, input: printable(token), message: problem });
    } else if (result.ok && !hosts.includes(result.host)) {
      hosts.push(result.host);
    }
  }
  if (hosts.length > MAX_HOSTS) {
    errors.push({ line: 0, input: "", message: `${hosts.length} hostnames given; enter at most ${MAX_HOSTS} at a time.` });
  }
  return { hosts, errors };
}

/** One message per error, naming the line, for a field-level error. */
export function describeErrors(errors: HostnameError[]): string {
  return errors
    .map((e) => (e.line > 0 ? `Line ${e.line}: "${e.input}" ${e.message}` : e.message))
    .join("\n");
}

/** Split a validated hostname into its registrable domain (the usual DNS zone) and the part before it. */
export function splitZone(host: string, zone?: string): { zone: string; relativeName: string } {
  const z = zone ?? parseDomain(host, { allowPrivateDomains: false }).domain ?? host;
  const relativeName = host === z ? "@" : host.endsWith(`.${z}`) ? host.slice(0, -(z.length + 1)) : host;
  return { zone: z, relativeName };
}

/**
 * Whether a certificate name (a SAN) covers a hostname: the same name, or a wildcard standing for exactly
 * one label, so `*.customer.com` covers `ablink.customer.com` but not `ablink.x.customer.com`
 * (RFC 6125 §6.4.3; docs/sendgrid.md#invariant-1-a-certificate-for-the-exact-host). Both sides are compared in lower case.
 */
export function certificateNameCovers(name: string, host: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, "");
  const h = host.toLowerCase().replace(/\.$/, "");
  return n === h || (n.startsWith("*.") && h.includes(".") && h.slice(h.indexOf(".") + 1) === n.slice(2));
}

/** The name a link host hangs under, e.g. "subdomain.customer.com" for "ablink.subdomain.customer.com". */
export function parentOf(host: string): string {
  return host.slice(host.indexOf(".") + 1);
}

/** SendGrid's owner record for a link host: `<user_id>.<parent>` (docs/sendgrid.md#link-branding-records). */
export const OWNER_RECORD = /^\d+\./;

export function ownerRecordName(host: string, userId = "<user_id>"): string {
  return `${userId}.${parentOf(host)}`;
}

/** The owner record among pasted chart names that belongs to a link host (same parent domain), if any. */
export function ownerRecordFor(host: string, ownerRecords: readonly string[] | undefined): string | undefined {
  const parent = parentOf(host);
  return (ownerRecords ?? []).map(normaliseHostname).find((name) => OWNER_RECORD.test(name) && parentOf(name) === parent);
}

/** The registrable domain of a name (public-suffix list), or null for a name under no public suffix. */
export function registrableDomain(host: string): string | null {
  return parseDomain(normaliseHostname(host), { allowPrivateDomains: false }).domain ?? null;
}

/**
 * Zones that could hold `host`, longest first: its parent down to the registrable domain. The host
 * itself is not a candidate (a link host is a record in a zone) and nothing above the registrable
 * domain is ever asked for (`com`, `co.uk`).
 */
export function zoneCandidates(rawHost: string): string[] {
  const host = normaliseHostname(rawHost);
  const registrable = registrableDomain(host);
  if (!registrable) return [];
  const labels = host.split(".");
  const out: string[] = [];
  for (let i = 1; i < labels.length; i++) {
    const candidate = labels.slice(i).join(".");
    out.push(candidate);
    if (candidate === registrable) break;
  }
  return out;
}
