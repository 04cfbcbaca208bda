import { checkHostnames, tokenise, type HostnameList, type HostRule } from "@/lib/hostnames";
import { SENDGRID_AUTO_SSL_TARGET, SENDGRID_ORIGIN } from "@/lib/sendgrid";
import type { Region } from "@/lib/plan/types";

/**
 * What people paste into the hostnames field: either plain hostnames, or the link-branding record
 * chart as the email provider shows it (TYPE / HOST / VALUE rows in any column order, with or without
 * headers, tabs or runs of spaces, trailing dots), or the API's `{type, host, data}` JSON.
 * Both records per branded subdomain, and Auto SSL charts: docs/sendgrid.md#link-branding-records.
 */

export type RecordRole =
  | "link" // the click-tracking host: moves to the CDN
  | "owner" // <digits>.<domain>: stays a DNS-only CNAME to SendGrid
  | "auto-ssl" // Auto SSL validation records (_acme-challenge, _cf-custom-hostname)
  | "other"; // belongs to neither (domain authentication, DKIM, …): ignored

export interface ChartRecord {
  type: string;
  host: string;
  value: string;
  role: RecordRole;
}

export interface ParsedHostnames extends HostnameList {
  /** Present when the text was a record chart. */
  chart?: {
    records: ChartRecord[];
    /** Region implied by the records' values, when any link record says. */
    region?: Region;
    /** True when a link host points at SendGrid's Auto SSL target or its validation records are present. */
    autoSsl: boolean;
  };
}

const RECORD_TYPES = new Set(["cname", "txt", "a", "aaaa", "mx"]);
const HEADER_WORDS = new Set(["type", "host", "hostname", "name", "value", "data", "points", "to", "status", "record", "valid", "verified"]);
const AUTO_SSL_PREFIXES = ["_acme-challenge.", "_cf-custom-hostname."];
const SENDGRID_ORIGINS = new Set(Object.values(SENDGRID_ORIGIN));

const stripDot = (s: string) => s.trim().toLowerCase().replace(/\.$/, "");

function classify(host: string, value: string): RecordRole {
  if (AUTO_SSL_PREFIXES.some((p) => host.startsWith(p))) return "auto-ssl";
  if (value === SENDGRID_AUTO_SSL_TARGET) return "link";
  if (!SENDGRID_ORIGINS.has(value)) return "other";
  return /^\d+\./.test(host) ? "owner" : "link";
}

function looksLikeChart(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return true;
  return tokenise(text).some(({ token }) => {
    const t = stripDot(token);
    return RECORD_TYPES.has(t) || SENDGRID_ORIGINS.has(t) || t === SENDGRID_AUTO_SSL_TARGET || t.endsWith(".sendgrid.net");
  });
}

function rowsFromJson(text: string): { type: string; host: string; value: string }[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const rows: { type: string; host: string; value: string }[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const o = node as Record<string, unknown>;
    if (typeof o.host === "string" && typeof o.data === "string") {
      rows.push({ type: String(o.type ?? "cname"), host: o.host, value: o.data });
      return;
    }
    Object.values(o).forEach((n) => visit(n, depth + 1));
  };
  visit(data, 0);
  return rows;
}

function rowsFromText(text: string): { type: string; host: string; value: string; line: number }[] {
  return text.split(/\r\n|\r|\n/).flatMap((lineText, i) => {
    const cells = lineText.split(/[\s,;|]+/).map(stripDot).filter((c) => c !== "");
    if (cells.length === 0 || cells.every((c) => HEADER_WORDS.has(c))) return [];
    const type = cells.find((c) => RECORD_TYPES.has(c)) ?? "cname";
    const names = cells.filter((c) => !RECORD_TYPES.has(c) && !HEADER_WORDS.has(c) && c.includes("."));
    if (names.length < 2) return [];
    // The value is the SendGrid-side name; the host is the other one. Charts show HOST before VALUE.
    const valueIndex = names.findIndex((n) => n.endsWith("sendgrid.net"));
    const value = valueIndex >= 0 ? names[valueIndex]! : names[1]!;
    const host = names.find((_, idx) => idx !== (valueIndex >= 0 ? valueIndex : 1))!;
    return [{ type: type.toUpperCase(), host, value, line: i + 1 }];
  });
}

/** Parse the hostnames field: plain hostnames or a pasted link-branding chart; `rule` is the chosen CDN's own. */
export function parseHostnamesInput(text: string, rule?: HostRule): ParsedHostnames {
  if (!looksLikeChart(text)) return checkHostnames(tokenise(text), rule);

  const jsonRows = rowsFromJson(text.trim());
  const rows = jsonRows
    ? jsonRows.map((r, i) => ({ ...r, host: stripDot(r.host), value: stripDot(r.value), type: r.type.toUpperCase(), line: i + 1 }))
    : rowsFromText(text);
  const records: ChartRecord[] = rows.map(({ type, host, value }) => ({ type, host, value, role: classify(host, value) }));
  const linkRows = rows.filter((r, i) => records[i]!.role === "link");
  const { hosts, errors } = checkHostnames(
    linkRows.map((r) => ({ token: r.host, line: r.line })),
    rule,
  );

  if (rows.length === 0) {
    errors.push({
      line: 0,
      input: "",
      message: "This looks like a record chart, but no record (type, host, value) could be read from it. Paste the rows as your email provider shows them, or just the link hostnames.",
    });
  } else if (linkRows.length === 0) {
    errors.push({
      line: 0,
      input: "",
      message:
        "The pasted chart has no link-branding host: a CNAME whose value is sendgrid.net and whose name does not start with digits (the numeric one is the owner record, which stays where it is).",
    });
  }
  const linkValues = records.filter((r) => r.role === "link").map((r) => r.value);
  const region: Region | undefined = linkValues.includes(SENDGRID_ORIGIN.eu)
    ? "eu"
    : linkValues.includes(SENDGRID_ORIGIN.global)
      ? "global"
      : undefined;
  const autoSsl = records.some((r) => r.role === "auto-ssl" || (r.role === "link" && r.value === SENDGRID_AUTO_SSL_TARGET));
  return { hosts, errors, chart: { records, region, autoSsl } };
}
