import net from "node:net";
import { describe, expect, it, vi } from "vitest";
import { checkAtStart, SANDBOX_SECRET_MISSING } from "./startup";

const newLog = () => ({ error: vi.fn<(m: string) => void>(), warn: vi.fn<(m: string) => void>() });
const TRUST_PROXY_WARNING =
  "[rate-limit] TRUST_PROXY is 0 (unset): no X-Forwarded-For entry is believed, so all clients share one rate limit. " +
  "Behind proxies that append the client's address, set TRUST_PROXY to how many there are (README, Configuration).";

const SANDBOX_SECRET = "a-sandbox-secret-of-32-characters";

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("checkAtStart", () => {
  it("a bad setting throws its message, never its value", async () => {
    await expect(checkAtStart({ REDIS_URL: "http://:hunter2@cache:6379" }, newLog())).rejects.toThrow(
      "Invalid environment settings: REDIS_URL: must be a redis:// or rediss:// URL (redis://[:password@]host[:port][/db] or rediss:// for TLS)",
    );
  });

  it("without TRUST_PROXY warns that every client shares one limit; with it, says nothing", async () => {
    const unset = newLog();
    await checkAtStart({}, unset);
    expect(unset.warn.mock.calls).toEqual([[TRUST_PROXY_WARNING]]);
    const set = newLog();
    await checkAtStart({ TRUST_PROXY: "1" }, set);
    expect([set.warn.mock.calls, set.error.mock.calls]).toEqual([[], []]);
  });

  it("a Redis that does not answer at start is a warning (it may come up later), without the password", async () => {
    const port = await closedPort();
    const log = newLog();
    await checkAtStart({ REDIS_URL: `redis://:hunter2@127.0.0.1:${port}/1`, TRUST_PROXY: "1", SANDBOX_SECRET }, log);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn.mock.calls).toEqual([
      [`[store] Redis at redis://127.0.0.1:${port}/1 did not answer the start check (ECONNREFUSED): rate limits count on each instance alone until it answers; the app keeps trying.`],
    ]);
  });

  it("with REDIS_URL but no SANDBOX_SECRET warns that sandbox accounts stay on their instance; with both, says nothing of it", async () => {
    const port = await closedPort();
    const unset = newLog();
    await checkAtStart({ REDIS_URL: `redis://127.0.0.1:${port}/0`, TRUST_PROXY: "1" }, unset);
    expect(unset.warn.mock.calls[0]).toEqual([SANDBOX_SECRET_MISSING]);
    expect(SANDBOX_SECRET_MISSING).toBe(
      "[sandbox] REDIS_URL is set but SANDBOX_SECRET is not: each instance draws its own key for the sandbox's credentials, so a visitor's sandbox account " +
        "continues only on the instance that opened it. Set SANDBOX_SECRET to the same random value on every instance (at least 32 characters, e.g. " +
        "`openssl rand -base64 32`; README, Configuration).",
    );
    const set = newLog();
    await checkAtStart({ REDIS_URL: `redis://127.0.0.1:${port}/0`, TRUST_PROXY: "1", SANDBOX_SECRET }, set);
    expect(set.warn.mock.calls.map(([m]) => m.startsWith("[sandbox]"))).toEqual([false]);
    // Without REDIS_URL there is one instance's memory to keep accounts in: nothing to share, nothing said.
    const alone = newLog();
    await checkAtStart({ TRUST_PROXY: "1" }, alone);
    expect(alone.warn.mock.calls).toEqual([]);
  });
});
