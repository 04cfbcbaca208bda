import { describe, expect, it } from "vitest";
import { recordRead } from "./plan";
import { DNS_HOST_FACTS } from "./registry";
import type { LinkRecord } from "./types";

const HOST = "ablink.news.customer.com";
const CDN = "d111111abcdef8.cloudfront.net";
const zone = { id: "Z1", name: "customer.com" };

describe("the plan shown before any write", () => {
  it("Route 53: read, DELETE the exact record, CREATE the new one with the same TTL; a one-hour TTL is offered lowering to five minutes first", () => {
    const current: LinkRecord = { name: HOST, type: "CNAME", ttl: 3600, value: "sendgrid.net" };
    const read = recordRead(DNS_HOST_FACTS.route53, HOST, zone, current, CDN);
    expect(read.plan.next).toEqual({ name: HOST, type: "CNAME", ttl: 3600, value: CDN });
    expect(read.plan.changes.map((c) => [c.action, c.record.value])).toEqual([
      ["read", "sendgrid.net"],
      ["delete", "sendgrid.net"],
      ["create", CDN],
    ]);
    expect(read.plan.notes).toEqual(["After the switch, public resolvers may keep giving the old answer, sendgrid.net, for up to 1 hour (the old TTL)."]);
    expect(read.lowerTtlFirst).toEqual({ from: 3600, to: 300 });
  });

  it("Cloudflare DNS: a proxied record is made DNS only with flattening off, TTL Auto kept (five minutes: nothing to lower)", () => {
    const current: LinkRecord = { name: HOST, type: "CNAME", ttl: 1, value: "sendgrid.net", id: "r1", proxied: true, comment: "c", tags: ["a:b"], settings: { flatten_cname: true }, modifiedOn: "2026-01-01T00:00:00Z" };
    const read = recordRead(DNS_HOST_FACTS.cloudflare, HOST, zone, current, CDN);
    expect(read.plan.next).toEqual({ name: HOST, type: "CNAME", ttl: 1, value: CDN, id: "r1", proxied: false, comment: "c", tags: ["a:b"], settings: { flatten_cname: false } });
    expect(read.plan.changes.map((c) => c.action)).toEqual(["read", "read", "replace"]);
    expect(read.plan.notes).toEqual([
      "The record is proxied now: the switch makes it DNS only, so that Cloudflare DNS does not stand in front of the CDN.",
      "CNAME flattening is on for this record: the switch turns it off, so the CNAME to the CDN stays visible.",
      "After the switch, public resolvers may keep giving the old answer, sendgrid.net, for up to 5 minutes (the old TTL).",
    ]);
    expect(read.lowerTtlFirst).toBeUndefined();
  });

  it("a record that already points at the CDN: nothing to switch, nothing to lower", () => {
    const current: LinkRecord = { name: HOST, type: "CNAME", ttl: 3600, value: `${CDN}.` };
    const read = recordRead(DNS_HOST_FACTS.route53, HOST, zone, current, CDN);
    expect([read.plan.changes, read.plan.notes, read.lowerTtlFirst]).toEqual([[], [`${HOST} already points at ${CDN}: there is nothing to switch.`], undefined]);
  });
});
