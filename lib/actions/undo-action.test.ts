import { beforeEach, describe, expect, it, vi } from "vitest";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import { providerActionLimiter } from "@/lib/security/action-rate-limit";
import { createdTargets } from "@/lib/providers/undo-targets";
import { TestCookieJar } from "@/lib/testing/cookie-jar";

// Server actions read the client's address for rate limiting and the sandbox visitor's cookie; outside a request there are none.
const CLIENT = "198.51.100.30";
const jar = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": CLIENT }), cookies: async () => jar.current }));
jar.current = new TestCookieJar();
const { applyAction, undoAction } = await import("./apply-actions");

beforeEach(() => providerActionLimiter.forget(CLIENT));

const MALFORMED = { ok: false, message: "The request was malformed; reload the page and try again." };
const sandbox = { kind: "sandbox" } as const;
const zone = (host: string) => ({ kind: RESOURCE_KIND.keycdnZone, id: "1000", host });

describe("undoAction input", () => {
  it.each([
    ["not an object", "undo everything"],
    ["no resources", { cdn: "keycdn", account: sandbox, resources: [] }],
    ["unknown cdn", { cdn: "akamai", account: sandbox, resources: [zone("ablink.x.customer.com")] }],
    ["unknown kind", { cdn: "keycdn", account: sandbox, resources: [{ kind: "S3 bucket", id: "1", host: "ablink.x.customer.com" }] }],
    ["a kind of another CDN", { cdn: "keycdn", account: sandbox, resources: [{ kind: RESOURCE_KIND.cloudfrontDistribution, id: "E1", host: "ablink.x.customer.com" }] }],
    ["an extra field", { cdn: "keycdn", account: sandbox, resources: [{ ...zone("ablink.x.customer.com"), createdByThisRun: true }] }],
    ["an extra top-level field", { cdn: "keycdn", account: sandbox, resources: [zone("ablink.x.customer.com")], force: true }],
    ["an id with spaces", { cdn: "keycdn", account: sandbox, resources: [{ ...zone("ablink.x.customer.com"), id: "10 00" }] }],
    ["an id with markup", { cdn: "keycdn", account: sandbox, resources: [{ ...zone("ablink.x.customer.com"), id: "<script>" }] }],
    ["a very long id", { cdn: "keycdn", account: sandbox, resources: [{ ...zone("ablink.x.customer.com"), id: "9".repeat(257) }] }],
    ["an invalid host", { cdn: "keycdn", account: sandbox, resources: [zone("localhost")] }],
    ["a host that is not normalised", { cdn: "keycdn", account: sandbox, resources: [zone("ABLINK.x.customer.com.")] }],
    ["a URL as host", { cdn: "keycdn", account: sandbox, resources: [zone("https://ablink.x.customer.com/")] }],
    ["too many resources", { cdn: "keycdn", account: sandbox, resources: Array.from({ length: 401 }, (_, i) => ({ ...zone("ablink.x.customer.com"), id: String(i) })) }],
  ])("refuses %s without touching any account", async (_, raw) => {
    expect(await undoAction(raw)).toEqual(MALFORMED);
  });

  it("checks credentials with the provider's schema, and names the field", async () => {
    const result = await undoAction({ cdn: "keycdn", account: { kind: "credentials", values: { apiKey: "x" } }, resources: [zone("ablink.x.customer.com")] });
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : Object.keys(result.fieldErrors ?? {})).toEqual(["apiKey"]);
  });
});

describe("undoAction against the sandbox", () => {
  it("removes what an apply created, and refuses what it did not", async () => {
    const host = "ablink.undo-action.customer.com";
    const applied = await applyAction({ cdn: "keycdn", hosts: [host], region: "global", account: sandbox });
    if (!applied.ok) throw new Error(applied.message);
    const targets = createdTargets(applied.data);
    expect(targets.map((t) => t.kind)).toEqual([RESOURCE_KIND.keycdnZone, RESOURCE_KIND.keycdnAlias]);

    const forged = await undoAction({ cdn: "keycdn", account: sandbox, resources: [{ ...targets[0]!, host: "ablink.other.customer.com" }] });
    expect(forged.ok && forged.data.results.map((r) => r.outcome)).toEqual(["refused"]);

    const undone = await undoAction({ cdn: "keycdn", account: sandbox, resources: targets });
    expect(undone.ok && undone.data.results.map((r) => r.outcome)).toEqual(["removed", "removed"]);
    expect(undone.ok && undone.data.complete).toBe(true);
  });
});
