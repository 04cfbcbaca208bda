import { describe, expect, it } from "vitest";
import { answersOf, restoredCopy, wireRequest } from "@/lib/sandbox/testing/round-trip";
import { FastlyFake } from "./fake";

// The Fastly fake's state saved and restored into a new fake (lib/sandbox/fake-state.ts): the same answers.
const TOKEN = "sandboxFastlyStateTest000000000a";
const make = () => new FastlyFake({ tokens: { [TOKEN]: { scope: "global" } } });
const key = { "fastly-key": TOKEN };
const form = (method: string, path: string, body: Record<string, string>) =>
  wireRequest(method, path, { headers: { ...key, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body).toString() });
const get = (path: string) => wireRequest("GET", path, { headers: key });
const subscribe = (host: string) =>
  wireRequest("POST", "/tls/subscriptions", {
    headers: { ...key, "content-type": "application/vnd.api+json" },
    body: JSON.stringify({ data: { type: "tls_subscription", attributes: { certificate_authority: "certainly" }, relationships: { tls_domains: { data: [{ id: host, type: "tls_domain" }] } } } }),
  });

/** A header object (fake-headers.ts): the no-cookies request header some email providers need. */
const COOKIE = { name: "no-cookies", action: "delete", type: "request", dst: "http.Cookie", priority: "10" };

describe("FastlyFake state round trip", () => {
  it("services with their versions (header objects included), subscriptions with their reads, and the id sequence come back", async () => {
    const fake = make();
    const [created] = await answersOf(fake, [form("POST", "/service", { name: "ablink-one", type: "vcl" })]);
    const service = (created!.body as { id: string }).id;
    const v1 = `/service/${service}/version/1`;
    const setup = await answersOf(fake, [
      form("POST", `${v1}/domain`, { name: "ablink.one.customer.com" }),
      form("POST", `${v1}/backend`, { name: "sendgrid", address: "sendgrid.net", port: "443", use_ssl: "1" }),
      form("POST", `${v1}/header`, COOKIE),
      wireRequest("PUT", `${v1}/activate`, { headers: key }),
      subscribe("ablink.one.customer.com"),
    ]);
    expect(setup.map((a) => a.status)).toEqual([200, 200, 200, 200, 201]);
    const subscription = (setup[4]!.body as { data: { id: string; attributes: { state: string } } }).data;
    expect(subscription.attributes.state).toBe("pending");

    const copy = restoredCopy(fake, make);
    const reads = [get(`/service/${service}/version`), get(`${v1}/domain`), get(`${v1}/backend`), get(`/tls/subscriptions/${subscription.id}?include=tls_authorizations`), get(`${v1}/header`)];
    const [original, restored] = [await answersOf(fake, reads), await answersOf(copy, reads)];
    expect(restored).toEqual(original);
    expect((restored[0]!.body as { number: number; active: boolean }[]).map((v) => [v.number, v.active])).toEqual([[1, true]]);
    // Each read moves a subscription along (pending → processing → issued): the restored one had no read yet.
    expect(restored[3]!.body).toMatchObject({ data: { id: subscription.id, attributes: { state: "processing" } } });
    expect((restored[4]!.body as { name: string; action: string; dst: string }[]).map((h) => [h.name, h.action, h.dst])).toEqual([["no-cookies", "delete", "http.Cookie"]]);

    // The next read issues it in both; a second service gets the same next id; a domain in use is still refused;
    // a clone of version 1 carries its header, so a second header of that name is refused.
    const writes = [
      get(`/tls/subscriptions/${subscription.id}`),
      form("POST", "/service", { name: "ablink-two", type: "vcl" }),
      subscribe("ablink.one.customer.com"),
      wireRequest("PUT", `${v1}/clone`, { headers: key }),
      form("POST", `/service/${service}/version/2/header`, COOKIE),
    ];
    const [more, moreCopy] = [await answersOf(fake, writes), await answersOf(copy, writes)];
    expect(moreCopy).toEqual(more);
    expect(moreCopy.map((a) => a.status)).toEqual([200, 200, 409, 200, 409]);
    expect(moreCopy[0]!.body).toMatchObject({ data: { attributes: { state: "issued" } } });
    expect((moreCopy[1]!.body as { id: string }).id).toBe("svc0000000000000000005");
  });
});
