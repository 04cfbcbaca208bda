import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFake, type RunningFake } from "@/lib/sandbox/http-fake";
import { KeycdnClient } from "@/lib/providers/keycdn/client";
import { KEYCDN_SANDBOX_KEY, KeycdnFake } from "./fake";

/** The fake speaks KeyCDN's wire format: checked with raw fetch, then driven through the client. */

const fake = new KeycdnFake();
let server: RunningFake;

beforeAll(async () => {
  server = await startFake(fake, { controls: true });
});
afterAll(() => server.close());
beforeEach(() => fetch(`${server.url}/__sandbox/reset`, { method: "POST" }));

const basic = (key: string, password = "") => `Basic ${Buffer.from(`${key}:${password}`).toString("base64")}`;
const auth = { authorization: basic(KEYCDN_SANDBOX_KEY) };

async function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const res = await fetch(`${server.url}${path}`, { method, headers, body });
  return { status: res.status, headers: res.headers, json: (await res.json()) as { status: string; description: string; data?: Record<string, unknown> } };
}

describe("KeyCDN fake, raw wire", () => {
  it("deletes zone aliases and zones without a body; unknown ids are 404", async () => {
    const form = { ...auth, "content-type": "application/x-www-form-urlencoded" };
    const zone = await raw("POST", "/zones.json", form, new URLSearchParams({ name: "del1", type: "pull", originurl: "https://sendgrid.net" }).toString());
    const zoneId = String(zone.json.data?.zone && (zone.json.data.zone as { id: string }).id);
    const alias = await raw("POST", "/zonealiases.json", form, new URLSearchParams({ zone_id: zoneId, name: "ablink.del.customer.com" }).toString());
    const aliasId = String((alias.json.data?.zonealias as { id: string }).id);
    expect((await raw("DELETE", `/zonealiases/${aliasId}.json`, auth)).json).toEqual({ status: "success", description: "Zone alias successfully deleted." });
    expect((await raw("DELETE", `/zonealiases/${aliasId}.json`, auth)).status).toBe(404);
    expect((await raw("DELETE", `/zones/${zoneId}.json`, auth)).json).toEqual({ status: "success", description: "Zone successfully deleted." });
    const missing = await raw("DELETE", `/zones/${zoneId}.json`, auth);
    expect([missing.status, missing.json]).toEqual([404, { status: "error", description: "Zone not found." }]);
    expect(fake.state()).toEqual({ zones: [], aliases: [] });
  });

  it("needs HTTP Basic with the key as user and an empty password", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: basic("wrong") }, { authorization: basic(KEYCDN_SANDBOX_KEY, "x") }, { authorization: `Bearer ${KEYCDN_SANDBOX_KEY}` }]) {
      const r = await raw("GET", "/zones.json", headers);
      expect(r.status).toBe(403);
      expect(r.json).toEqual({ status: "error", description: "Access denied. Please check your API key." });
    }
    const ok = await raw("GET", "/zones.json", auth);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ status: "success", description: "Successfully received zones.", data: { zones: [] } });
    expect(ok.headers.get("x-rate-limit-limit")).toBe("60");
  });

  it("takes form bodies, answers string values, and starts new zones with the risky defaults", async () => {
    const form = { ...auth, "content-type": "application/x-www-form-urlencoded" };
    const asJson = await raw("POST", "/zones.json", { ...auth, "content-type": "application/json" }, JSON.stringify({ name: "a", type: "pull", originurl: "https://sendgrid.net" }));
    expect(asJson.status).toBe(400);
    const created = await raw("POST", "/zones.json", form, new URLSearchParams({ name: "abc1", type: "pull", originurl: "https://sendgrid.net" }).toString());
    expect(created.status).toBe(200);
    expect(created.json.data!.zone).toMatchObject({
      id: "1000",
      name: "abc1",
      type: "pull",
      originurl: "https://sendgrid.net",
      sslcert: "shared",
      cacheignorequerystring: "enabled",
      cacheignorecachecontrol: "enabled",
      cachehostheader: "disabled",
      cachemaxexpire: "1440",
      expire: "0",
    });
    const badFlag = await raw("PUT", "/zones/1000.json", form, "cachehostheader=1");
    expect(badFlag.json).toEqual({ status: "error", description: "Invalid value for cachehostheader: use enabled or disabled." });
    const dupe = await raw("POST", "/zones.json", form, new URLSearchParams({ name: "abc1", type: "pull", originurl: "https://sendgrid.net" }).toString());
    expect([dupe.status, dupe.json.description]).toEqual([400, "Zone name abc1 already exists."]);
    const badName = await raw("POST", "/zones.json", form, new URLSearchParams({ name: "Has-Dash", type: "pull", originurl: "https://x.com" }).toString());
    expect(badName.status).toBe(400);

    const alias = await raw("POST", "/zonealiases.json", form, new URLSearchParams({ zone_id: "1000", name: "ablink.customer.com" }).toString());
    expect(alias.json).toEqual({ status: "success", description: "Zone alias successfully added.", data: { zonealias: { id: "1001", zone_id: "1000", name: "ablink.customer.com" } } });
    const list = await raw("GET", "/zonealiases.json", auth);
    expect(list.json.data).toEqual({ zonealiases: [{ id: "1001", zone_id: "1000", name: "ablink.customer.com" }] });
  });
});

describe("KeyCDN fake, driven by the client", () => {
  it("round-trips zones and aliases", async () => {
    const c = new KeycdnClient({ baseUrl: server.url, apiKey: KEYCDN_SANDBOX_KEY, maxRetries: 0 });
    expect(await c.listZones()).toEqual([]);
    const zone = await c.createZone({ name: "abc2", type: "pull", originurl: "https://eu.sendgrid.net", cachehostheader: "enabled" });
    expect(zone).toMatchObject({ id: "1000", name: "abc2" });
    expect(zone.settings).toMatchObject({ originurl: "https://eu.sendgrid.net", cachehostheader: "enabled", cacheignorequerystring: "enabled" });
    const updated = await c.updateZone(zone.id, { cacheignorequerystring: "disabled" });
    expect(updated.settings.cacheignorequerystring).toBe("disabled");
    expect((await c.listZones()).map((z) => z.name)).toEqual(["abc2"]);
    expect(await c.createZoneAlias(zone.id, "ablink.eu.customer.com")).toEqual({ id: "1001", zoneId: "1000", name: "ablink.eu.customer.com" });
    expect(await c.listZoneAliases()).toEqual([{ id: "1001", zoneId: "1000", name: "ablink.eu.customer.com" }]);
  });
});
