/**
 * Next.js calls register() once per server process, before that process answers its first request (`next start`
 * starts it as soon as the server is created; requests wait for it). Settings that are wrong (lib/env.ts, e.g. a
 * REDIS_URL that is not a redis:// URL) throw here with their message; Next.js then logs it and answers every
 * request with 500 until the server is restarted with the setting fixed. A Redis that answers with an error is
 * logged as a configuration error; one that does not answer, as a warning (lib/startup.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkAtStart } = await import("@/lib/startup");
  await checkAtStart();
}
