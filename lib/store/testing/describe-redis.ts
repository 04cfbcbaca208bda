import { describe, it } from "vitest";
import { REDIS_MISSING, REDIS_MISSING_ON_CI, redisServerInstalled, redisServerRequired } from "./redis-server";

/**
 * describe() for tests against a real redis-server: skipped, saying why, when it is not installed; on CI a
 * failing test in its place instead (redisServerRequired).
 */
export function describeWithRedisServer(name: string, body: () => void): void {
  if (redisServerInstalled()) {
    describe(name, body);
    return;
  }
  if (redisServerRequired()) {
    describe(name, () => {
      it("needs redis-server", () => {
        throw new Error(REDIS_MISSING_ON_CI);
      });
    });
    return;
  }
  console.warn(`${name}: skipped: ${REDIS_MISSING}`);
  describe.skip(`${name} (skipped: ${REDIS_MISSING})`, body);
}
