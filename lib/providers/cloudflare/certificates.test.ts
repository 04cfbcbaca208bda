import { describe, expect, it } from "vitest";
import { isOrderedPack, type CfPack } from "./certificates";

// After a certificate order's answer is lost, only the pack this order would have made is taken as its own
// (docs/providers/cloudflare.md#lost-answers): apply orders [zone apex, host], advanced, Let's Encrypt.

const ZONE = "level-ex.com";
const HOST = "ablink.x.level-ex.com";
const ordered: CfPack = { id: "p1", type: "advanced", hosts: [ZONE, HOST], status: "initializing", certificate_authority: "lets_encrypt" };

describe("isOrderedPack", () => {
  it.each<[string, Partial<CfPack>, boolean]>([
    ["the pack the order makes", {}, true],
    ["its hosts in another order and case", { hosts: [HOST.toUpperCase(), ZONE] }, true],
    ["on its way to active", { status: "pending_validation" }, true],
    ["a wildcard that covers the host", { hosts: [ZONE, `*.x.${ZONE}`] }, false],
    ["more hosts than the order", { hosts: [ZONE, HOST, `www.${ZONE}`] }, false],
    ["the apex only", { hosts: [ZONE] }, false],
    ["another authority", { certificate_authority: "google" }, false],
    ["no authority given", { certificate_authority: undefined }, false],
    ["Universal SSL", { type: "universal" }, false],
    ["dead", { status: "deleted" }, false],
  ])("%s", (_name, change, expected) => {
    expect(isOrderedPack({ ...ordered, ...change }, ZONE, HOST)).toBe(expected);
  });
});
