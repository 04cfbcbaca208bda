/**
 * Next.js runs this once when the server starts: settings that are wrong (lib/env.ts, e.g. a REDIS_URL that
 * is not a redis:// URL) stop the start with their message instead of failing requests later.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
}
