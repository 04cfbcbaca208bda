import net from "node:net";
import Redis from "ioredis";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { checkAtStart } from "@/lib/startup";
import { KEY_PREFIX } from "./redis";
import { checkRedis, whatIsWrong } from "./redis-check";
import { describeWithRedisServer } from "./testing/describe-redis";
import { startRedisServer, type TestRedisServer } from "./testing/redis-server";

/** Against real redis-servers on 127.0.0.1 that this file starts and stops: a primary, a replica and two cluster nodes. */
const PASSWORD = "ch3ck-p@ss/word";
const ACL_PASSWORD = "acl-p@ss";

const where = (port: number) => `redis://127.0.0.1:${port}/0`;
const answered = (port: number, hint: string) => `Redis at ${where(port)} answered the start check with an error: ${hint} (Redis replied: `;

describeWithRedisServer("checkRedis against redis-server", () => {
  let primary: TestRedisServer;
  let raw: Redis;
  const servers: TestRedisServer[] = [];
  const messages: string[] = [];
  const check = async (url: string, timeoutMs?: number) => {
    const result = await checkRedis(url, timeoutMs);
    if (!result.ok) messages.push(result.message);
    return result;
  };

  beforeAll(async () => {
    primary = await startRedisServer({ password: PASSWORD });
    servers.push(primary);
    raw = new Redis(primary.url, { lazyConnect: true });
  });
  afterAll(async () => {
    raw?.disconnect();
    await Promise.all(servers.map((s) => s.close()));
    // Nothing the check says ever carries a password.
    for (const m of messages) for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), ACL_PASSWORD, encodeURIComponent(ACL_PASSWORD)]) expect(m).not.toContain(secret);
  });

  it("a working Redis passes; the throwaway bucket is under the app's prefix and expires within a second", async () => {
    expect(await check(primary.url)).toEqual({ ok: true });
    const keys = await raw.keys(`${KEY_PREFIX}start-check:*`);
    expect(keys).toHaveLength(1);
    const ttl = await raw.pttl(keys[0]!);
    expect(ttl > 0 && ttl <= 1_000).toBe(true);
  });

  it("a wrong password is a configuration error", async () => {
    const result = await check(primary.url.replace(encodeURIComponent(PASSWORD), "not-the-password"));
    expect(result).toEqual({ ok: false, kind: "configuration", message: `${answered(primary.port, "the user name or password in REDIS_URL is wrong or missing")}WRONGPASS invalid username-password pair or user is disabled.)` });
  });

  it("an ACL user without @scripting is a configuration error naming what it needs", async () => {
    await raw.call("ACL", "SETUSER", "limits", "on", `>${ACL_PASSWORD}`, "~*", "+@all", "-@scripting");
    const result = await check(`redis://limits:${encodeURIComponent(ACL_PASSWORD)}@127.0.0.1:${primary.port}/0`);
    expect(result).toEqual({
      ok: false,
      kind: "configuration",
      message: `${answered(primary.port, "its ACL user may not run what the app needs: EVALSHA and EVAL (@scripting), and TIME, GET, SET, DEL, HGET, HMGET, HSET, PEXPIRE, ZADD, ZCARD, ZRANGE, ZREM, ZREMRANGEBYSCORE and ZSCORE on keys ssl-click-tracking-wizard:*")}NOPERM this user has no permissions to run the 'eval' command)`,
    });
  });

  it("a read-only replica is a configuration error; the start check logs it as one", async () => {
    const replica = await startRedisServer({ args: ["--replicaof", "127.0.0.1", String(primary.port), "--masterauth", PASSWORD] });
    servers.push(replica);
    const hint = "it is a read-only replica; point REDIS_URL at the primary";
    const result = await check(replica.url);
    expect(result).toEqual({ ok: false, kind: "configuration", message: expect.stringMatching(new RegExp(`^${escape(answered(replica.port, hint))}READONLY You can't write against a read only replica\\.[^)]*\\)$`)) });

    const log = { error: vi.fn<(m: string) => void>(), warn: vi.fn<(m: string) => void>() };
    await checkAtStart({ REDIS_URL: replica.url, TRUST_PROXY: "1", SANDBOX_SECRET: "s".repeat(32) }, log);
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error.mock.calls).toEqual([[`[store] configuration error: ${(result as { message: string }).message}. Rate limits count on each instance alone until this is fixed.`]]);
  });

  it("a Redis Cluster node that does not hold the key's slot (MOVED) is a configuration error", async () => {
    // Two nodes: `empty` serves no slot, `full` all of them, so `empty` answers every key with MOVED.
    const [empty, full] = [await startRedisServer({ args: ["--cluster-enabled", "yes"] }), await startRedisServer({ args: ["--cluster-enabled", "yes"] })];
    servers.push(empty, full);
    const [emptyClient, fullClient] = [new Redis(empty.url, { lazyConnect: true }), new Redis(full.url, { lazyConnect: true })];
    try {
      await fullClient.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
      await emptyClient.call("CLUSTER", "MEET", "127.0.0.1", String(full.port));
      // Gossip is asynchronous, and a node calls its cluster up no sooner than 2 s after it started: wait until
      // `empty` says the cluster is up (until then it answers CLUSTERDOWN, not MOVED).
      await vi.waitFor(async () => expect(String(await emptyClient.call("CLUSTER", "INFO"))).toContain("cluster_state:ok"), { timeout: 10_000, interval: 50 });
      const hint = "it is a Redis Cluster node; point REDIS_URL at a standalone Redis or Valkey primary (cluster mode is not supported)";
      const result = await check(empty.url);
      expect(result).toEqual({ ok: false, kind: "configuration", message: expect.stringMatching(new RegExp(`^${escape(answered(empty.port, hint))}MOVED \\d+ 127\\.0\\.0\\.1:${full.port}\\)$`)) });
    } finally {
      emptyClient.disconnect();
      fullClient.disconnect();
    }
  });

  it("a Redis that is not running is a warning, not a configuration error", async () => {
    const gone = await startRedisServer({ password: PASSWORD });
    servers.push(gone);
    await gone.stop();
    expect(await check(gone.url)).toEqual({ ok: false, kind: "unreachable", message: `Redis at ${where(gone.port)} did not answer the start check (ECONNREFUSED)` });
  });

  it("one that accepts the connection but never answers is given up on after the deadline", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      expect(await check(`redis://:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/0`, 300)).toEqual({
        ok: false,
        kind: "unreachable",
        message: `Redis at ${where(port)} did not answer the start check (no answer within 300 ms)`,
      });
    } finally {
      silent.close();
      // ioredis's socket is already closed by the check; close() waits for nothing else.
    }
  });
});

it("whatIsWrong: each error reply's meaning", () => {
  const cluster = "it is a Redis Cluster node; point REDIS_URL at a standalone Redis or Valkey primary (cluster mode is not supported)";
  expect(["MOVED 3999 10.0.0.2:6379", "ASK 3999 10.0.0.2:6379", "CLUSTERDOWN Hash slot not served", "ERR SELECT is not allowed in cluster mode"].map(whatIsWrong)).toEqual(Array(4).fill(cluster));
  expect(whatIsWrong("NOAUTH Authentication required.")).toBe("the user name or password in REDIS_URL is wrong or missing");
  expect(whatIsWrong("OOM command not allowed when used memory > 'maxmemory'.")).toBe("it is out of memory (maxmemory) and refuses writes");
  expect(whatIsWrong("ERR unknown command 'EVALSHA'")).toBe("it refuses the commands the app needs");
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
