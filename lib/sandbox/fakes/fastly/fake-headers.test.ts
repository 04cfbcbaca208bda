import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type RunningFake } from "@/lib/sandbox/http-fake";
import { FASTLY_SANDBOX_TOKEN, FastlyFake } from "./fake";

/** Header objects on the Fastly fake's wire (fastly-js HeaderApi): created, listed, changed; refused when malformed or on a locked version. */
const fake = new FastlyFake({ readsPerState: 1 });
let server: RunningFake;
beforeAll(async () => {
  server = await startFake(fake, { controls: true });
});
afterAll(() => server.close());
beforeEach(() => fetch(`${server.url}/__sandbox/reset`, { method: "POST" }));

const key = { "fastly-key": FASTLY_SANDBOX_TOKEN };
async function call(method: string, path: string, fields?: Record<string, string>) {
  const init = fields ? { method, headers: { ...key, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() } : { method, headers: key };
  const res = await fetch(`${server.url}${path}`, init);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & Record<string, unknown>[] };
}
const COOKIE = { name: "no-cookies", action: "delete", type: "request", dst: "http.Cookie", priority: "10" };

describe("Fastly fake: header objects", () => {
  it("creates, lists and updates a header on a draft, and refuses a second of the same name", async () => {
    const id = (await call("POST", "/service", { name: "s-headers", type: "vcl" })).json.id as string;
    const made = await call("POST", `/service/${id}/version/1/header`, COOKIE);
    expect([made.status, made.json.name, made.json.action, made.json.type, made.json.dst, made.json.priority, made.json.version]).toEqual([200, "no-cookies", "delete", "request", "http.Cookie", "10", "1"]);
    expect((await call("GET", `/service/${id}/version/1/header`)).json.map((h) => h.name)).toEqual(["no-cookies"]);
    expect((await call("POST", `/service/${id}/version/1/header`, COOKIE)).status).toBe(409);
    const changed = await call("PUT", `/service/${id}/version/1/header/no-cookies`, { dst: "http.X-Other" });
    expect([changed.status, changed.json.dst]).toEqual([200, "http.X-Other"]);
    expect((await call("PUT", `/service/${id}/version/1/header/missing`, { dst: "x" })).status).toBe(404);
  });

  it("refuses an unknown action or type, and edits of an active (locked) version; a clone carries the headers", async () => {
    const id = (await call("POST", "/service", { name: "s-headers-2", type: "vcl" })).json.id as string;
    expect((await call("POST", `/service/${id}/version/1/header`, { ...COOKIE, action: "drop" })).status).toBe(400);
    expect((await call("POST", `/service/${id}/version/1/header`, { ...COOKIE, type: "edge" })).status).toBe(400);
    expect((await call("POST", `/service/${id}/version/1/header`, COOKIE)).status).toBe(200);
    await call("POST", `/service/${id}/version/1/domain`, { name: "click.headers.example.com" });
    await call("POST", `/service/${id}/version/1/backend`, { name: "b", address: "spgo.io" });
    await call("PUT", `/service/${id}/version/1/activate`);
    expect((await call("POST", `/service/${id}/version/1/header`, { ...COOKIE, name: "another" })).status).toBe(400);
    const clone = await call("PUT", `/service/${id}/version/1/clone`);
    expect((await call("GET", `/service/${id}/version/${clone.json.number as number}/header`)).json.map((h) => h.name)).toEqual(["no-cookies"]);
  });
});
