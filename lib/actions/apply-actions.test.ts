import { beforeEach, describe, expect, it, vi } from "vitest";
import { TestCookieJar } from "@/lib/testing/cookie-jar";
import { PROVIDER_ACTION_RATE, providerActionLimiter } from "@/lib/security/action-rate-limit";
import type { Store } from "@/lib/store";
import { storeDouble } from "@/lib/store/testing/store-double";
import limits from "@/lib/security/limits.json";
import { VISITOR_COOKIE } from "@/lib/sandbox/visitor";
import { tooManyHosts } from "@/lib/sandbox/visitor-accounts";

let clientIp = "198.51.100.20";
let origin = "http://127.0.0.1:3000";
const jar = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": clientIp, origin }), cookies: async () => jar.current }));
jar.current = new TestCookieJar();

const { applyAction, previewAction, statusAction, undoAction } = await import("./apply-actions");

beforeEach(() => providerActionLimiter.forget(clientIp));

describe("provider server actions", () => {
  it("are rate-limited per client before any input is read", async () => {
    const malformed = { cdn: "nope" };
    const answers: string[] = [];
    for (let i = 0; i < PROVIDER_ACTION_RATE.capacity + 1; i++) {
      const action = [previewAction, applyAction, statusAction][i % 3]!;
      const r = await action(malformed);
      answers.push(r.ok ? "ok" : r.message);
    }
    expect(answers.slice(0, -1)).toEqual(Array(PROVIDER_ACTION_RATE.capacity).fill("The request was malformed; reload the page and try again."));
    expect(answers.at(-1)).toBe("Too many requests from this browser; try again in 2 s.");
    // Another client is not affected.
    clientIp = "198.51.100.21";
    expect(await previewAction(malformed)).toEqual({ ok: false, message: "The request was malformed; reload the page and try again." });
  });

  it("refuse oversized fields with a message, not an exception", async () => {
    const hosts = Array.from({ length: 101 }, (_, i) => `ablink.h${i}.customer.com`);
    expect(await previewAction({ cdn: "cloudfront", hosts, region: "global", account: { kind: "sandbox" } })).toEqual({
      ok: false,
      message: "The request was malformed; reload the page and try again.",
    });
    const huge = { kind: "credentials", values: { accessKeyId: "x".repeat(5000) } };
    expect((await previewAction({ cdn: "cloudfront", hosts: ["ablink.x.customer.com"], region: "global", account: huge })).ok).toBe(false);
  });

  it("a store that fails in any way (not only unreachable) still limits, never making an action throw", async () => {
    // lib/store/index.ts keeps the app's store on globalThis; this one answers every takeToken with a plain Error.
    const holder = globalThis as { __appStore?: Store };
    const saved = holder.__appStore;
    const broken: Store = storeDouble({
      getJson: async () => undefined,
      setJson: async () => {},
      delete: async () => {},
      takeToken: async () => Promise.reject(new Error("ERR unexpected reply")),
    });
    holder.__appStore = broken;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      clientIp = "198.51.100.22";
      expect(await previewAction({ cdn: "nope" })).toEqual({ ok: false, message: "The request was malformed; reload the page and try again." });
      expect(await undoAction({ cdn: "nope" })).toEqual({ ok: false, message: "The request was malformed; reload the page and try again." });
      expect(warn.mock.calls).toEqual([
        ["[rate-limit] the store failed for the provider-action limit (Error: ERR unexpected reply): counting on this instance alone for now. Next warning in 60 s at the earliest."],
      ]);
    } finally {
      warn.mockRestore();
      holder.__appStore = saved;
    }
  });
});

describe("the sandbox visitor", () => {
  const sandbox = { kind: "sandbox" } as const;
  const keycdnApply = (hosts: string[]) => applyAction({ cdn: "keycdn", hosts, region: "global", account: sandbox });

  it("gets an HttpOnly, SameSite=Lax cookie on first use, Secure only over HTTPS, and keeps it", async () => {
    const browser = new TestCookieJar();
    jar.current = browser;
    expect((await keycdnApply(["ablink.cookie.customer.com"])).ok).toBe(true);
    const id = browser.get(VISITOR_COOKIE)?.value;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(browser.options.get(VISITOR_COOKIE)).toEqual({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 7 * 24 * 3600 });
    expect((await keycdnApply(["ablink.cookie.customer.com"])).ok).toBe(true);
    expect(browser.get(VISITOR_COOKIE)?.value).toBe(id);

    const overHttps = new TestCookieJar();
    jar.current = overHttps;
    origin = "https://wizard.example.com";
    expect((await keycdnApply(["ablink.cookie.customer.com"])).ok).toBe(true);
    expect(overHttps.options.get(VISITOR_COOKIE)).toMatchObject({ secure: true });
  });

  it("two browsers applying the same hostname each create their own", async () => {
    const outcomes = [];
    for (const browser of [new TestCookieJar(), new TestCookieJar()]) {
      jar.current = browser;
      const r = await keycdnApply(["ablink.two-browsers.customer.com"]);
      outcomes.push(r.ok && r.data.hosts.map((h) => [h.outcome, h.resources.map((x) => x.createdByThisRun)]));
    }
    expect(outcomes).toEqual([[["created", [true, true]]], [["created", [true, true]]]]);
  });

  it("applies for the email provider the request names: SparkPost EU on CloudFront, with its header and methods", async () => {
    jar.current = new TestCookieJar();
    const r = await previewAction({ cdn: "cloudfront", hosts: ["click.sandbox-sp.customer.com"], esp: "sparkpost", region: "eu", account: sandbox });
    expect(r.ok && r.data.hosts[0]!.changes.map((c) => c.next).at(-1)).toBe(
      "Alternate domain name click.sandbox-sp.customer.com; origin eu.spgo.io (https-only) with X-Forwarded-Host: click.sandbox-sp.customer.com; methods GET, HEAD; created once the certificate is issued.",
    );
    const tenant = await previewAction({ cdn: "fastly", hosts: ["click.sandbox-tenant.customer.com"], esp: "sparkpost", region: "us", tenant: "acme", account: sandbox });
    expect(tenant.ok && tenant.data.hosts[0]!.changes[0]!.next).toContain('host "sparkpost" → acme.et.e.sparkpost.com:443');
    expect(await previewAction({ cdn: "fastly", hosts: ["click.x.customer.com"], esp: "ses", region: "mars", account: sandbox })).toEqual({
      ok: false,
      message: "The request was malformed; reload the page and try again.",
    });
  });

  it("a run past the hosts an account may hold is refused with the cap's message, before any call", async () => {
    jar.current = new TestCookieJar();
    const hosts = Array.from({ length: limits.sandbox.maxHostsPerAccount + 1 }, (_, i) => `ablink.cap${i}.customer.com`);
    expect(await previewAction({ cdn: "keycdn", hosts, region: "global", account: sandbox })).toEqual({ ok: false, message: tooManyHosts(limits.sandbox.maxHostsPerAccount) });
  });
});
