import { describe, expect, it } from "vitest";
import { answersOf, restoredCopy, wireRequest } from "@/lib/sandbox/testing/round-trip";
import { KeycdnFake } from "./fake";

// The KeyCDN fake's state saved and restored into a new fake (lib/sandbox/fake-state.ts): the same answers.
const KEY = "sk_sandbox_state_test_0000000000";
const make = () => new KeycdnFake({ keys: [KEY] });
const auth = { authorization: `Basic ${Buffer.from(`${KEY}:`).toString("base64")}` };
const form = (body: Record<string, string>) => ({ headers: { ...auth, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body).toString() });
const get = (path: string) => wireRequest("GET", path, { headers: auth });

describe("KeycdnFake state round trip", () => {
  it("zones, aliases and the id sequence come back: reads and further writes answer the same", async () => {
    const fake = make();
    const setup = await answersOf(fake, [
      wireRequest("POST", "/zones.json", form({ name: "ablinkone", originurl: "https://sendgrid.net" })),
      wireRequest("POST", "/zones.json", form({ name: "ablinktwo", originurl: "https://sendgrid.net" })),
      wireRequest("PUT", "/zones/1000.json", form({ forcessl: "enabled", cachemaxexpire: "60" })),
      wireRequest("POST", "/zonealiases.json", form({ zone_id: "1000", name: "ablink.one.customer.com" })),
      wireRequest("POST", "/zonealiases.json", form({ zone_id: "1001", name: "ablink.two.customer.com" })),
      wireRequest("DELETE", "/zonealiases/1003.json", { headers: auth }),
    ]);
    expect(setup.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const copy = restoredCopy(fake, make);
    const reads = [get("/zones.json"), get("/zones/1000.json"), get("/zonealiases.json")];
    const [original, restored] = [await answersOf(fake, reads), await answersOf(copy, reads)];
    expect(restored).toEqual(original);
    const zones = (restored[0]!.body as { data: { zones: { id: string; name: string; forcessl: string }[] } }).data.zones;
    expect(zones.map((z) => [z.id, z.name, z.forcessl])).toEqual([
      ["1000", "ablinkone", "enabled"],
      ["1001", "ablinktwo", "disabled"],
    ]);
    expect((restored[2]!.body as { data: { zonealiases: unknown[] } }).data.zonealiases).toEqual([{ id: "1002", zone_id: "1000", name: "ablink.one.customer.com" }]);

    // Ids continue where they were; a taken name is still taken.
    const writes = [
      wireRequest("POST", "/zones.json", form({ name: "ablinkthree", originurl: "https://sendgrid.net" })),
      wireRequest("POST", "/zones.json", form({ name: "ablinkone", originurl: "https://sendgrid.net" })),
    ];
    const [more, moreCopy] = [await answersOf(fake, writes), await answersOf(copy, writes)];
    expect(moreCopy).toEqual(more);
    expect(moreCopy.map((a) => [a.status, (a.body as { data?: { zone: { id: string } }; description: string }).data?.zone.id ?? (a.body as { description: string }).description])).toEqual([
      [200, "1004"],
      [400, "Zone name ablinkone already exists."],
    ]);
  });
});
