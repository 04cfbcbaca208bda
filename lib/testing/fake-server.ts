import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Endpoints } from "@/lib/env";
import type { ApplyContext } from "@/lib/providers/server-types";
import { startFake, type FakeApi, type FakeCall, type Fault, type RunningFake } from "@/lib/sandbox/http-fake";

/** Nothing listens here: an endpoint a test's provider never calls. */
const UNUSED = "http://127.0.0.1:1";

export interface FakeServerFixture {
  /** Set before the first test. */
  server: RunningFake;
  /** The provider's endpoint at the fake, short retry waits; a test may replace it. */
  ctx: ApplyContext;
  faults(list: Fault[]): Promise<Response>;
  calls(): Promise<FakeCall[]>;
}

export interface FakeServerOptions {
  /** The context besides the endpoints (default: short retry waits and a 2 s request timeout). */
  ctx?: Omit<ApplyContext, "endpoints">;
}

/**
 * One fake on loopback for a test file's provider, with controls on: started before the tests, emptied
 * before each (before the file's own beforeEach, which may seed it), closed after. Call at the top level of the file.
 */
export function withFakeServer(api: FakeApi, provider: "cloudflare" | "fastly" | "keycdn", options: FakeServerOptions = {}): FakeServerFixture {
  const fixture = {
    faults: (list: Fault[]) => fetch(`${fixture.server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) }),
    calls: async () => (await (await fetch(`${fixture.server.url}/__sandbox/calls`)).json()) as FakeCall[],
  } as FakeServerFixture;
  beforeAll(async () => {
    fixture.server = await startFake(api, { controls: true });
    const endpoints: Endpoints = { cloudflare: UNUSED, fastly: UNUSED, keycdn: UNUSED, [provider]: fixture.server.url };
    fixture.ctx = { endpoints, ...(options.ctx ?? { maxRetryDelayMs: 50, requestTimeoutMs: 2000 }) };
  });
  afterAll(() => fixture.server.close());
  beforeEach(() => fetch(`${fixture.server.url}/__sandbox/reset`, { method: "POST" }));
  return fixture;
}
