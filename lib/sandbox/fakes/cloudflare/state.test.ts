import { describe, expect, it } from "vitest";
import { answersOf, restoredCopy, wireRequest } from "@/lib/sandbox/testing/round-trip";
import { ALL_PERMISSIONS, CloudflareFake } from "./fake";

// The Cloudflare fake's state saved and restored into a new fake (lib/sandbox/fake-state.ts): the same answers.
const TOKEN = "sandbox_cloudflare_state_test_0000000000";
const make = () => new CloudflareFake({ autoCreateZones: true, readsUntilActive: 2, tokens: { [TOKEN]: { permissions: { ...ALL_PERMISSIONS } } } });
const bearer = { authorization: `Bearer ${TOKEN}` };
const get = (path: string) => wireRequest("GET", path, { headers: bearer });
const send = (method: string, path: string, body: unknown) => wireRequest(method, path, { headers: { ...bearer, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("CloudflareFake state round trip", () => {
  it("zones with their records, rulesets (Maps inside Maps) and certificate packs with their reads come back", async () => {
    const fake = make();
    const [found] = await answersOf(fake, [get("/client/v4/zones?name=customer.com")]);
    const zone = (found!.body as { result: { id: string }[] }).result[0]!.id;
    const z = `/client/v4/zones/${zone}`;
    // A rule's parameters are whatever the request sent, keys starting with "$" included: they must stay data.
    const rule = { expression: 'http.host eq "ablink.one.customer.com"', action: "set_config", action_parameters: { ssl: "full", $map: [["not", "a map"]] }, description: "ablink" };
    const setup = await answersOf(fake, [
      send("POST", `${z}/dns_records`, { type: "CNAME", name: "ablink.one.customer.com", content: "sendgrid.net", proxied: true, ttl: 1 }),
      send("PUT", `${z}/rulesets/phases/http_config_settings/entrypoint`, { rules: [rule] }),
      send("POST", `${z}/ssl/certificate_packs/order`, { type: "advanced", hosts: ["customer.com", "ablink.one.customer.com"], validation_method: "txt", validity_days: 90, certificate_authority: "lets_encrypt" }),
      send("PATCH", `${z}/settings/ssl`, { value: "full" }),
    ]);
    expect(setup.map((a) => a.status)).toEqual([200, 200, 200, 200]);

    const copy = restoredCopy(fake, make);
    const reads = [
      get("/client/v4/user/tokens/verify"),
      get("/client/v4/zones?name=customer.com"),
      get(`${z}/dns_records?name=ablink.one.customer.com`),
      get(`${z}/rulesets/phases/http_config_settings/entrypoint`),
      get(`${z}/ssl/certificate_packs?status=all`),
      get(`${z}/settings/ssl`),
    ];
    const [original, restored] = [await answersOf(fake, reads), await answersOf(copy, reads)];
    expect(restored).toEqual(original);
    expect((restored[1]!.body as { result: { id: string; name: string }[] }).result.map((r) => [r.id, r.name])).toEqual([[zone, "customer.com"]]);
    expect((restored[3]!.body as { result: { rules: { action_parameters: unknown }[] } }).result.rules[0]!.action_parameters).toEqual(rule.action_parameters);
    // The order's first read (of 2 until active) happened on each side after the round trip.
    const advanced = (restored[4]!.body as { result: { type: string; status: string }[] }).result.filter((p) => p.type === "advanced");
    expect(advanced.map((p) => p.status)).toEqual(["pending_issuance"]);

    // The next read makes it active on both sides; the record is still there to clash with.
    const writes = [get(`${z}/ssl/certificate_packs?status=all`), send("POST", `${z}/dns_records`, { type: "CNAME", name: "ablink.one.customer.com", content: "sendgrid.net", proxied: true, ttl: 1 })];
    const [more, moreCopy] = [await answersOf(fake, writes), await answersOf(copy, writes)];
    expect(moreCopy).toEqual(more);
    expect((moreCopy[0]!.body as { result: { type: string; status: string }[] }).result.filter((p) => p.type === "advanced").map((p) => p.status)).toEqual(["active"]);
    expect([moreCopy[1]!.status, (moreCopy[1]!.body as { errors: { code: number }[] }).errors.map((e) => e.code)]).toEqual([400, [81057]]);
  });
});
