import "server-only";
import { env } from "@/lib/env";
import { startFake, type FakeApi, type RunningFake } from "./http-fake";

/**
 * In-app sandbox: each provider's fake starts once per server process, on loopback, on first use.
 * Kept on globalThis so dev-mode reloads do not start a second copy.
 */
const running = ((globalThis as { __sandboxFakes?: Map<string, Promise<RunningFake>> }).__sandboxFakes ??= new Map());

let warned = false;

/** SANDBOX_CONTROLS=1 (test-only): the fakes serve their /__sandbox/ controls. Warns once when it is on. */
function controlsFromEnv(): boolean {
  const on = env().SANDBOX_CONTROLS === "1";
  if (on && !warned) {
    warned = true;
    console.warn("[sandbox] test-only setting SANDBOX_CONTROLS=1 is set: the sandbox fakes accept fault, latency and reset requests; never set it in production.");
  }
  return on;
}

export function ensureFake(name: string, createApi: () => FakeApi): Promise<RunningFake> {
  let fake = running.get(name);
  if (!fake) {
    fake = startFake(createApi(), { controls: controlsFromEnv() });
    running.set(name, fake);
    // A fake that failed to start is forgotten, so the next request tries again.
    fake.catch(() => running.delete(name));
  }
  return fake;
}
