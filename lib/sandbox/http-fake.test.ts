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
  fake = await startFake(echo, { host: "127.0.0.1", controls: true });
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

test("a drop-after-handling fault carries the request out, then loses the answer", async () => {
  let handled = 0;
  const counting: FakeApi = { operation: () => "CreateThing", handle: () => ({ status: 201, body: String(++handled) }), reset: () => {} };
  const f = await startFake(counting, { host: "127.0.0.1", controls: true });
  try {
    await fetch(`${f.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify([{ match: "CreateThing", status: 0, drop: "after-handling", times: 1 }]) });
    await expect(fetch(`${f.url}/things`, { method: "POST", body: "{}" })).rejects.toThrow();
    expect(handled).toBe(1);
    expect(await (await fetch(`${f.url}/things`, { method: "POST", body: "{}" })).text()).toBe("2");
    const calls = (await (await fetch(`${f.url}/__sandbox/calls`)).json()) as FakeCall[];
    expect(calls.map((c) => c.fault)).toEqual(["dropped", undefined]);
  } finally {
    await f.close();
  }
});

test("without controls, every /__sandbox/ path answers 404 and is neither an API call nor logged", async () => {
  const seen: string[] = [];
  const recording: FakeApi = { operation: (req) => (seen.push(req.path), "Any"), handle: () => ({ status: 200, body: "api" }), reset: () => void seen.push("reset") };
  const f = await startFake(recording, { host: "127.0.0.1" });
  try {
    const controls = [
      fetch(`${f.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify([{ match: "Any", status: 500 }]) }),
      fetch(`${f.url}/__sandbox/faults/clear`, { method: "POST" }),
      fetch(`${f.url}/__sandbox/latency`, { method: "POST", body: JSON.stringify({ ms: 5000 }) }),
      fetch(`${f.url}/__sandbox/reset`, { method: "POST" }),
      fetch(`${f.url}/__sandbox/calls`),
    ];
    expect(await Promise.all(controls.map(async (r) => [(await r).status, await (await r).text()]))).toEqual(Array(5).fill([404, ""]));
    expect(seen).toEqual([]);
    // No fault was installed.
    expect(await (await fetch(`${f.url}/things`)).text()).toBe("api");
    expect(seen).toEqual(["/things"]);
  } finally {
    await f.close();
  }
});

test("an after-handling fault carries the request out, then answers with the fault instead of the real answer", async () => {
  let handled = 0;
  const counting: FakeApi = { operation: () => "CreateThing", handle: () => ({ status: 201, body: String(++handled) }), reset: () => {} };
  const f = await startFake(counting, { host: "127.0.0.1", controls: true });
  try {
    await fetch(`${f.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify([{ match: "CreateThing", status: 200, body: '{"id":', after: "handling", times: 1 }]) });
    const garbled = await fetch(`${f.url}/things`, { method: "POST", body: "{}" });
    expect([garbled.status, await garbled.text(), handled]).toEqual([200, '{"id":', 1]);
    expect(await (await fetch(`${f.url}/things`, { method: "POST", body: "{}" })).text()).toBe("2");
    const calls = (await (await fetch(`${f.url}/__sandbox/calls`)).json()) as FakeCall[];
    expect(calls).toEqual([
      { op: "CreateThing", method: "POST", path: "/things", fault: 200, carriedOut: true },
      { op: "CreateThing", method: "POST", path: "/things" },
    ]);
  } finally {
    await f.close();
  }
});

test("a control body that is not JSON, or not the right shape, answers 400 with a JSON error and changes nothing", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  const f = await startFake(echo, { host: "127.0.0.1", controls: true });
  try {
    const post = async (path: string, body: string) => {
      const res = await fetch(`${f.url}${path}`, { method: "POST", body });
      return [res.status, res.headers.get("content-type"), await res.json()];
    };
    const notJson = (path: string, parseError: string) => [400, "application/json", { error: `POST ${path}: the body is not JSON (${parseError})` }];
    expect(await post("/__sandbox/faults", "[{")).toEqual(notJson("/__sandbox/faults", errorOf("[{")));
    expect(await post("/__sandbox/latency", "ms=5")).toEqual(notJson("/__sandbox/latency", errorOf("ms=5")));
    const faultsShape = [400, "application/json", { error: "POST /__sandbox/faults: the body must be a JSON array of faults, each with a string match and a number status" }];
    for (const body of ['{"match":"CreateThing","status":500}', "[1]", '[{"match":"CreateThing"}]', "null"]) expect(await post("/__sandbox/faults", body)).toEqual(faultsShape);
    const latencyShape = [400, "application/json", { error: 'POST /__sandbox/latency: the body must be { "ms": a number ≥ 0 }' }];
    for (const body of ['{"ms":"5"}', '{"ms":-1}', "5", "[]"]) expect(await post("/__sandbox/latency", body)).toEqual(latencyShape);

    // Nothing was installed: the API answers as before, at once.
    expect((await fetch(`${f.url}/things`, { method: "POST", body: "{}" })).status).toBe(201);
    expect(await post("/__sandbox/faults", "[]")).toEqual([200, "application/json", { faults: 0 }]);
    expect(unhandled).toEqual([]);
  } finally {
    process.off("unhandledRejection", onUnhandled);
    await f.close();
  }
});

function errorOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${text} is JSON`);
}
