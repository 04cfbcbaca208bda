import { describe, expect, it } from "vitest";
import { fastlyServer } from "./apply";
import { FastlyClient } from "./client";
import { FastlyFake } from "@/lib/sandbox/fakes/fastly/fake";
import { withFakeServer } from "@/lib/testing/fake-server";

/**
 * `PUT …/version/{v}/clone` makes a new version every time Fastly carries it out, so a clone whose answer
 * is lost must be found and adopted, never repeated (docs/providers/fastly.md#clone).
 */

const TOKEN = "cloneFastlyToken0000000000000001";
const HOST = "ablink.clone.customer.com";
const fake = new FastlyFake({ tokens: { [TOKEN]: { scope: "global" } } });
const fx = withFakeServer(fake, "fastly");

const { faults, calls } = fx;

/** A service for HOST whose active (locked) version 1 needs a fix, so apply must clone it. */
async function activeServiceNeedingFix(): Promise<string> {
  const api = new FastlyClient({ baseUrl: fx.server.url, token: TOKEN });
  const svc = await api.createService(`ssl-click-tracking ${HOST}`, "vcl");
  await api.createDomain(svc.id, 1, HOST);
  await api.createBackend(svc.id, 1, {
    name: "sendgrid",
    address: "sendgrid.net",
    port: 443,
    use_ssl: true,
    ssl_check_cert: true,
    ssl_cert_hostname: "sendgrid.net",
    ssl_sni_hostname: "sendgrid.net",
    min_tls_version: "1.2",
  });
  await api.activateVersion(svc.id, 1);
  return svc.id;
}

/** The version calls after setup, as `op fault`. */
async function versionCalls(from: number): Promise<string[]> {
  return (await calls())
    .slice(from)
    .filter((c) => c.op === "CloneVersion" || c.op === "ListVersions")
    .map((c) => (c.fault === undefined ? c.op : `${c.op} ${c.fault}`));
}

async function applyAndCheck(serviceId: string): Promise<void> {
  const r = (await fastlyServer.apply({ apiToken: TOKEN }, { hosts: [HOST], region: "global" }, fx.ctx)).hosts[0]!;
  expect(r.error).toBeUndefined();
  expect(r.outcome).toBe("pending");
  expect(r.resources[0]).toEqual({ kind: "Fastly service", id: serviceId, createdByThisRun: false, status: "active version 2" });
  const service = fake.state().services.find((s) => s.id === serviceId)!;
  // Exactly one new version: the clone, fixed and activated.
  expect(service.versions.map((v) => [v.number, v.active, v.locked])).toEqual([
    [1, false, true],
    [2, true, true],
  ]);
  expect(service.versions[1]!.settings.default_ttl).toBe(0);
}

describe("Fastly apply when a version clone fails", () => {
  it("a clone whose answer is lost is found in the version list and adopted, not made again", async () => {
    const id = await activeServiceNeedingFix();
    const from = (await calls()).length;
    await faults([{ match: "CloneVersion", status: 0, drop: "after-handling", times: 5 }]);
    await applyAndCheck(id);
    expect(await versionCalls(from)).toEqual(["CloneVersion dropped", "ListVersions"]);
  });

  it("a clone answered 503 (not carried out) is sent again once the version list shows no new draft", async () => {
    const id = await activeServiceNeedingFix();
    const from = (await calls()).length;
    await faults([{ match: "CloneVersion", status: 503, times: 1, body: '{"msg":"Service Unavailable"}' }]);
    await applyAndCheck(id);
    expect(await versionCalls(from)).toEqual(["CloneVersion 503", "ListVersions", "CloneVersion"]);
  });

  it("a clone that times out is sent again only after the version list shows no new draft", async () => {
    const id = await activeServiceNeedingFix();
    const from = (await calls()).length;
    await faults([{ match: "CloneVersion", status: 200, times: 1, delayMs: 1000, body: "{}" }]);
    const quick = fx.ctx;
    fx.ctx = { ...fx.ctx, requestTimeoutMs: 200 };
    try {
      await applyAndCheck(id);
    } finally {
      fx.ctx = quick;
    }
    expect(await versionCalls(from)).toEqual(["CloneVersion 200", "ListVersions", "CloneVersion"]);
  });

  it("a draft someone else left above the newest known version is not mistaken for ours", async () => {
    const id = await activeServiceNeedingFix();
    const api = new FastlyClient({ baseUrl: fx.server.url, token: TOKEN });
    // Known before the clone: versions 1 (active) and 2 (a draft); the clone of 1 becomes 3.
    await api.cloneVersion(id, 1, 1);
    await faults([{ match: "CloneVersion", status: 0, drop: "after-handling", times: 1 }]);
    const adopted = await api.cloneVersion(id, 1, 2);
    expect(adopted).toMatchObject({ number: 3, active: false, locked: false });
    expect(fake.state().services[0]!.versions.map((v) => v.number)).toEqual([1, 2, 3]);
  });
});
