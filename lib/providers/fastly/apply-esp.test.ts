import { describe, expect, it } from "vitest";
import type { Fault } from "@/lib/sandbox/http-fake";
import { FastlyFake } from "@/lib/sandbox/fakes/fastly/fake";
import { withFakeServer } from "@/lib/testing/fake-server";
import { fastlyServer } from "./apply";

/**
 * Fastly apply for each email provider's rules against the fake: the fallback TTL is the ESP's, the backend reaches
 * its origin, and for Amazon SES a request header object drops Cookie (docs/providers/fastly.md#per-email-provider).
 */
const TOKEN = "espFastlyToken000000000000000001";
const fake = new FastlyFake({ tokens: { [TOKEN]: { scope: "global" } }, readsPerState: 1 });
const fx = withFakeServer(fake, "fastly");
const creds = { apiToken: TOKEN };
const calls = async () => (await (await fetch(`${fx.server.url}/__sandbox/calls`)).json()) as { op: string; fault?: number | "dropped" }[];
const faults = (list: Fault[]) => fetch(`${fx.server.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
const WRITES = /^(Create|Update|Clone|Activate)/;

describe("Fastly apply per email provider", () => {
  it("Amazon SES: creates the no-cookies header with the service, and a re-run writes nothing", async () => {
    const host = "click.ses.example.com";
    const report = await fastlyServer.apply(creds, { hosts: [host], esp: "ses", region: "eu-west-2" }, fx.ctx);
    expect(report.hosts[0]!.error).toBeUndefined();
    const version = fake.state().services.find((s) => s.name.endsWith(host))!.versions[0]!;
    expect(version.backends.map((b) => [b.name, b.address, b.ssl_cert_hostname])).toEqual([["ses", "r.eu-west-2.awstrack.me", "r.eu-west-2.awstrack.me"]]);
    expect(version.headers.map((h) => [h.name, h.action, h.type, h.dst, h.priority])).toEqual([["ssl-click-tracking-no-cookies", "delete", "request", "http.Cookie", "10"]]);
    expect(version.settings.default_ttl).toBe(0);

    const before = (await calls()).length;
    const again = await fastlyServer.apply(creds, { hosts: [host], esp: "ses", region: "eu-west-2" }, fx.ctx);
    expect(again.hosts[0]!.differences).toEqual([]);
    expect((await calls()).slice(before).filter((c) => WRITES.test(c.op))).toEqual([]);
  });

  it("Amazon SES: an adopted service without the header is reported and fixed on a new version", async () => {
    const host = "click.ses-adopt.example.com";
    await fastlyServer.apply(creds, { hosts: [host], esp: "sendgrid", region: "global" }, fx.ctx);
    // The same host, now for SES: another origin, and the cookies must go.
    const report = await fastlyServer.apply(creds, { hosts: [host], esp: "ses", region: "us-east-1" }, fx.ctx);
    const h = report.hosts[0]!;
    expect(h.differences).toEqual([
      'Version 1 has no host named "ses". Fix: add it, pointing at Amazon SES.',
      'The header "ssl-click-tracking-no-cookies" is missing, so the visitor\'s cookies reach Amazon SES, which refuses requests past 8192 bytes of headers and cookies. Fix: a request header that does delete http.Cookie.',
      'The service also has a host "sendgrid", which may take the traffic. Fix: remove it unless you added it on purpose (apply leaves it).',
    ]);
    const active = fake.state().services.find((s) => s.name.endsWith(host))!.versions.find((v) => v.active)!;
    expect([active.number, active.headers.map((x) => x.name)]).toEqual([2, ["ssl-click-tracking-no-cookies"]]);
  });

  it("SparkPost: fallback TTL 10 and no header; a lost header create is not made twice", async () => {
    const host = "click.sp.example.com";
    const report = await fastlyServer.apply(creds, { hosts: [host], esp: "sparkpost", region: "eu" }, fx.ctx);
    expect(report.hosts[0]!.error).toBeUndefined();
    const version = fake.state().services.find((s) => s.name.endsWith(host))!.versions[0]!;
    expect([version.settings.default_ttl, version.headers, version.backends[0]!.address]).toEqual([10, [], "eu.spgo.io"]);

    const ses = "click.ses-lost.example.com";
    await faults([{ match: "CreateHeader", status: 500, drop: "after-handling", times: 1 }]);
    const lost = await fastlyServer.apply(creds, { hosts: [ses], esp: "ses", region: "us-east-1" }, fx.ctx);
    expect(lost.hosts[0]!.error).toBeUndefined();
    expect((await calls()).filter((c) => c.op === "CreateHeader").map((c) => c.fault)).toContain("dropped");
    expect(fake.state().services.find((s) => s.name.endsWith(ses))!.versions[0]!.headers).toHaveLength(1);
  });
});
