import { afterAll, beforeAll, expect, test } from "vitest";
import { startFake, type FakeApi, type FakeCall, type RunningFake } from "./http-fake";

// A one-operation API: POST /things answers 201 with what it was sent.
const echo: FakeApi = {
  operation: (req) => (req.method === "POST" ? "CreateThing" : "Other"),
  handle: (req) => ({ status: 201, body: req.body }),
  reset: () => {},
};

let fake: RunningFake;
beforeAll(async () => {
  fake = await startFake(echo, { host: "127.0.0.1" });
});
afterAll(() => fake.close());

const create = (name: string) => fetch(`${fake.url}/things`, { method: "POST", body: JSON.stringify({ name }) });

test("a fault with bodyIncludes answers only the requests that carry it, and the call log says which", async () => {
  await fetch(`${fake.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify([{ match: "CreateThing", bodyIncludes: "ablink.a.example.com", status: 429, times: 1 }]) });

  expect((await create("ablink.b.example.com")).status).toBe(201);
  expect((await create("ablink.a.example.com")).status).toBe(429);
  expect((await create("ablink.a.example.com")).status).toBe(201);

  const calls = (await (await fetch(`${fake.url}/__sandbox/calls`)).json()) as FakeCall[];
  expect(calls).toEqual([
    { op: "CreateThing", method: "POST", path: "/things" },
    { op: "CreateThing", method: "POST", path: "/things", fault: 429 },
    { op: "CreateThing", method: "POST", path: "/things" },
  ]);
});
