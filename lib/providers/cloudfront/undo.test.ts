import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudFrontClient, CreateDistributionCommand, GetDistributionConfigCommand, ListDistributionsCommand, UpdateDistributionCommand } from "@aws-sdk/client-cloudfront";
import { ACMClient, DescribeCertificateCommand, ListCertificatesCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import type { ApplyContext } from "@/lib/providers/server-types";
import { RESOURCE_KIND } from "@/lib/providers/resource-kinds";
import type { UndoTarget } from "@/lib/providers/types";
import { createdTargets } from "@/lib/providers/undo-targets";
import { startCloudfrontFakes } from "@/lib/sandbox/fakes/cloudfront/start";
import { cloudfrontServer } from "./apply";
import { distributionConfig } from "./distribution-config";
import type { CloudfrontCredentials } from "./credentials";

const KEY = "AKIAUNDOTESTKEY00001";
const SECRET = "undoTestSecret/0000000000000000000000000";
const DENIED = "AKIAAPPLYDENIED00009";
const A = "ablink.undo-a.example.com";
const B = "ablink.undo-b.example.com";
const C = "ablink.undo-c.example.com";
const creds = (accessKeyId = KEY): CloudfrontCredentials => ({ accessKeyId, secretAccessKey: SECRET });
const GONE = "Already gone: it no longer exists in this account.";

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
let ctx: ApplyContext;

beforeAll(async () => {
  // Same account for both keys: the denied key sees what the good key created.
  fakes = await startCloudfrontFakes({
    controls: true,
    accounts: { [KEY]: { secret: SECRET, accountId: "111122223333" }, [DENIED]: { secret: SECRET, accountId: "111122223333" } },
    deployAfter: { calls: 1 },
    issueAfterDescribes: 1,
    recordAfterDescribes: 1,
  });
  const unused = "http://127.0.0.1:9";
  ctx = { endpoints: { cloudfront: fakes.cloudfrontUrl, acm: fakes.acmUrl, cloudflare: unused, fastly: unused, keycdn: unused }, maxRetries: 1, maxRetryDelayMs: 100 };
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
});

const ops = async () =>
  (await Promise.all([fakes.cloudfrontUrl, fakes.acmUrl].map(async (u) => ((await (await fetch(`${u}/__sandbox/calls`)).json()) as { op: string }[]).map((c) => c.op)))).flat();
const WRITES = new Set(["UpdateDistribution", "DeleteDistribution", "DeleteCertificate"]);
const writes = async () => (await ops()).filter((o) => WRITES.has(o));

const sdk = () => ({
  cf: new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials: creds(), maxAttempts: 1 }),
  acm: new ACMClient({ region: "us-east-1", endpoint: fakes.acmUrl, credentials: creds(), maxAttempts: 1 }),
});

async function accountState() {
  const { cf, acm } = sdk();
  const d = await cf.send(new ListDistributionsCommand({}));
  const c = await acm.send(new ListCertificatesCommand({ CertificateStatuses: ["ISSUED", "PENDING_VALIDATION"] }));
  return { distributions: (d.DistributionList?.Items ?? []).map((x) => x.Id), certificates: (c.CertificateSummaryList ?? []).map((x) => x.CertificateArn) };
}

/** Applies until done, collecting what each run created (the certificate in one run, the distribution in a later one). */
async function applied(hosts: string[]): Promise<UndoTarget[]> {
  let targets: UndoTarget[] = [];
  for (let i = 0; i < 5; i++) {
    const report = await cloudfrontServer.apply(creds(), { hosts, region: "global" }, ctx);
    targets = createdTargets(report, targets);
    if (report.complete) return targets;
  }
  throw new Error("apply did not complete");
}

/** A certificate and distribution someone made by hand: no tag. */
async function handmade(host: string) {
  const { cf, acm } = sdk();
  const { CertificateArn } = await acm.send(new RequestCertificateCommand({ DomainName: host, ValidationMethod: "DNS" }));
  for (let i = 0; i < 3; i++) await acm.send(new DescribeCertificateCommand({ CertificateArn }));
  const config = { ...distributionConfig(host, "sendgrid.net", CertificateArn!), CallerReference: `manual-${host}` };
  const d = (await cf.send(new CreateDistributionCommand({ DistributionConfig: config }))).Distribution!;
  return { arn: CertificateArn!, id: d.Id! };
}

describe("CloudFront undo", () => {
  it("disables the distribution, waits for the deployment, then deletes it and its certificate", async () => {
    const targets = await applied([A]);
    expect(targets.map((t) => [t.kind, t.host])).toEqual([
      [RESOURCE_KIND.acmCertificate, A],
      [RESOURCE_KIND.cloudfrontDistribution, A],
    ]);
    const [cert, dist] = targets as [UndoTarget, UndoTarget];

    const first = await cloudfrontServer.undo(creds(), targets, ctx);
    expect(first.complete).toBe(false);
    expect(first.results.map((r) => [r.id, r.outcome, r.message, r.retryInMinutes])).toEqual([
      [cert.id, "waiting", "Deleted after the distribution that uses it is gone: undo again then.", 5],
      [dist.id, "waiting", `Disabled: it no longer serves ${A}. CloudFront is deploying that change. Deletion is possible once that is deployed, in about 5 minutes: undo again then.`, 5],
    ]);
    expect(await writes()).toEqual(["UpdateDistribution"]);
    const { DistributionConfig: disabled } = await sdk().cf.send(new GetDistributionConfigCommand({ Id: dist.id }));
    expect(disabled?.Enabled).toBe(false);
    expect(disabled?.Aliases?.Items).toEqual([A]);

    // Still deploying the change: nothing is written, undo says so again.
    const second = await cloudfrontServer.undo(creds(), targets, ctx);
    expect(second.results.map((r) => [r.outcome, r.message])).toEqual([
      ["waiting", "Deleted after the distribution that uses it is gone: undo again then."],
      ["waiting", "Disabled; CloudFront is still deploying that change. Deletion is possible once that is deployed, in about 5 minutes: undo again then."],
    ]);
    expect(await writes()).toEqual(["UpdateDistribution"]);

    // Deployed: deleted, then the certificate it used.
    const third = await cloudfrontServer.undo(creds(), targets, ctx);
    expect(third.complete).toBe(true);
    expect(third.results.map((r) => [r.outcome, r.message])).toEqual([
      ["removed", `Deleted the certificate for ${A}.`],
      ["removed", `Deleted distribution ${dist.id}.`],
    ]);
    expect(await writes()).toEqual(["UpdateDistribution", "DeleteDistribution", "DeleteCertificate"]);
    expect(await accountState()).toEqual({ distributions: [], certificates: [] });

    const fourth = await cloudfrontServer.undo(creds(), targets, ctx);
    expect(fourth.results.map((r) => [r.outcome, r.message])).toEqual([
      ["removed", GONE],
      ["removed", GONE],
    ]);
    expect(await writes()).toEqual(["UpdateDistribution", "DeleteDistribution", "DeleteCertificate"]);
  });

  it("a certificate apply requested but no distribution yet is deleted at once", async () => {
    const report = await cloudfrontServer.apply(creds(), { hosts: [B], region: "global" }, ctx);
    const targets = createdTargets(report);
    expect(targets.map((t) => t.kind)).toEqual([RESOURCE_KIND.acmCertificate]);
    const undo = await cloudfrontServer.undo(creds(), targets, ctx);
    expect(undo.results.map((r) => [r.outcome, r.message])).toEqual([["removed", `Deleted the certificate for ${B}.`]]);
    expect(await accountState()).toEqual({ distributions: [], certificates: [] });
  });

  it("refuses what it did not create: a hand-made distribution and certificate, a distribution that gained a name, other ids", async () => {
    const manual = await handmade(B);
    const ours = await applied([A]);
    const dist = ours.find((t) => t.kind === RESOURCE_KIND.cloudfrontDistribution)!;
    // Someone adds a second alternate domain name to the distribution apply created (with a wildcard certificate for both).
    const { cf, acm } = sdk();
    const { CertificateArn: wildcard } = await acm.send(new RequestCertificateCommand({ DomainName: "*.undo-a.example.com", ValidationMethod: "DNS" }));
    for (let i = 0; i < 3; i++) await acm.send(new DescribeCertificateCommand({ CertificateArn: wildcard }));
    const current = await cf.send(new GetDistributionConfigCommand({ Id: dist.id }));
    const config = current.DistributionConfig!;
    await cf.send(
      new UpdateDistributionCommand({
        Id: dist.id,
        IfMatch: current.ETag,
        DistributionConfig: { ...config, Aliases: { Quantity: 2, Items: [A, "www.undo-a.example.com"] }, ViewerCertificate: { ...config.ViewerCertificate, ACMCertificateArn: wildcard } },
      }),
    );
    const before = await accountState();
    const writesBefore = (await writes()).length;

    const report = await cloudfrontServer.undo(
      creds(),
      [
        { kind: RESOURCE_KIND.cloudfrontDistribution, id: manual.id, host: B },
        { kind: RESOURCE_KIND.acmCertificate, id: manual.arn, host: B },
        dist,
        { kind: RESOURCE_KIND.cloudfrontDistribution, id: "../../distribution", host: A },
        { kind: RESOURCE_KIND.acmCertificate, id: "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012", host: A },
      ],
      ctx,
    );
    expect(report.results.map((r) => [r.outcome, r.message])).toEqual([
      ["refused", "Not removed: it does not carry the tag created-by=ssl-click-tracking-wizard that apply puts on the distributions it creates."],
      ["refused", "Not removed: it does not carry the tag created-by=ssl-click-tracking-wizard that apply puts on the certificates it requests."],
      ["refused", "Not removed: it now also serves www.undo-a.example.com, which apply did not add. Remove those alternate domain names first if you mean to delete it."],
      ["refused", "Not removed: ../../distribution is not a CloudFront distribution id."],
      ["refused", "Not removed: arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012 is not the ARN of an ACM certificate in us-east-1."],
    ]);
    expect((await writes()).length).toBe(writesBefore);
    expect(await accountState()).toEqual(before);

    // A certificate apply requested is ours, but a distribution that is not being removed still uses it.
    const other = await applied([C]);
    const cert = other.find((t) => t.kind === RESOURCE_KIND.acmCertificate)!;
    const otherDist = other.find((t) => t.kind === RESOURCE_KIND.cloudfrontDistribution)!;
    const alone = await cloudfrontServer.undo(creds(), [cert], ctx);
    expect(alone.results.map((r) => [r.outcome, r.message])).toEqual([
      [
        "refused",
        `Not removed: it is in use by arn:aws:cloudfront::111122223333:distribution/${otherDist.id}, which this undo does not remove. Take it off there first if you mean to delete it.`,
      ],
    ]);
    expect((await writes()).length).toBe(writesBefore);
  });

  it("refuses a distribution apply tagged when asked to undo it for a host it does not serve", async () => {
    const dist = (await applied([A])).find((t) => t.kind === RESOURCE_KIND.cloudfrontDistribution)!;
    const report = await cloudfrontServer.undo(creds(), [{ ...dist, host: C }], ctx);
    expect(report.results.map((r) => [r.outcome, r.message])).toEqual([["refused", `Not removed: it does not serve ${C}.`]]);
    expect(await writes()).toEqual([]);
  });

  it("ACM still counting the certificate as in use is a wait, not a failure", async () => {
    const report = await cloudfrontServer.apply(creds(), { hosts: [B], region: "global" }, ctx);
    const targets = createdTargets(report);
    await fetch(`${fakes.acmUrl}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify([{ match: "DeleteCertificate", status: 400, times: 1, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ __type: "ResourceInUseException", message: "Certificate is in use." }) }]),
    });
    const first = await cloudfrontServer.undo(creds(), targets, ctx);
    expect(first.results.map((r) => [r.outcome, r.message, r.retryInMinutes])).toEqual([
      ["waiting", "ACM still counts it as in use (it does for a while after a distribution is deleted). Undo again in a few minutes.", 5],
    ]);
    const second = await cloudfrontServer.undo(creds(), targets, ctx);
    expect(second.results.map((r) => r.outcome)).toEqual(["removed"]);
  });

  it("a key without write permission is told which permission is missing, and nothing changes", async () => {
    const targets = await applied([A]);
    const report = await cloudfrontServer.undo(creds(DENIED), targets, ctx);
    expect(report.complete).toBe(false);
    const dist = report.results.find((r) => r.kind === RESOURCE_KIND.cloudfrontDistribution)!;
    expect([dist.outcome, dist.error?.code, dist.error?.message]).toEqual(["failed", "AccessDenied", "The AWS credentials are not allowed cloudfront:UpdateDistribution."]);
    // The certificate waits for its distribution, which could not be disabled.
    expect(report.results.find((r) => r.kind === RESOURCE_KIND.acmCertificate)?.outcome).toBe("waiting");
    expect(await writes()).toEqual(["UpdateDistribution"]);
    expect((await accountState()).distributions).toEqual([dist.id]);
  });
});
