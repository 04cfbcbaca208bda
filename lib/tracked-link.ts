/**
 * The tracked link of a verification, checked the same way in the browser (the Test step's field), in the
 * wizard's URL (lib/plan/query.ts) and by /api/verify (input.ts). Client-safe: no dependencies.
 */

export const MAX_LINK_LENGTH = 2048;

/** A value quoted for an error message: shortened, and markup characters escaped so nothing is reflected raw. */
export const quoted = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A tracked link's path and query, from a path or from a URL on one of `hosts`. */
export function checkLink(raw: string, hosts: string[]): { ok: true; path: string } | { ok: false; message: string } {
  const input = raw.trim();
  if (input.length > MAX_LINK_LENGTH) return { ok: false, message: `has more than ${MAX_LINK_LENGTH} characters.` };
  if (/[\x00-\x1f\x7f]/.test(input)) return { ok: false, message: "contains a control character." };
  const invalid = "is not a tracked link: give its path and query (starting with /) or the whole URL on one of the hosts.";
  if (input.startsWith("/") && !input.startsWith("//")) {
    const placeholder = "verify.invalid";
    let url: URL;
    try {
      url = new URL(input, `http://${placeholder}`);
    } catch {
      return { ok: false, message: invalid };
    }
    if (url.host !== placeholder) return { ok: false, message: invalid };
    return { ok: true, path: `${url.pathname}${url.search}` };
  }
  if (!/^https?:\/\//i.test(input)) return { ok: false, message: invalid };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: invalid };
  }
  if (url.username || url.password) return { ok: false, message: "must not contain a user name or password." };
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!hosts.includes(host)) return { ok: false, message: `is on ${quoted(host)}, which is not one of the hosts being verified.` };
  if (url.port !== "") return { ok: false, message: "must not name a port." };
  return { ok: true, path: `${url.pathname}${url.search}` };
}

/** A CDN address as the wizard's URL carries it (`target=`): a hostname, lower case, no trailing dot; null if it is not one. */
export function targetName(raw: string): string | null {
  const value = raw.trim().toLowerCase().replace(/\.$/, "");
  return value.length <= 253 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value) ? value : null;
}
