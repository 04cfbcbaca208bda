import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { FakeApi, FakeCall } from "./http-fake";

// The test-only setting on: the in-app sandbox's fakes serve their controls, and the server says so once.
const saved = { ...process.env };
let ensureFake: typeof import("./registry").ensureFake;

beforeAll(async () => {
  process.env.SANDBOX_CONTROLS = "1";
  vi.spyOn(console, "warn").mockImplementation(() => {});
  ({ ensureFake } = await import("./registry"));
});
afterAll(() => {
  process.env = saved;
  vi.restoreAllMocks();
});

const thing: FakeApi = { operation: () => "CreateThing", handle: () => ({ status: 201, body: "made" }), reset: () => {} };

it("with SANDBOX_CONTROLS=1 the sandbox fakes accept faults, log calls, and the server warns once", async () => {
  const first = await ensureFake("registry-test-a", () => thing);
  const second = await ensureFake("registry-test-b", () => thing);

  const installed = await fetch(`${first.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify([{ match: "CreateThing", status: 503, times: 1 }]) });
  expect([installed.status, await installed.json()]).toEqual([200, { faults: 1 }]);
  expect((await fetch(`${first.url}/things`, { method: "POST" })).status).toBe(503);
  expect((await fetch(`${second.url}/things`, { method: "POST" })).status).toBe(201);
  const calls = (await (await fetch(`${first.url}/__sandbox/calls`)).json()) as FakeCall[];
  expect(calls).toEqual([{ op: "CreateThing", method: "POST", path: "/things", fault: 503 }]);

  expect(vi.mocked(console.warn).mock.calls).toEqual([
    ["[sandbox] test-only setting SANDBOX_CONTROLS=1 is set: the sandbox fakes accept fault, latency and reset requests; never set it in production."],
  ]);
  await Promise.all([first.close(), second.close()]);
});
