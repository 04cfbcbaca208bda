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
import type { CloudfrontCredentials } from "./schema";

/**
 * Apply again after undo, and creates whose answer is lost: every create sends a CallerReference and an
 * IdempotencyToken of its own, so nothing from an earlier run (or an earlier try) comes back.
 * docs/providers/cloudfront.md#callerreference, #idempotencytoken, #distributionalreadyexists
 */

const KEY = "AKIAREAPPLYTESTKEY01";
const SECRET = "reapplyTestSecret/0000000000000000000000";
const HOST = "ablink.reapply.example.com";
const TAG = { Key: "created-by", Value: "ssl-click-tracking-wizard" };
const creds: CloudfrontCredentials = { accessKeyId: KEY, secretAccessKey: SECRET };

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
let ctx: ApplyContext;

beforeAll(async () => {
  fakes = await startCloudfrontFakes({ controls: true, accounts: { [KEY]: { secret: SECRET, accountId: "111122223333" } }, deployAfter: { calls: 1 }, issueAfterDescribes: 1, recordAfterDescribes: 1 });
  const unused = "http://127.0.0.1:9";
  ctx = { endpoints: { cloudfront: fakes.cloudfrontUrl, acm: fakes.acmUrl, cloudflare: unused, fastly: unused, keycdn: unused }, maxRetries: 2, maxRetryDelayMs: 50 };
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
});

const sdk = () => ({
  cf: new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials: creds, maxAttempts: 1 }),
  acm: new ACMClient({ region: "us-east-1", endpoint: fakes.acmUrl, credentials: creds, maxAttempts: 1 }),
});
const calls = async (url: string) => (await (await fetch(`${url}/__sandbox/calls`)).json()) as FakeCall[];
const faults = (url: string, list: Fault[]) => fetch(`${url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });

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

  it("a distribution someone made for the host after apply looked is adopted, not reported as created", async () => {
    await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx);
    const { cf, acm } = sdk();
    const { CertificateArn } = await acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS" }));
    for (let i = 0; i < 3; i++) await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    // Apply's first list is from before that distribution existed: it tries to create, and CloudFront says the name is taken.
    const emptyList = `<?xml version="1.0" encoding="UTF-8"?><DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>`;
    const theirs = (await cf.send(new CreateDistributionCommand({ DistributionConfig: distributionConfig(HOST, "sendgrid.net", CertificateArn!, newCallerReference()) }))).Distribution!;
    await faults(fakes.cloudfrontUrl, [{ match: "ListDistributions", status: 200, times: 1, contentType: "text/xml", body: emptyList }]);

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
    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx)).hosts[0]!;
    expect((await calls(fakes.cloudfrontUrl)).filter((c) => c.op === "CreateDistribution").map((c) => c.fault)).toEqual([409]);
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

describe("ACM answering a new request with a certificate that is gone", () => {
  it("drops that ARN and requests again with a new token", async () => {
    const { acm } = sdk();
    const { CertificateArn: dead } = await acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS" }));
    await acm.send(new DeleteCertificateCommand({ CertificateArn: dead }));
    // As ACM may answer a token it saw within the hour: with the ARN of a certificate undo has deleted since.
    await faults(fakes.acmUrl, [{ match: "RequestCertificate", status: 200, times: 1, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ CertificateArn: dead }) }]);

    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx)).hosts[0]!;
    const requests = (await calls(fakes.acmUrl)).filter((c) => c.op === "RequestCertificate");
    expect(requests.map((c) => c.fault)).toEqual([undefined, 200, undefined]);
    const [fresh] = (await account()).certificates;
    expect([h.outcome, h.error]).toEqual(["pending", undefined]);
    expect(h.resources).toEqual([{ kind: RESOURCE_KIND.acmCertificate, id: fresh, createdByThisRun: true, status: "Pending validation" }]);
    expect(fresh).not.toBe(dead);
  });

  it("fails with what to do when ACM keeps answering with a certificate that is gone", async () => {
    const { acm } = sdk();
    const { CertificateArn: dead } = await acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS" }));
    await acm.send(new DeleteCertificateCommand({ CertificateArn: dead }));
    await faults(fakes.acmUrl, [{ match: "RequestCertificate", status: 200, times: 2, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ CertificateArn: dead }) }]);

    const h = (await cloudfrontServer.apply(creds, { hosts: [HOST], region: "global" }, ctx)).hosts[0]!;
    expect((await calls(fakes.acmUrl)).filter((c) => c.op === "RequestCertificate").map((c) => c.fault)).toEqual([undefined, 200, 200]);
    expect([h.outcome, h.resources, h.error]).toEqual([
      "failed",
      [],
      {
        code: "StaleCertificate",
        message: `ACM answered the certificate request for ${HOST} with a certificate that no longer exists (one deleted within the last hour).`,
        action: "Apply again in a few minutes: each run asks with a new request token.",
      },
    ]);
  });
});
