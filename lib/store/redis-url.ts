import "server-only";

/** What a REDIS_URL may be shown as, and what of it must never be shown: shared by the store and its start check. */

/** `redis://host:port/db` without user or password. */
export function redactedRedisUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
}

/** The URL's password as written and decoded, to be cut out of any text before it is logged or thrown. */
export function redisUrlSecrets(url: string): string[] {
  const { password } = new URL(url);
  return [password, safeDecode(password)].filter((s) => s.length > 0);
}

/** The error's code or message (a Redis error reply's text), without any of `secrets` even if it echoed one. */
export function describeRedisError(error: unknown, secrets: readonly string[]): string {
  const code = (error as { code?: unknown } | null)?.code;
  let text = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
  for (const secret of secrets) text = text.split(secret).join("***");
  return text.slice(0, 200);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
