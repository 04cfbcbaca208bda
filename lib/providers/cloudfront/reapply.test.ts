import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudFrontClient, CreateDistributionCommand, ListDistributionsCommand, ListTagsForResourceCommand } from "@aws-sdk/client-cloudfront";
import { ACMClient, DeleteCertificateCommand, DescribeCertificateCommand, ListCertificatesCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import type { ApplyContext } from "@/lib/providers/server-types";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import type { ApplyReport, UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import type { FakeCall, Fault } from "@/lib/sandbox/http-fake";
import { startCloudfrontFakes } from "@/lib/sandbox/fakes/cloudfront/start";
import { cloudfrontServer } from "./apply";
import { distributionConfig, newCallerReference } from "./distribution-config";
import type { CloudfrontCredentials } from "./credentials";

/**
 * Apply again after undo, and creates whose answer is lost: every create sends a CallerReference and an
 * IdempotencyToken of its own, so nothing from an earlier run (or an earlier try) comes back.
 * docs/providers/cloudfront.md#callerreference, #idempotencytoken, #distributionalreadyexists, #read-after-create
 */

const KEY = "AKIAREAPPLYTESTKEY01";
const SECRET = "reapplyTestSecret/0000000000000000000000";
const HOST = "ablink.reapply.example.com";
const TAG = { Key: "created-by", Value: "ssl-click-tracking-wizard" };
const creds: CloudfrontCredentials = { accessKeyId: KEY, secretAccessKey: SECRET };

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
let ctx: ApplyContext;
/** The waits apply asked for between looks (no real sleeps: the context's sleep only records them). */
let waits: number[] = [];

beforeAll(async () => {
  fakes = await startCloudfrontFakes({ controls: true, accounts: { [KEY]: { secret: SECRET, accountId: "111122223333" } }, deployAfter: { calls: 1 }, issueAfterDescribes: 1, recordAfterDescribes: 1 });
  const unused = "http://127.0.0.1:9";
  ctx = {
    endpoints: { cloudfront: fakes.cloudfrontUrl, acm: fakes.acmUrl, cloudflare: unused, fastly: unused, keycdn: unused },
    maxRetries: 2,
    maxRetryDelayMs: 50,
    sleep: async (ms) => void waits.push(ms),
  };
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
  waits = [];
});

const sdk = () => ({
  cf: new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials: creds, maxAttempts: 1 }),
  acm: new ACMClient({ region: "us-east-1", endpoint: fakes.acmUrl, credentials: creds, maxAttempts: 1 }),
});
const calls = async (url: string) => (await (await fetch(`${url}/__sandbox/calls`)).json()) as FakeCall[];
const faults = (url: string, list: Fault[]) => fetch(`${url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });
/** What the fake says about each call of one operation (the injected status, "dropped", or undefined: answered by the fake), after the first `skip` calls. */
const faultsOn = async (url: string, op: string, skip = 0) => (await calls(url)).slice(skip).filter((c) => c.op === op).map((c) => c.fault);
/** Starts a new part of a test: the number of calls each fake has seen, and no waits recorded. */
async function mark() {
  waits = [];
  return { cloudfront: (await calls(fakes.cloudfrontUrl)).length, acm: (await calls(fakes.acmUrl)).length };
}

/** ACM's answer for a certificate it does not show (botocore acm/2015-12-08: ResourceNotFoundException, JSON 1.1 error shape). */
const notFound = (times: number): Fault => ({
  match: "DescribeCertificate",
  status: 400,
  times,
  contentType: "application/x-amz-json-1.1",
  body: JSON.stringify({ __type: "ResourceNotFoundException", message: "Could not find certificate." }),
});
/** CloudFront's answer to ListDistributions in an account with none (REST-XML, 2020-05-31). */
const EMPTY_LIST = `<?xml version="1.0" encoding="UTF-8"?><DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>`;
const notListed = (times: number): Fault => ({ match: "ListDistributions", status: 200, times, contentType: "text/xml", body: EMPTY_LIST });

/** The account's distributions (id, aliases, domain) and certificates (ARN). */
async function account() {
  const { cf, acm } = sdk();
  const d = await cf.send(new ListDistributionsCommand({}));
  const c = await acm.send(new ListCertificatesCommand({ CertificateStatuses: ["ISSUED", "PENDING_VALIDATION"] }));
  return {
    distributions: (d.DistributionList?.Items ?? []).map((x) => ({ id: x.Id, aliases: x.Aliases?.Items, domain: x.DomainName, arn: x.ARN })),
    certificates: (c.CertificateSummaryList ?? []).map((x) => x.CertificateArn),
  };
}

/** Applies until complete, collecting what the session created; returns the targets and the last report. */
async function applyUntilDone(): Promise<{ targets: UndoTarget[]; report: ApplyReport }> {
  let targets: UndoTarget[] = [];
  for (let i = 0; i < 5; i++) {
    const report = await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx);
    targets = createdTargets(report, targets);
    if (report.complete) return { targets, report };
  }
  throw new Error("apply did not complete");
}

const idOf = (targets: UndoTarget[], kind: string) => targets.find((t) => t.kind === kind)!.id;

describe("CloudFront apply, undo, apply again", () => {
  it("creates a new certificate and a new distribution for the same host after undo removed the first ones", async () => {
    const first = await applyUntilDone();
    const [firstCert, firstDist] = [idOf(first.targets, RESOURCE_KIND.acmCertificate), idOf(first.targets, RESOURCE_KIND.cloudfrontDistribution)];

    // Undo: disable, wait for the deployment, delete (the certificate goes with the distribution).
    const undone = [];
    for (let i = 0; i < 3; i++) undone.push(await cloudfrontServer.undo(creds, first.targets, ctx));
    expect(undone.map((u) => u.results.map((r) => r.outcome))).toEqual([
      ["waiting", "waiting"],
      ["waiting", "waiting"],
      ["removed", "removed"],
    ]);
    expect(await account()).toEqual({ distributions: [], certificates: [] });

    const before = (await calls(fakes.acmUrl)).length;
    const again = await applyUntilDone();
    const [cert, dist] = [idOf(again.targets, RESOURCE_KIND.acmCertificate), idOf(again.targets, RESOURCE_KIND.cloudfrontDistribution)];
    expect([cert === firstCert, dist === firstDist]).toEqual([false, false]);
    const host = again.report.hosts[0]!;
    expect([host.outcome, host.error]).toEqual(["created", undefined]);
    const state = await account();
    expect(state).toEqual({ distributions: [{ id: dist, aliases: [HOST], domain: host.target, arn: `arn:aws:cloudfront::111122223333:distribution/${dist}` }], certificates: [cert] });
    // One request, answered with a certificate that exists: nothing was asked twice.
    expect((await calls(fakes.acmUrl)).slice(before).filter((c) => c.op === "RequestCertificate")).toHaveLength(1);
  });

  it("a create whose answer is lost, retried by the SDK and refused as DistributionAlreadyExists, ends created and reported", async () => {
    await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx); // the certificate
    await faults(fakes.cloudfrontUrl, [{ match: "CreateDistribution", status: 0, drop: "after-handling", times: 1 }]);
    const report = await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx);

    const creates = (await calls(fakes.cloudfrontUrl)).filter((c) => c.op === "CreateDistribution");
    expect(creates.map((c) => c.fault)).toEqual(["dropped", undefined]);
    const [only, ...more] = (await account()).distributions;
    expect(more).toEqual([]);
    expect(only?.aliases).toEqual([HOST]);
    const h = report.hosts[0]!;
    expect([h.outcome, h.target, h.error]).toEqual(["created", only?.domain, undefined]);
    expect(h.resources.map((r) => [r.kind, r.id, r.createdByThisRun, r.status])).toEqual([
      [RESOURCE_KIND.acmCertificate, (await account()).certificates[0], false, "Issued"],
      [RESOURCE_KIND.cloudfrontDistribution, only?.id, true, "Deploying"],
    ]);
    expect(h.summary).toBe(`Created distribution ${only?.id} (${only?.domain}). It is deploying (usually under 5 minutes): test it once its status is Deployed, then switch DNS.`);
    expect((await sdk().cf.send(new ListTagsForResourceCommand({ Resource: only!.arn }))).Tags).toEqual({ Items: [TAG] });
  });

  it("a distribution this run created that ListDistributions does not show at once is listed again, and reported as created", async () => {
    await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx); // the certificate
    // The create's answer is lost, the SDK's retry is refused (DistributionAlreadyExists), and the lists that
    // follow (the run's first list, then two after the refusal) do not show the new distribution yet.
    await faults(fakes.cloudfrontUrl, [{ match: "CreateDistribution", status: 0, drop: "after-handling", times: 1 }, notListed(3)]);
    const before = await mark();
    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx)).hosts[0]!;

    expect(await faultsOn(fakes.cloudfrontUrl, "CreateDistribution")).toEqual(["dropped", undefined]);
    expect(await faultsOn(fakes.cloudfrontUrl, "ListDistributions", before.cloudfront)).toEqual([200, 200, 200, undefined]);
    expect(waits).toEqual([50, 50]);
    const [only, ...more] = (await account()).distributions;
    expect(more).toEqual([]);
    expect([h.outcome, h.target, h.error]).toEqual(["created", only?.domain, undefined]);
    expect(h.resources.filter((r) => r.kind === RESOURCE_KIND.cloudfrontDistribution)).toEqual([
      { kind: RESOURCE_KIND.cloudfrontDistribution, id: only?.id, createdByThisRun: true, status: "Deploying" },
    ]);
  });

  it("a distribution someone made for the host after apply looked is adopted, not reported as created", async () => {
    await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx);
    const { cf, acm } = sdk();
    const { CertificateArn } = await acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS" }));
    for (let i = 0; i < 3; i++) await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    // Apply's first list is from before that distribution existed: it tries to create, and CloudFront says the name is taken.
    const theirs = (await cf.send(new CreateDistributionCommand({ DistributionConfig: distributionConfig(HOST, "sendgrid.net", CertificateArn!, newCallerReference()) }))).Distribution!;
    await faults(fakes.cloudfrontUrl, [notListed(1)]);

    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx)).hosts[0]!;
    expect((await calls(fakes.cloudfrontUrl)).filter((c) => c.fault !== undefined).map((c) => [c.op, c.fault])).toEqual([["ListDistributions", 200]]);
    expect([h.outcome, h.target, h.error]).toEqual(["unchanged", theirs.DomainName, undefined]);
    expect(h.resources.filter((r) => r.kind === RESOURCE_KIND.cloudfrontDistribution)).toEqual([{ kind: RESOURCE_KIND.cloudfrontDistribution, id: theirs.Id, createdByThisRun: false, status: "Deploying" }]);
    expect((await account()).distributions.map((d) => d.id)).toEqual([theirs.Id]);
  });

  it("DistributionAlreadyExists with no distribution to find says what to do", async () => {
    await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx);
    const body =
      "<ErrorResponse><Error><Type>Sender</Type><Code>DistributionAlreadyExists</Code><Message>The caller reference you attempted to create the distribution with is associated with another distribution.</Message></Error><RequestId>r</RequestId></ErrorResponse>";
    await faults(fakes.cloudfrontUrl, [{ match: "CreateDistribution", status: 409, times: 1, contentType: "text/xml", body }]);
    const before = await mark();
    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx)).hosts[0]!;
    expect((await calls(fakes.cloudfrontUrl)).filter((c) => c.op === "CreateDistribution").map((c) => c.fault)).toEqual([409]);
    // Listed once before the create and three times after the refusal (the first look and maxRetries more).
    expect([await faultsOn(fakes.cloudfrontUrl, "ListDistributions", before.cloudfront), waits]).toEqual([[undefined, undefined, undefined, undefined], [50, 50]]);
    expect([h.outcome, h.error]).toEqual([
      "failed",
      {
        code: "DistributionAlreadyExists",
        message: `CloudFront says this create request was already made (its caller reference was used before), but no distribution in this account serves ${HOST}.`,
        action: "Apply again: each run sends a new caller reference and first looks for what already exists.",
      },
    ]);
    expect((await account()).distributions).toEqual([]);
  });
});

describe("ACM not showing a certificate it has just been asked for", () => {
  it("is described again with growing waits, capped at maxRetryDelayMs: one certificate requested and reported", async () => {
    await faults(fakes.acmUrl, [notFound(3)]);
    const patient: ApplyContext = { ...ctx, maxRetries: 3, maxRetryDelayMs: 3_000 };
    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, patient)).hosts[0]!;

    expect(await faultsOn(fakes.acmUrl, "RequestCertificate")).toEqual([undefined]);
    // Three not found, then the certificate (without its record, then with it: describeWithRecords' 250 ms poll).
    expect(await faultsOn(fakes.acmUrl, "DescribeCertificate")).toEqual([400, 400, 400, undefined, undefined]);
    expect(waits).toEqual([1_000, 2_000, 3_000, 250]);
    const [only, ...more] = (await account()).certificates;
    expect(more).toEqual([]);
    expect([h.outcome, h.error, h.records.length]).toEqual(["pending", undefined, 1]);
    expect(h.resources).toEqual([{ kind: RESOURCE_KIND.acmCertificate, id: only, createdByThisRun: true, status: "Pending validation" }]);
  });

  it("still not shown after the waits: the ARN stays in the report and one more request is made", async () => {
    const { acm } = sdk();
    const { CertificateArn: dead } = await acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS" }));
    await acm.send(new DeleteCertificateCommand({ CertificateArn: dead }));
    // An ARN that DescribeCertificate never shows (here: one deleted before apply ran).
    await faults(fakes.acmUrl, [{ match: "RequestCertificate", status: 200, times: 1, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ CertificateArn: dead }) }]);

    const report = await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx);
    const h = report.hosts[0]!;
    expect(await faultsOn(fakes.acmUrl, "RequestCertificate")).toEqual([undefined, 200, undefined]);
    expect(waits).toEqual([50, 50, 250]);
    const [fresh] = (await account()).certificates;
    expect(fresh).not.toBe(dead);
    expect([h.outcome, h.error]).toEqual(["pending", undefined]);
    expect(h.resources).toEqual([
      { kind: RESOURCE_KIND.acmCertificate, id: dead, createdByThisRun: true, status: "Not shown by ACM yet" },
      { kind: RESOURCE_KIND.acmCertificate, id: fresh, createdByThisRun: true, status: "Pending validation" },
    ]);
    // Undo takes both: the one ACM never showed is already gone.
    const undo = await cloudfrontServer.undo(creds, createdTargets(report), ctx);
    expect(undo.results.map((r) => [r.id, r.outcome, r.message])).toEqual([
      [dead, "removed", "Already gone: it no longer exists in this account."],
      [fresh, "removed", `Deleted the certificate for ${HOST}.`],
    ]);
  });

  it("fails with what to do when neither of two requests gives a certificate ACM shows", async () => {
    const { acm } = sdk();
    const { CertificateArn: dead } = await acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS" }));
    await acm.send(new DeleteCertificateCommand({ CertificateArn: dead }));
    await faults(fakes.acmUrl, [{ match: "RequestCertificate", status: 200, times: 2, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ CertificateArn: dead }) }]);

    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx)).hosts[0]!;
    expect(await faultsOn(fakes.acmUrl, "RequestCertificate")).toEqual([undefined, 200, 200]);
    expect(waits).toEqual([50, 50, 50, 50]);
    expect([h.outcome, h.resources, h.error]).toEqual([
      "failed",
      [{ kind: RESOURCE_KIND.acmCertificate, id: dead, createdByThisRun: true, status: "Not shown by ACM yet" }],
      {
        code: "StaleCertificate",
        message: `ACM accepted two certificate requests for ${HOST} but showed no usable certificate for either: not found even after waiting, or expired, revoked or timed out.`,
        action: "Apply again in a few minutes: ACM can be slow to show a new certificate, and apply then uses the one it finds. What apply asked for is listed here, so undo can remove it.",
      },
    ]);
  });
});
