import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudFrontClient, CreateDistributionCommand, type DistributionConfig } from "@aws-sdk/client-cloudfront";
import { ACMClient, DescribeCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import type { ApplyContext } from "@/lib/providers/server-types";
import type { PlanInput } from "@/lib/domain/plan";
import { startCloudfrontFakes } from "@/lib/sandbox/fakes/cloudfront/start";
import { cloudfrontServer } from "./apply";
import { distributionConfig } from "./distribution-config";
import { scrubberFor } from "@/lib/providers/engine/scrub";
import { CLOUDFRONT_SCRUB } from "./client";
import { AwsCallError, translateError } from "./errors";
import type { CloudfrontCredentials } from "./credentials";

const KEY = "AKIAAPPLYTESTKEY0001";
const SECRET = "applyTestSecret/000000000000000000000000";
const OTHER = "AKIAAPPLYOTHERACCT01"; // another AWS account
const DENIED = "AKIAAPPLYDENIED00003";
const EXPIRED = "ASIAEXPIRED000000001";
const CANARY = { accessKeyId: "AKIACANARYKEY0000001", secretAccessKey: `canary/${"Zq9".repeat(11)}`, sessionToken: "canary-session-token-value-7f3a9c" };

const A = "ablink.news.example.com";
const B = "ablink.info.example.com";
const input = (...hosts: string[]): PlanInput => ({ hosts, region: "global" });
const creds = (accessKeyId = KEY, secretAccessKey = SECRET): CloudfrontCredentials => ({ accessKeyId, secretAccessKey });

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
let ctx: ApplyContext;

beforeAll(async () => {
  fakes = await startCloudfrontFakes({
    controls: true,
    accounts: { [KEY]: SECRET, [OTHER]: SECRET, [DENIED]: SECRET, [EXPIRED]: SECRET, [CANARY.accessKeyId]: CANARY.secretAccessKey },
    deployAfter: { calls: 1 },
    issueAfterDescribes: 1,
    recordAfterDescribes: 1,
  });
  const unused = "http://127.0.0.1:9";
  // Waits between looks for what a run has just created return at once (read-after-create.ts).
  ctx = { endpoints: { cloudfront: fakes.cloudfrontUrl, acm: fakes.acmUrl, cloudflare: unused, fastly: unused, keycdn: unused }, maxRetries: 2, maxRetryDelayMs: 200, sleep: async () => {} };
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
});

/** Operations each fake has seen, CloudFront's then ACM's. */
const callLog = () =>
  Promise.all([fakes.cloudfrontUrl, fakes.acmUrl].map(async (u) => ((await (await fetch(`${u}/__sandbox/calls`)).json()) as { op: string }[]).map((c) => c.op)));
const calls = async () => (await callLog()).flat();
/** Operations seen since `before` (a callLog() result). */
const since = async (before: string[][]) => (await callLog()).flatMap((ops, i) => ops.slice(before[i]!.length));
const count = (ops: string[], op: string) => ops.filter((o) => o === op).length;
const faults = (url: string, list: unknown[]) => fetch(`${url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(list) });

/** Sets up a distribution serving `host` directly through the SDK, as someone did by hand. */
async function existingDistribution(host: string, key: string, edit: (c: DistributionConfig) => DistributionConfig = (c) => c) {
  const credentials = creds(key);
  const acm = new ACMClient({ region: "us-east-1", endpoint: fakes.acmUrl, credentials, maxAttempts: 1 });
  const { CertificateArn } = await acm.send(new RequestCertificateCommand({ DomainName: host, ValidationMethod: "DNS" }));
  for (let i = 0; i < 3; i++) await acm.send(new DescribeCertificateCommand({ CertificateArn }));
  const cf = new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials, maxAttempts: 1 });
  const config = edit({ ...distributionConfig(host, "sendgrid.net", CertificateArn!), CallerReference: `manual-${host}` });
  return (await cf.send(new CreateDistributionCommand({ DistributionConfig: config }))).Distribution!;
}

describe("cloudfrontServer.apply against the fakes", () => {
  it("takes two hosts from pending validation to created, and a re-run changes nothing", async () => {
    const first = await cloudfrontServer.apply(creds(), input(A, B), ctx);
    expect(first.complete).toBe(false);
    for (const [i, host] of [A, B].entries()) {
      const h = first.hosts[i]!;
      expect([h.host, h.outcome, h.error]).toEqual([host, "pending", undefined]);
      expect(h.records).toHaveLength(1);
      const record = h.records[0]!;
      expect(record.name).toMatch(new RegExp(`^_[0-9a-f]{32}\\.${host.replace(/\./g, "\\.")}$`));
      expect(record.value).toMatch(/^_[0-9a-f]{32}\.[0-9a-f]{10}\.acm-validations\.aws$/);
      expect([record.type, record.phase, record.zone, record.relativeName]).toEqual(["CNAME", "setup", "example.com", record.name.replace(/\.example\.com$/, "")]);
      expect(h.resources.map((r) => [r.kind, r.createdByThisRun, r.status])).toEqual([["ACM certificate", true, "Pending validation"]]);
    }

    const second = await cloudfrontServer.apply(creds(), input(A, B), ctx);
    expect(second.complete).toBe(true);
    for (const h of second.hosts) {
      expect([h.outcome, h.records, h.error]).toEqual(["created", [], undefined]);
      expect(h.target).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
      expect(h.resources.map((r) => [r.kind, r.createdByThisRun, r.status])).toEqual([
        ["ACM certificate", false, "Issued"],
        ["CloudFront distribution", true, "Deploying"],
      ]);
      expect(h.summary).toContain("It is deploying (usually under 5 minutes)");
    }

    const deploying = await cloudfrontServer.status(creds(), input(A, B), ctx);
    expect(deploying.hosts.map((h) => [h.outcome, h.resources[0]?.status])).toEqual([["pending", "Deploying"], ["pending", "Deploying"]]);
    const deployed = await cloudfrontServer.status(creds(), input(A, B), ctx);
    expect(deployed.hosts.map((h) => [h.outcome, h.resources[0]?.status, h.target])).toEqual(second.hosts.map((h) => ["unchanged", "Deployed", h.target]));
    expect(deployed.complete).toBe(true);

    const before = await callLog();
    const third = await cloudfrontServer.apply(creds(), input(A, B), ctx);
    const during = await since(before);
    expect(third.hosts.map((h) => [h.outcome, h.differences, h.target])).toEqual(second.hosts.map((h) => ["unchanged", [], h.target]));
    expect(during.filter((op) => /^(Create|Request|Update|Delete)/.test(op))).toEqual([]);
    const all = await calls();
    expect([count(all, "CreateDistribution"), count(all, "RequestCertificate")]).toEqual([2, 2]);
  });

  it("adopts a distribution that already serves the host and reports how it differs", async () => {
    const existing = await existingDistribution(A, KEY, (c) => ({
      ...c,
      DefaultCacheBehavior: { ...c.DefaultCacheBehavior!, AllowedMethods: { Quantity: 2, Items: ["GET", "HEAD"], CachedMethods: { Quantity: 2, Items: ["GET", "HEAD"] } } },
    }));
    const before = await callLog();
    const report = await cloudfrontServer.apply(creds(), input(A), ctx);
    const h = report.hosts[0]!;
    expect([h.outcome, h.target, h.error]).toEqual(["unchanged", existing.DomainName, undefined]);
    expect(h.differences).toEqual([
      "Allowed HTTP methods are GET, HEAD: OPTIONS, PUT, POST, PATCH, DELETE cannot pass. One-click List-Unsubscribe is a POST from mail clients to the link host. Fix: allow all 7 methods (GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE).",
    ]);
    expect(h.resources).toEqual([{ kind: "CloudFront distribution", id: existing.Id, createdByThisRun: false, status: "Deploying" }]);
    expect(h.summary).toBe(`Uses distribution ${existing.Id} (${existing.DomainName}), which already serves ${A}. It is deploying (usually under 5 minutes): test it once its status is Deployed, then switch DNS. It differs from the plan in 1 way: see below.`);
    expect(await since(before)).toEqual(["ListDistributions", "GetDistributionConfig"]);
  });

  it("retries one 429 (Retry-After, bounded) and one 500, then succeeds", async () => {
    await faults(fakes.cloudfrontUrl, [{ match: "ListDistributions", status: 429, times: 1, retryAfter: 30, contentType: "text/xml", body: "" }]);
    await faults(fakes.acmUrl, [{ match: "ListCertificates", status: 500, times: 1 }]);
    const started = Date.now();
    const report = await cloudfrontServer.apply(creds(), input(A), ctx);
    expect(Date.now() - started).toBeLessThan(10_000); // Retry-After: 30 s was capped at maxRetryDelayMs
    expect([report.hosts[0]?.outcome, report.hosts[0]?.error]).toEqual(["pending", undefined]);
    const ops = await calls();
    expect([count(ops, "ListDistributions"), count(ops, "ListCertificates"), count(ops, "RequestCertificate")]).toEqual([2, 2, 1]);
  });

  it("gives up after maxRetries and says what to do", async () => {
    await faults(fakes.acmUrl, [{ match: "ListCertificates", status: 503, times: 10 }]);
    const h = (await cloudfrontServer.apply(creds(), input(A), ctx)).hosts[0]!;
    expect([h.outcome, h.error?.code, h.error?.message]).toEqual(["failed", "HTTP 503", "AWS answered with a temporary server error (HTTP 503)."]);
    expect(count(await calls(), "ListCertificates")).toBe(3);
  });

  it("keeps each host's result when another host fails (CNAME owned by another account)", async () => {
    await existingDistribution(A, OTHER);
    await cloudfrontServer.apply(creds(), input(A, B), ctx);
    const report = await cloudfrontServer.apply(creds(), input(A, B), ctx);
    const [a, b] = report.hosts;
    expect([a?.outcome, a?.error]).toEqual([
      "failed",
      {
        code: "CNAMEAlreadyExists",
        message: `Another distribution (maybe in another AWS account) already uses ${A}.`,
        action: `Remove ${A} from that distribution's alternate domain names, or run apply with credentials for the account that owns it (apply adopts it). If you cannot find it, AWS Support can tell you which account uses the name.`,
      },
    ]);
    expect(a?.resources.map((r) => [r.kind, r.status])).toEqual([["ACM certificate", "Issued"]]);
    expect([b?.outcome, b?.error]).toEqual(["created", undefined]);
    expect(report.complete).toBe(false);
  });

  it("translates a bad key, a wrong secret and a missing permission", async () => {
    const unknown = (await cloudfrontServer.apply(creds("AKIAUNKNOWNKEY000009"), input(A, B), ctx)).hosts;
    expect(unknown.map((h) => [h.outcome, h.error?.code, h.error?.message])).toEqual([
      ["failed", "InvalidClientTokenId", "The AWS access key ID is not known to AWS: check for typos or a deleted key."],
      ["failed", "InvalidClientTokenId", "The AWS access key ID is not known to AWS: check for typos or a deleted key."],
    ]);
    const wrong = (await cloudfrontServer.apply(creds(KEY, "wrong/secret/000000000000000000000000000"), input(A), ctx)).hosts[0]!;
    expect([wrong.error?.code, wrong.error?.message]).toEqual(["SignatureDoesNotMatch", "The AWS secret access key does not belong to this access key ID."]);
    const denied = (await cloudfrontServer.apply(creds(DENIED), input(A), ctx)).hosts[0]!;
    expect([denied.error?.code, denied.error?.message]).toEqual(["AccessDeniedException", "The AWS credentials are not allowed acm:RequestCertificate."]);
    const expired = (await cloudfrontServer.apply(creds(EXPIRED), input(A), ctx)).hosts[0]!;
    expect([expired.error?.code, expired.error?.message]).toEqual(["ExpiredToken", "These temporary AWS credentials have expired."]);
    expect(denied.error?.action).toMatch(/^Add acm:RequestCertificate to the IAM policy of this user or role\. Apply needs: cloudfront:CreateDistribution, /);
  });

  it("translates the distribution quota", async () => {
    const full = await startCloudfrontFakes({ controls: true, accounts: { [KEY]: SECRET }, maxDistributions: 0, issueAfterDescribes: 0, recordAfterDescribes: 0 });
    try {
      const fullCtx = { ...ctx, endpoints: { ...ctx.endpoints, cloudfront: full.cloudfrontUrl, acm: full.acmUrl } };
      await cloudfrontServer.apply(creds(), input(A), fullCtx);
      const h = (await cloudfrontServer.apply(creds(), input(A), fullCtx)).hosts[0]!;
      expect([h.outcome, h.error?.code, h.error?.message]).toEqual(["failed", "TooManyDistributions", "This AWS account has reached its limit of CloudFront distributions."]);
    } finally {
      await full.close();
    }
  });

  it("previews without changing anything", async () => {
    await existingDistribution(B, KEY);
    const before = await callLog();
    const preview = await cloudfrontServer.preview(creds(), input(A, B), ctx);
    expect(preview.hosts[0]?.changes.map((c) => [c.resource, c.action])).toEqual([
      [`ACM certificate for ${A}`, "create"],
      [`CloudFront distribution for ${A}`, "create"],
    ]);
    expect(preview.hosts[0]?.changes[1]?.next).toBe(
      `Alternate domain name ${A}; origin sendgrid.net (https-only); methods GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE; created once the certificate is issued.`,
    );
    expect(preview.hosts[1]?.changes.map((c) => [c.resource, c.action, c.next])).toEqual([
      [`CloudFront distribution for ${B}`, "reuse", "Adopted as it is; differences are reported, not changed."],
    ]);
    expect(await since(before)).toEqual(["ListDistributions", "GetDistributionConfig", "ListCertificates"]);
  });

  it("never returns a credential, not even when AWS echoes one back", async () => {
    const canary = { ...CANARY };
    const echo = `<ErrorResponse><Error><Type>Sender</Type><Code>OddFailure</Code><Message>key ${canary.accessKeyId} secret ${canary.secretAccessKey} token ${canary.sessionToken} x-amz-security-token:${canary.sessionToken}</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
    await faults(fakes.cloudfrontUrl, [{ match: "ListDistributions", status: 400, times: 1, contentType: "text/xml", body: echo }]);
    const results = [
      await cloudfrontServer.apply(canary, input(A), ctx),
      await cloudfrontServer.apply(canary, input(A, B), ctx),
      await cloudfrontServer.status(canary, input(A, B), ctx),
      await cloudfrontServer.preview(canary, input(A, B), ctx),
      await cloudfrontServer.apply({ ...canary, secretAccessKey: `${canary.secretAccessKey.slice(0, 39)}X` }, input(A), ctx),
    ];
    expect(results[0]?.hosts[0]?.error?.code).toBe("OddFailure");
    expect(results[0]?.hosts[0]?.error?.message).toBe("key [access key ID] secret [redacted] token [redacted] x-amz-security-token: [redacted]");
    expect(results[4]?.hosts[0]?.error?.code).toBe("SignatureDoesNotMatch");
    const text = JSON.stringify(results);
    for (const value of Object.values(canary)) expect(text).not.toContain(value);
  });
});

describe("errors", () => {
  it("scrubs credentials and credential-shaped text", () => {
    const secret = "s3cr3t/value/that/is/exactly/forty/chars";
    expect(scrubberFor(CLOUDFRONT_SCRUB, [secret])(`Credential=AKIAABCDEFGHIJKLMNOP/20260101/us-east-1, Signature=abc ${secret}`)).toBe("Credential=[redacted], Signature=[redacted] [redacted]");
  });

  it("names both IAM actions a tagged create needs when it is denied", () => {
    const denied = new AwsCallError("cloudfront", "CreateDistributionWithTags", { name: "AccessDenied", message: "not authorized" });
    const e = translateError(denied, { scrub: scrubberFor(CLOUDFRONT_SCRUB, []) });
    expect([e.code, e.message]).toEqual(["AccessDenied", "The AWS credentials are not allowed cloudfront:CreateDistribution and cloudfront:TagResource."]);
    expect(e.action).toMatch(/^Add cloudfront:CreateDistribution and cloudfront:TagResource to the IAM policy of this user or role\. Apply needs: cloudfront:CreateDistribution, cloudfront:TagResource, cloudfront:ListTagsForResource, /);
  });

  it("names network failures", () => {
    const e = translateError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), { scrub: scrubberFor(CLOUDFRONT_SCRUB, []) });
    expect(e).toEqual({
      code: "ECONNREFUSED",
      message: "Could not reach AWS (ECONNREFUSED).",
      action: "Check that this server can reach AWS (or the configured CLOUDFRONT_ENDPOINT / ACM_ENDPOINT), then try again.",
    });
  });
});
