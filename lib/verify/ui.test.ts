import { describe, expect, it } from "vitest";
import type { VerifyReport } from "./types";
import { checkTargetInput, formatElapsed, nextPollMs, POLL_EVERY_MS, POLL_FOR_AT_MOST_MS, verifyQueryString } from "./ui";

const report = (pending: boolean) => ({ pending }) as VerifyReport;

describe("polling", () => {
  it("polls only while something is pending, and stops by itself at the cap", () => {
    expect(nextPollMs(undefined, false, undefined, 0)).toBe(false);
    expect(nextPollMs(report(false), false, undefined, 0)).toBe(false);
    expect(nextPollMs(report(true), true, 0, 1)).toBe(false);
    expect(nextPollMs(report(true), false, 1_000, 1_000)).toBe(POLL_EVERY_MS);
    expect(nextPollMs(report(true), false, 1_000, 1_000 + POLL_FOR_AT_MOST_MS - 1)).toBe(POLL_EVERY_MS);
    expect(nextPollMs(report(true), false, 1_000, 1_000 + POLL_FOR_AT_MOST_MS)).toBe(false);
  });

  it("formats elapsed time as m:ss", () => {
    expect([formatElapsed(-5), formatElapsed(999), formatElapsed(61_000), formatElapsed(600_000)]).toEqual(["0:00", "0:00", "1:01", "10:00"]);
  });
});

describe("the /api/verify query", () => {
  it("sends targets one per host only when one is known, the link, and a non-default region", () => {
    expect(verifyQueryString({ cdn: "cloudfront", region: "global", hosts: ["a.b.example.com", "c.b.example.com"], targets: [null, null] })).toBe("cdn=cloudfront&host=a.b.example.com&host=c.b.example.com");
    expect(
      verifyQueryString({ cdn: "keycdn", region: "eu", hosts: ["a.b.example.com", "c.b.example.com"], targets: ["z-1a.kxcdn.com", null], link: "/ls/click?upn=u001.x" }),
    ).toBe("cdn=keycdn&host=a.b.example.com&host=c.b.example.com&target=z-1a.kxcdn.com&target=&link=%2Fls%2Fclick%3Fupn%3Du001.x&region=eu");
  });
});

describe("CDN address field", () => {
  it("normalises a hostname and refuses the link host or anything else", () => {
    expect(checkTargetInput(" D111.CloudFront.net. ", "ablink.x.example.com")).toEqual({ ok: true, target: "d111.cloudfront.net" });
    expect(checkTargetInput("ablink.x.example.com", "ablink.x.example.com")).toEqual({ ok: false, message: "is the link host itself: give the CDN's own address." });
    expect(checkTargetInput("https://d1.cloudfront.net/", "ablink.x.example.com")).toEqual({
      ok: false,
      message: "is not a hostname: copy the CDN's address, e.g. d111111abcdef8.cloudfront.net.",
    });
  });
});
