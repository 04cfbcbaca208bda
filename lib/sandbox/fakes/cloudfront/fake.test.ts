import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CloudFrontClient,
  CreateDistributionCommand,
  DeleteDistributionCommand,
  GetDistributionCommand,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  UpdateDistributionCommand,
  type DistributionConfig,
} from "@aws-sdk/client-cloudfront";
import { ACMClient, DeleteCertificateCommand, DescribeCertificateCommand, ListCertificatesCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { distributionConfig as readOnlyConfig, newCallerReference } from "@/lib/providers/cloudfront/distribution-config";
import { startCloudfrontFakes } from "./start";

const KEY = "AKIAFAKETESTKEY00001";
const SECRET = "fakeTestSecret/0000000000000000000000000";
const OTHER = "AKIAFAKEOTHERACCT001"; // a second AWS account
const DENIED = "AKIAAPPLYDENIED00002"; // known key, writes refused
const accounts = { [KEY]: SECRET, [OTHER]: SECRET, [DENIED]: SECRET };

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;

beforeAll(async () => {
  fakes = await startCloudfrontFakes({ controls: true, accounts, deployAfter: { calls: 2 }, issueAfterDescribes: 1, recordAfterDescribes: 1 });
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
});

/** A config to send: each create needs a reference CloudFront has not seen. */
const distributionConfig = (host: string, origin: string, arn: string) => readOnlyConfig(host, origin, arn, newCallerReference());
const creds = (accessKeyId = KEY, secretAccessKey = SECRET) => ({ accessKeyId, secretAccessKey });
const cloudfront = (accessKeyId?: string, secret?: string) =>
  new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials: creds(accessKeyId, secret), maxAttempts: 1 });
const acm = (accessKeyId?: string, secret?: string, region = "us-east-1") =>
  new ACMClient({ region, endpoint: fakes.acmUrl, credentials: creds(accessKeyId, secret), maxAttempts: 1 });

/** The SDK error's name and HTTP status, or "ok". */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const err = e as { name: string; $metadata?: { httpStatusCode?: number } };
    return `${err.name} ${err.$metadata?.httpStatusCode}`;
  }
}

async function issuedCertificate(host: string, client = acm()): Promise<string> {
  const { CertificateArn } = await client.send(new RequestCertificateCommand({ DomainName: host, ValidationMethod: "DNS", IdempotencyToken: host.replace(/\W/g, "_") }));
  for (let i = 0; i < 5; i++) {
    const { Certificate } = await client.send(new DescribeCertificateCommand({ CertificateArn }));
    if (Certificate?.Status === "ISSUED") return CertificateArn!;
  }
  throw new Error("certificate never issued");
}

describe("ACM fake through @aws-sdk/client-acm", () => {
  it("requests idempotently, shows the validation record after the first describe, then issues", async () => {
    const client = acm();
    const request = () => client.send(new RequestCertificateCommand({ DomainName: "ablink.news.example.com", ValidationMethod: "DNS", IdempotencyToken: "abc123" }));
    const first = await request();
    const second = await request();
    expect(second.CertificateArn).toBe(first.CertificateArn);
    expect(first.CertificateArn).toMatch(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/);

    const describe = async () => (await client.send(new DescribeCertificateCommand({ CertificateArn: first.CertificateArn }))).Certificate!;
    const d1 = await describe();
    expect(d1.Status).toBe("PENDING_VALIDATION");
    expect(d1.DomainValidationOptions?.[0]?.ResourceRecord).toBeUndefined();
    expect(d1.CreatedAt).toBeInstanceOf(Date);
    const d2 = await describe();
    expect(d2.Status).toBe("PENDING_VALIDATION");
    const record = d2.DomainValidationOptions?.[0]?.ResourceRecord;
    expect(record?.Type).toBe("CNAME");
    expect(record?.Name).toMatch(/^_[0-9a-f]{32}\.ablink\.news\.example\.com\.$/);
    expect(record?.Value).toMatch(/^_[0-9a-f]{32}\.[0-9a-f]{10}\.acm-validations\.aws\.$/);
    const d3 = await describe();
    expect(d3.Status).toBe("ISSUED");
    expect(d3.SubjectAlternativeNames).toEqual(["ablink.news.example.com"]);
    expect(d3.DomainValidationOptions?.[0]?.ValidationStatus).toBe("SUCCESS");
  });

  it("filters by key type, pages with NextToken and keeps accounts and regions apart", async () => {
    const client = acm();
    for (const [DomainName, KeyAlgorithm] of [["a.x.example.com", "RSA_2048"], ["b.x.example.com", "RSA_2048"], ["c.x.example.com", "EC_prime256v1"]] as const) {
      await client.send(new RequestCertificateCommand({ DomainName, ValidationMethod: "DNS", KeyAlgorithm }));
    }
    const byDefault = await client.send(new ListCertificatesCommand({}));
    expect(byDefault.CertificateSummaryList?.map((c) => c.DomainName)).toEqual(["a.x.example.com", "b.x.example.com"]);
    expect(byDefault.CertificateSummaryList?.[0]?.KeyAlgorithm).toBe("RSA-2048");

    const page1 = await client.send(new ListCertificatesCommand({ Includes: { keyTypes: ["RSA_2048", "EC_prime256v1"] }, MaxItems: 2 }));
    expect(page1.CertificateSummaryList?.map((c) => c.DomainName)).toEqual(["a.x.example.com", "b.x.example.com"]);
    expect(page1.NextToken).toBeTypeOf("string");
    const page2 = await client.send(new ListCertificatesCommand({ Includes: { keyTypes: ["RSA_2048", "EC_prime256v1"] }, MaxItems: 2, NextToken: page1.NextToken }));
    expect(page2.CertificateSummaryList?.map((c) => c.DomainName)).toEqual(["c.x.example.com"]);
    expect(page2.NextToken).toBeUndefined();

    expect((await acm(OTHER).send(new ListCertificatesCommand({}))).CertificateSummaryList).toEqual([]);
    expect((await acm(KEY, SECRET, "eu-west-1").send(new ListCertificatesCommand({}))).CertificateSummaryList).toEqual([]);
  });

  it("answers errors as JSON 1.1 types the SDK names", async () => {
    const arn = (await acm().send(new RequestCertificateCommand({ DomainName: "a.x.example.com", ValidationMethod: "DNS" }))).CertificateArn!;
    expect(await failure(acm("AKIAUNKNOWNKEY000001").send(new ListCertificatesCommand({})))).toBe("UnrecognizedClientException 400");
    expect(await failure(acm(KEY, "wrong/secret/000000000000000000000000000").send(new ListCertificatesCommand({})))).toBe("InvalidSignatureException 400");
    expect(await failure(acm(DENIED).send(new RequestCertificateCommand({ DomainName: "a.x.example.com", ValidationMethod: "DNS" })))).toBe("AccessDeniedException 400");
    expect(await failure(acm(DENIED).send(new ListCertificatesCommand({})))).toBe("ok");
    expect(await failure(acm().send(new RequestCertificateCommand({ DomainName: "a.x.example.com", IdempotencyToken: "not-word-chars" })))).toBe("ValidationException 400");
    expect(await failure(acm().send(new DescribeCertificateCommand({ CertificateArn: "nope" })))).toBe("InvalidArnException 400");
    expect(await failure(acm().send(new DeleteCertificateCommand({ CertificateArn: arn })))).toBe("ok");
    expect(await failure(acm().send(new DescribeCertificateCommand({ CertificateArn: arn })))).toBe("ResourceNotFoundException 400");
  });
});

describe("CloudFront fake through @aws-sdk/client-cloudfront", () => {
  const HOST = "ablink.news.example.com";

  it("creates, reads, lists, updates and deletes a distribution", async () => {
    const arn = await issuedCertificate(HOST);
    const config = distributionConfig(HOST, "sendgrid.net", arn);
    const client = cloudfront();

    const created = await client.send(new CreateDistributionCommand({ DistributionConfig: config }));
    const id = created.Distribution!.Id!;
    expect(created.Distribution?.Status).toBe("InProgress");
    expect(created.Distribution?.DomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    expect(created.Distribution?.ARN).toMatch(new RegExp(`^arn:aws:cloudfront::\\d{12}:distribution/${id}$`));
    expect(created.Location).toBe(`${fakes.cloudfrontUrl}/2020-05-31/distribution/${id}`);
    expect(created.ETag).toMatch(/^E[A-Z0-9]{13}$/);
    expect(created.Distribution?.DistributionConfig?.Aliases?.Items).toEqual([HOST]);

    const read = await client.send(new GetDistributionConfigCommand({ Id: id }));
    expect(read.ETag).toBe(created.ETag);
    expect(read.DistributionConfig?.DefaultCacheBehavior?.AllowedMethods).toEqual(config.DefaultCacheBehavior?.AllowedMethods);
    expect(read.DistributionConfig?.ViewerCertificate).toEqual(config.ViewerCertificate);
    expect(read.DistributionConfig?.Origins).toEqual(config.Origins);

    expect((await client.send(new GetDistributionCommand({ Id: id }))).Distribution?.Status).toBe("InProgress");
    expect((await client.send(new GetDistributionCommand({ Id: id }))).Distribution?.Status).toBe("InProgress");
    expect((await client.send(new GetDistributionCommand({ Id: id }))).Distribution?.Status).toBe("Deployed");

    const list = await client.send(new ListDistributionsCommand({}));
    expect(list.DistributionList?.Items?.map((d) => [d.Id, d.Aliases?.Items, d.Status])).toEqual([[id, [HOST], "Deployed"]]);

    const disabled: DistributionConfig = { ...read.DistributionConfig!, Enabled: false };
    expect(await failure(client.send(new DeleteDistributionCommand({ Id: id, IfMatch: read.ETag })))).toBe("DistributionNotDisabled 409");
    expect(await failure(client.send(new UpdateDistributionCommand({ Id: id, IfMatch: "ESTALE0000000", DistributionConfig: disabled })))).toBe("PreconditionFailed 412");
    const updated = await client.send(new UpdateDistributionCommand({ Id: id, IfMatch: read.ETag, DistributionConfig: disabled }));
    expect(updated.ETag).not.toBe(read.ETag);
    expect(updated.Distribution?.Status).toBe("InProgress");
    expect(await failure(client.send(new DeleteDistributionCommand({ Id: id, IfMatch: updated.ETag })))).toBe("DistributionNotDisabled 409");
    let status = "";
    for (let i = 0; i < 5 && status !== "Deployed"; i++) status = (await client.send(new GetDistributionCommand({ Id: id }))).Distribution!.Status!;
    expect(await failure(client.send(new DeleteDistributionCommand({ Id: id, IfMatch: read.ETag })))).toBe("PreconditionFailed 412");
    expect(await failure(client.send(new DeleteDistributionCommand({ Id: id, IfMatch: updated.ETag })))).toBe("ok");
    expect(await failure(client.send(new GetDistributionCommand({ Id: id })))).toBe("NoSuchDistribution 404");
    // The certificate is free again once no distribution uses it.
    expect(await failure(acm().send(new DeleteCertificateCommand({ CertificateArn: arn })))).toBe("ok");
  });

  it("pages ListDistributions with Marker, NextMarker and IsTruncated", async () => {
    const client = cloudfront();
    const ids: string[] = [];
    for (const host of ["a.x.example.com", "b.x.example.com", "c.x.example.com"]) {
      const arn = await issuedCertificate(host);
      ids.push((await client.send(new CreateDistributionCommand({ DistributionConfig: distributionConfig(host, "sendgrid.net", arn) }))).Distribution!.Id!);
    }
    const first = (await client.send(new ListDistributionsCommand({ MaxItems: 2 }))).DistributionList!;
    expect([first.IsTruncated, first.Quantity, first.MaxItems, first.NextMarker]).toEqual([true, 2, 2, ids[1]]);
    expect(first.Items?.map((d) => d.Id)).toEqual(ids.slice(0, 2));
    const second = (await client.send(new ListDistributionsCommand({ MaxItems: 2, Marker: first.NextMarker }))).DistributionList!;
    expect([second.IsTruncated, second.Quantity, second.Marker, second.NextMarker]).toEqual([false, 1, ids[1], undefined]);
    expect(second.Items?.map((d) => d.Id)).toEqual([ids[2]]);
    expect((await cloudfront(OTHER).send(new ListDistributionsCommand({}))).DistributionList?.Quantity).toBe(0);
  });

  it("validates configs like the service, with its error codes", async () => {
    const arn = await issuedCertificate(HOST);
    const good = distributionConfig(HOST, "sendgrid.net", arn);
    const create = (c: DistributionConfig, client = cloudfront()) => failure(client.send(new CreateDistributionCommand({ DistributionConfig: c })));
    const behavior = good.DefaultCacheBehavior!;

    expect(await create({ ...good, Aliases: { Quantity: 2, Items: [HOST] } })).toBe("InconsistentQuantities 400");
    const sixMethods = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"] as const;
    expect(await create({ ...good, DefaultCacheBehavior: { ...behavior, AllowedMethods: { ...behavior.AllowedMethods!, Quantity: 6, Items: [...sixMethods] } } })).toBe(
      "InvalidArgument 400",
    );
    expect(await create({ ...good, DefaultCacheBehavior: { ...behavior, CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" } })).toBe("InvalidArgument 400");
    expect(await create({ ...good, DefaultCacheBehavior: { ...behavior, TargetOriginId: "other" } })).toBe("NoSuchOrigin 404");

    const pending = (await acm().send(new RequestCertificateCommand({ DomainName: "other.x.example.com", ValidationMethod: "DNS" }))).CertificateArn!;
    expect(await create(distributionConfig("other.x.example.com", "sendgrid.net", pending))).toBe("InvalidViewerCertificate 400");
    const wildcard = await issuedCertificate("*.example.com");
    expect(await create(distributionConfig("ablink.x.example.com", "sendgrid.net", wildcard))).toBe("InvalidViewerCertificate 400");
    expect(await create(distributionConfig("ablink.example.com", "sendgrid.net", wildcard))).toBe("ok");
    const euArn = await issuedCertificate("eu.x.example.com", acm(KEY, SECRET, "eu-west-1"));
    expect(await create(distributionConfig("eu.x.example.com", "sendgrid.net", euArn))).toBe("InvalidViewerCertificate 400");

    expect(await create(good)).toBe("ok");
    // A reused reference is refused even with the very same config (fake-idempotency.test.ts has more).
    expect(await create(good)).toBe("DistributionAlreadyExists 409");

    const otherArn = await issuedCertificate(HOST, acm(OTHER));
    expect(await create(distributionConfig(HOST, "eu.sendgrid.net", otherArn), cloudfront(OTHER))).toBe("CNAMEAlreadyExists 409");
  });

  it("refuses unknown keys, wrong secrets and writes without permission", async () => {
    expect(await failure(cloudfront("AKIAUNKNOWNKEY000001").send(new ListDistributionsCommand({})))).toBe("InvalidClientTokenId 403");
    expect(await failure(cloudfront(KEY, "wrong/secret/000000000000000000000000000").send(new ListDistributionsCommand({})))).toBe("SignatureDoesNotMatch 403");
    expect(await failure(cloudfront(DENIED).send(new ListDistributionsCommand({})))).toBe("ok");
    const arn = await issuedCertificate(HOST);
    expect(await failure(cloudfront(DENIED).send(new CreateDistributionCommand({ DistributionConfig: distributionConfig(HOST, "sendgrid.net", arn) })))).toBe(
      "AccessDenied 403",
    );
  });
});
