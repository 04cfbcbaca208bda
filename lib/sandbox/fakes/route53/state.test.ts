import { describe, expect, it } from "vitest";
import { restoredCopy } from "@/lib/sandbox/testing/round-trip";
import { plainRRSet, Route53Fake } from "./fake";

// The Route 53 fake's state saved and restored into a new fake (lib/sandbox/fake-state.ts): the same zones and record sets.
const KEY = "AKIASANDBOXSTATETEST";
const make = () => new Route53Fake({ accounts: { [KEY]: "secret" } });

describe("Route53Fake state round trip", () => {
  it("hosted zones and their record sets come back", () => {
    const fake = make();
    const zone = fake.addZone(KEY, "customer.com");
    fake.putRRSet(zone.id, plainRRSet("ablink.news.customer.com", "CNAME", 3600, ["sendgrid.net"]));
    const copy = restoredCopy(fake, make);
    expect(copy.zones(KEY).map((z) => [z.id, z.name])).toEqual([[zone.id, "customer.com."]]);
    expect(copy.rrsets(zone.id)).toEqual(fake.rrsets(zone.id));
    expect(copy.rrsets(zone.id).map((r) => `${r.Name} ${r.Type}`)).toEqual(["customer.com. NS", "customer.com. SOA", "ablink.news.customer.com. CNAME"]);
  });
});
