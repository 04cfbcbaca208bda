import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A real `redis-server` (Debian's package, installed by scripts/ensure-system-packages.mjs) for tests: on
 * 127.0.0.1 only, no persistence, its working directory a temp dir removed on stop. Test-only.
 */

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "redis-server";

export function redisServerInstalled(): boolean {
  return spawnSync(REDIS_SERVER, ["--version"], { stdio: "ignore" }).status === 0;
}

export const REDIS_MISSING = "redis-server is not installed: `node scripts/ensure-system-packages.mjs` installs it (apt-get, as root)";

/**
 * On CI (CI set, as every CI service sets it) a missing redis-server fails the Redis tests instead of skipping
 * them: a skip there would hide a missing install. Locally they are skipped, saying why.
 */
export function redisServerRequired(ci = process.env.CI): boolean {
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

export const REDIS_MISSING_ON_CI = `${REDIS_MISSING}. CI is set, so the Redis tests fail instead of being skipped.`;

export interface TestRedisServer {
  port: number;
  /** redis://[:password@]127.0.0.1:port/0 */
  url: string;
  /** Ends the server (it can be started again on the same port with start()). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/** `args`: more redis-server options, e.g. ["--replicaof", "127.0.0.1", "6379"]. */
export async function startRedisServer(opts: { port?: number; password?: string; args?: string[] } = {}): Promise<TestRedisServer> {
  // Imported when needed: Playwright's loader can load an .mjs file only through import() (e2e/scale-out.spec.ts).
  const port = opts.port ?? (await (await import("../../../scripts/prod-server.mjs")).freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redis-test-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
  if (opts.password) args.push("--requirepass", opts.password);
  args.push(...(opts.args ?? []));
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);

  const start = async () => {
    const proc = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (data: Buffer) => {
        output += data;
        if (output.includes("Ready to accept connections")) resolve();
      };
      proc.stdout!.on("data", onData);
      proc.stderr!.on("data", onData);
      proc.once("error", reject);
      proc.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
    });
  };
  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    await exited;
  };

  await start();
  const auth = opts.password ? `:${encodeURIComponent(opts.password)}@` : "";
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}/0`,
    start,
    stop,
    close: async () => {
      await stop();
      process.removeListener("exit", killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
