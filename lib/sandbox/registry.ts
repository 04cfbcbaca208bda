import "server-only";
import { startFake, type FakeApi, type RunningFake } from "./http-fake";

/**
 * In-app sandbox: each provider's fake starts once per server process, on loopback, on first use.
 * Kept on globalThis so dev-mode reloads do not start a second copy.
 */
const running = ((globalThis as { __sandboxFakes?: Map<string, Promise<RunningFake>> }).__sandboxFakes ??= new Map());

export function ensureFake(name: string, createApi: () => FakeApi): Promise<RunningFake> {
  let fake = running.get(name);
  if (!fake) {
    fake = startFake(createApi());
    running.set(name, fake);
    // A fake that failed to start is forgotten, so the next request tries again.
    fake.catch(() => running.delete(name));
  }
  return fake;
}
