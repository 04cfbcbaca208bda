import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { startFake } from "@/lib/sandbox/http-fake";
import { scrubberFor } from "./engine/scrub";
import { FASTLY_SCRUB, fastlyRetryHint } from "./fastly/client";
import { describeWait, hintedDelay, HttpError, parseRetryAfter, request, requestCreate } from "./http-client";

/** The scrubber the Fastly client gives the HTTP layer. */
const scrub = (text: string, secrets: string[]) => scrubberFor(FASTLY_SCRUB, secrets)(text);

describe("http-client helpers", () => {
  it("scrub removes known secrets, auth header values and long token-like runs", () => {
    const key = "sk_prod_zbSVNe8gVUMT4KjYcJWuyC86";
    expect(scrub(`key ${key} rejected`, [key])).toBe("key [redacted] rejected");
    expect(scrub("Fastly-Key: abc123 and Authorization: Basic c2s6 here", [])).toBe("Fastly-Key: [redacted] and Authorization: Basic [redacted] here");
    expect(scrub("id 0123456789abcdef0123456789abcdef0 end", [])).toBe("id [redacted] end");
    expect(scrub("/service/FPkmJNp1fH8CnWbdi21Wf3/version/1/domain 'ablink.customer.com'", [])).toBe("/service/FPkmJNp1fH8CnWbdi21Wf3/version/1/domain 'ablink.customer.com'");
    expect(scrub("x".repeat(10) + " " + "y ".repeat(200), []).length).toBe(300);
  });

  it("parses Retry-After as seconds or an HTTP date, and Fastly-RateLimit-Reset as an epoch second", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(fastlyRetryHint(new Headers({ "fastly-ratelimit-reset": String(now / 1000 + 90) }), now)).toBe(90_000);
    expect(hintedDelay(new Headers({ "retry-after": "5" }), () => 7000)).toBe(7000);
    expect(hintedDelay(new Headers())).toBeNull();
    expect([describeWait(null), describeWait(1000), describeWait(89_000), describeWait(3_600_000)]).toEqual(["in a few minutes", "in 1 second", "in 89 seconds", "in 60 minutes"]);
  });
});

describe("request() retries", () => {
  it("a 5xx carrying a rate-limit reset is retried; a 429 whose reset is far away is not waited for", async () => {
    let answers: { status: number; headers: Record<string, string>; body: string }[] = [];
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    const server = await startFake({
      operation: () => "Op",
      handle: () => answers.shift() ?? { status: 500, body: "" },
      reset: () => undefined,
    });
    const opts = { baseUrl: server.url, headers: {}, scrub: scrubberFor(FASTLY_SCRUB, []), maxRetryDelayMs: 50, retryHint: (h: Headers) => fastlyRetryHint(h) };
    const req = { operation: "Op", method: "PUT" as const, path: "/x", schema: z.object({ ok: z.boolean() }) };
    try {
      answers = [
        { status: 503, headers: { "fastly-ratelimit-reset": reset }, body: "busy" },
        { status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' },
      ];
      expect((await request(opts, req)).data).toEqual({ ok: true });
      answers = [
        { status: 429, headers: { "fastly-ratelimit-reset": reset }, body: "slow down" },
        { status: 200, headers: {}, body: '{"ok":true}' },
      ];
      const error = await request(opts, req).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(429);
      expect(answers).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe("requestCreate(): a write that must not be repeated blindly", () => {
  it("asks what the write made before sending it again, adopts it when found, and never retries a refusal", async () => {
    let answers: { status: number; headers?: Record<string, string>; body: string }[] = [];
    const server = await startFake({ operation: () => "Op", handle: () => answers.shift() ?? { status: 500, body: "" }, reset: () => undefined });
    const opts = { baseUrl: server.url, headers: {}, scrub: scrubberFor(FASTLY_SCRUB, []), maxRetries: 2, maxRetryDelayMs: 50 };
    const req = { operation: "Op", method: "PUT" as const, path: "/x", schema: z.object({ n: z.number() }) };
    const ok = (n: number) => ({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ n }) });
    let looked = 0;
    const lookFor = (found: { n: number } | null) => async () => {
      looked += 1;
      return found;
    };
    try {
      // 503 (outcome unknown): looked for, nothing found, sent again.
      answers = [{ status: 503, body: "busy" }, ok(2)];
      expect(await requestCreate(opts, req, lookFor(null))).toEqual({ n: 2 });
      expect([looked, answers.length]).toEqual([1, 0]);
      // 503 whose write did happen: adopted, not sent again.
      looked = 0;
      answers = [{ status: 503, body: "busy" }, ok(3)];
      expect(await requestCreate(opts, req, lookFor({ n: 7 }))).toEqual({ n: 7 });
      expect([looked, answers.length]).toEqual([1, 1]);
      // A 2xx whose body cannot be read was probably carried out: looked for and adopted, not sent again.
      looked = 0;
      answers = [{ status: 200, headers: { "content-type": "application/json" }, body: '{"n":' }, ok(8)];
      expect(await requestCreate(opts, req, lookFor({ n: 8 }))).toEqual({ n: 8 });
      expect([looked, answers.length]).toEqual([1, 1]);
      // 503 on every send: looked for before each resend and once more after the last.
      looked = 0;
      answers = [{ status: 503, body: "busy" }, { status: 503, body: "busy" }, { status: 503, body: "busy" }, ok(9)];
      const spent = await requestCreate(opts, req, lookFor(null)).catch((e: unknown) => e);
      expect([spent instanceof HttpError && spent.status, looked, answers.length]).toEqual([503, 3, 1]);
      // With no retries, an unknown outcome is still looked for.
      looked = 0;
      answers = [{ status: 503, body: "busy" }, ok(10)];
      expect(await requestCreate({ ...opts, maxRetries: 0 }, req, lookFor({ n: 11 }))).toEqual({ n: 11 });
      expect([looked, answers.length]).toEqual([1, 1]);
      // 400: refused, so nothing to look for and nothing to repeat.
      looked = 0;
      answers = [{ status: 400, body: "bad" }, ok(4)];
      const error = await requestCreate(opts, req, lookFor(null)).catch((e: unknown) => e);
      expect([error instanceof HttpError && error.status, looked, answers.length]).toEqual([400, 0, 1]);
      // read() turns the answer into the caller's value; a refusal it finds inside a 2xx (KeyCDN's envelope) is
      // neither looked for nor sent again.
      looked = 0;
      answers = [ok(6)];
      expect(await requestCreate(opts, req, async () => null, (res) => `n=${res.data!.n}`)).toBe("n=6");
      answers = [ok(7), ok(8)];
      const refusal = await requestCreate(opts, req, lookFor(null), (res) => {
        throw new HttpError("Op", res.status, "refused", res.headers);
      }).catch((e: unknown) => e);
      expect([refusal instanceof HttpError && refusal.status, looked, answers.length]).toEqual([200, 0, 1]);
      // request() itself does not resend a PUT marked not idempotent after a 503.
      answers = [{ status: 503, body: "busy" }, ok(5)];
      const once = await request(opts, { ...req, idempotent: false }).catch((e: unknown) => e);
      expect([once instanceof HttpError && once.status, answers.length]).toEqual([503, 1]);
    } finally {
      await server.close();
    }
  });
});
