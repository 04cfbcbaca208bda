import "server-only";
import type Redis from "ioredis";

/**
 * The Lua scripts the Redis store runs, each one atomic step on the server whichever instance asks (a script
 * runs alone: no other command is served meanwhile). Clocks are the server's (TIME) so that instances' clocks
 * never disagree; tests pass their own as the last ARGV. Numbers are written with 17 digits so that what is read
 * back is the double that was written. Every key is the app's (KEY_PREFIX, added by the client).
 */

const SERVER_NOW = `
local function server_now(given)
  local now = tonumber(given)
  if now then return now end
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
end
`;

/** takeFromBucket (lib/store/token-bucket.ts) in Lua. KEYS[1] the bucket; ARGV capacity, refill per second, TTL ms, now. */
export const TAKE_TOKEN_LUA = `${SERVER_NOW}
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local now = server_now(ARGV[4])
local found = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if found[1] and found[2] then
  tokens = math.min(capacity, tonumber(found[1]) + math.max(0, now - tonumber(found[2])) / 1000 * refill)
end
local ok, answer
if tokens < 1 then
  ok, answer = 0, math.max(1, math.ceil((1 - tokens) / refill))
else
  tokens = tokens - 1
  ok, answer = 1, math.floor(tokens)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', now))
redis.call('PEXPIRE', KEYS[1], ttl)
return {ok, answer}
`;

/**
 * Compare-and-set of a versioned JSON value, a hash {v, json}: writes only if the key's version is still the
 * one the caller read ("" for no key). KEYS[1]; ARGV expected version, new version, JSON, TTL ms. Returns 1 or 0.
 * (One script rather than WATCH/MULTI: WATCH belongs to a connection, which every request of an instance shares,
 * so one request's EXEC would end another's watch: redis.io/commands/exec, ioredis issues #266 and #564.)
 */
export const SET_IF_VERSION_LUA = `
local current = redis.call('HGET', KEYS[1], 'v') or ''
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/**
 * A capped group of expiring members, a sorted set scored by each member's expiry (ms): drops the expired, then
 * adds or refreshes the member unless `max` others hold every place. KEYS[1]; ARGV member, max, TTL ms, now.
 * Returns 1 when the member holds a place, 0 when the group is full. The set itself expires with its last member.
 */
export const CLAIM_SLOT_LUA = `${SERVER_NOW}
local max = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local now = server_now(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= max then return 0 end
redis.call('ZADD', KEYS[1], string.format('%.17g', now + ttl), ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil(tonumber(last[2]) - now)))
return 1
`;

/** The live members of a group (CLAIM_SLOT_LUA), dropping the expired. KEYS[1]; ARGV now. */
export const LIVE_SLOTS_LUA = `${SERVER_NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', server_now(ARGV[1]))
return redis.call('ZRANGE', KEYS[1], 0, -1)
`;

/** ioredis `scripts` option: each becomes a command on the client (EVALSHA, EVAL on NOSCRIPT). */
export const SCRIPTS = {
  takeToken: { lua: TAKE_TOKEN_LUA, numberOfKeys: 1 },
  setIfVersion: { lua: SET_IF_VERSION_LUA, numberOfKeys: 1 },
  claimSlot: { lua: CLAIM_SLOT_LUA, numberOfKeys: 1 },
  liveSlots: { lua: LIVE_SLOTS_LUA, numberOfKeys: 1 },
};

type Arg = string | number;

/** A client made with `scripts: SCRIPTS`. */
export type ScriptedRedis = Redis & {
  takeToken(key: string, ...args: Arg[]): Promise<[number, number]>;
  setIfVersion(key: string, ...args: Arg[]): Promise<number>;
  claimSlot(key: string, ...args: Arg[]): Promise<number>;
  liveSlots(key: string, ...args: Arg[]): Promise<string[]>;
};
