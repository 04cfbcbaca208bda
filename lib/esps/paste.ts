/**
 * Reading what people paste into the hostnames field, before any ESP looks at it: record rows (TYPE / HOST / VALUE
 * in any column order, with or without headers, tabs or runs of spaces, trailing dots) and JSON. Each ESP module's
 * recogniser (lib/esps/<esp>/recognise.ts) decides which rows are its own. Client-safe and dependency-free: no
 * public-suffix list here (the hostnames are checked on the server afterwards).
 */

export interface PasteRow {
  /** Upper case, CNAME when the row names no type. */
  type: string;
  host: string;
  value: string;
  /** 1-based line of the paste; 0 for JSON. */
  line: number;
}

export const RECORD_TYPES = new Set(["cname", "txt", "a", "aaaa", "mx"]);
const HEADER_WORDS = new Set(["type", "host", "hostname", "name", "value", "data", "points", "to", "status", "record", "valid", "verified", "target"]);

/** A DNS name as records show it: lower case, no trailing dot. */
export const stripDot = (s: string) => s.trim().toLowerCase().replace(/\.$/, "");

/** Every token of the paste, as DNS names are compared. */
export function tokensOf(text: string): string[] {
  return text
    .split(/[\s,;|"'{}[\]:]+/)
    .map(stripDot)
    .filter((t) => t !== "");
}

/** True when the paste is a chart or an API response rather than a list of hostnames. */
export function looksLikeRecords(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return true;
  return text.split(/[\s,;|]+/).some((t) => RECORD_TYPES.has(stripDot(t)));
}

/** The paste as JSON, when it is JSON; undefined otherwise. */
export function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Every object in a JSON value for which `take` returns something, depth first, in document order. An object that
 * yields something is not looked into further. Bounded depth, so a hostile paste cannot recurse deeply.
 */
export function collectObjects<T>(node: unknown, take: (o: Record<string, unknown>) => T | undefined, depth = 0): T[] {
  if (depth > 6 || node === null || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap((n) => collectObjects(n, take, depth + 1));
  const o = node as Record<string, unknown>;
  const taken = take(o);
  if (taken !== undefined) return [taken];
  return Object.values(o).flatMap((n) => collectObjects(n, take, depth + 1));
}

/**
 * Record rows of a pasted chart: per line, a type (CNAME when none), and two DNS names: the value is the one
 * `isValue` claims (the ESP's side), else the second; the host is the other. Charts show HOST before VALUE.
 */
export function rowsFromText(text: string, isValue: (name: string) => boolean): PasteRow[] {
  return text.split(/\r\n|\r|\n/).flatMap((lineText, i) => {
    const cells = lineText.split(/[\s,;|]+/).map(stripDot).filter((c) => c !== "");
    if (cells.length === 0 || cells.every((c) => HEADER_WORDS.has(c))) return [];
    const type = cells.find((c) => RECORD_TYPES.has(c)) ?? "cname";
    const names = cells.filter((c) => !RECORD_TYPES.has(c) && !HEADER_WORDS.has(c) && c.includes("."));
    if (names.length < 2) return [];
    const claimed = names.findIndex(isValue);
    const valueIndex = claimed >= 0 ? claimed : 1;
    const host = names.find((_, idx) => idx !== valueIndex)!;
    return [{ type: type.toUpperCase(), host, value: names[valueIndex]!, line: i + 1 }];
  });
}

/** The one value every item agrees on, "mixed" when they differ, undefined when none has one. */
export function agreed<T>(values: (T | undefined)[]): T | undefined | "mixed" {
  const present = [...new Set(values.filter((v): v is T => v !== undefined))];
  if (present.length > 1) return "mixed";
  return present[0];
}
