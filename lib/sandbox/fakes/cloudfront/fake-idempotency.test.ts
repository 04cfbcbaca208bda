import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CloudFrontClient,
  CreateDistributionCommand,
  CreateDistributionWithTagsCommand,
  DeleteDistributionCommand,
  GetDistributionCommand,
  ListTagsForResourceCommand,
  UpdateDistributionCommand,
  type DistributionConfig,
} from "@aws-sdk/client-cloudfront";
import { ACMClient, DeleteCertificateCommand, DescribeCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { startFake, type FakeCall } from "@/lib/sandbox/http-fake";
import { distributionConfig, newCallerReference } from "@/lib/providers/cloudfront/distribution-config";
import { fakeAcm } from "./fake-acm";
import { startCloudfrontFakes } from "./start";

/**
 * The fakes' idempotency rules, through the SDK as apply sends them: CloudFront's CallerReference (never twice
 * per account, deleted distributions included), CreateDistributionWithTags and ListTagsForResource, ACM's
 * IdempotencyToken (the same ARN within the hour, even once deleted) and ACM's 64-character first name.
 */

const KEY = "AKIAIDEMPOTENTKEY001";
const SECRET = "idempotencySecret/0000000000000000000000";
const OTHER = "AKIAIDEMPOTENTOTHER1"; // another AWS account
const HOST = "ablink.again.example.com";
const TAG = { Key: "created-by", Value: "ssl-click-tracking-wizard" };

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
beforeAll(async () => {
  fakes = await startCloudfrontFakes({ controls: true, accounts: { [KEY]: SECRET, [OTHER]: SECRET }, deployAfter: { calls: 1 }, issueAfterDescribes: 1, recordAfterDescribes: 1 });
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
});

/** Keeps the raw body of each response the client receives (a middleware inside the SDK's deserializer). */
function recordBodies(client: CloudFrontClient): { last: string } {
  const seen = { last: "" };
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const response = out.response as { body: Readable };
      const chunks: Buffer[] = [];
      for await (const c of response.body) chunks.push(c as Buffer);
      seen.last = Buffer.concat(chunks).toString("utf8");
      response.body = Readable.from([Buffer.from(seen.last)]);
      return out;
    },
    { step: "deserialize", priority: "low" },
  );
  return seen;
}

const credentials = (accessKeyId = KEY) => ({ accessKeyId, secretAccessKey: SECRET });
const cloudfront = (accessKeyId = KEY) => new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials: credentials(accessKeyId), maxAttempts: 1 });
const acm = (accessKeyId = KEY) => new ACMClient({ region: "us-east-1", endpoint: fakes.acmUrl, credentials: credentials(accessKeyId), maxAttempts: 1 });

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return `${err.name} ${err.$metadata?.httpStatusCode}: ${err.message}`;
  }
}

async function issued(host: string, accessKeyId = KEY): Promise<string> {
  const client = acm(accessKeyId);
  const { CertificateArn } = await client.send(new RequestCertificateCommand({ DomainName: host, ValidationMethod: "DNS" }));
  for (let i = 0; i < 3; i++) await client.send(new DescribeCertificateCommand({ CertificateArn }));
  return CertificateArn!;
}

const calls = async (url: string) => (await (await fetch(`${url}/__sandbox/calls`)).json()) as FakeCall[];
const ALREADY_EXISTS = "DistributionAlreadyExists 409: The caller reference you attempted to create the distribution with is associated with another distribution.";

describe("CloudFront fake: CallerReference", () => {
  it("refuses a reused reference with DistributionAlreadyExists 409 in CloudFront's error shape, even for the same config", async () => {
    const config = distributionConfig(HOST, "sendgrid.net", await issued(HOST), newCallerReference());
    expect(await failure(cloudfront().send(new CreateDistributionCommand({ DistributionConfig: config })))).toBe("ok");
    const client = cloudfront();
    const bodies = recordBodies(client);
    expect(await failure(client.send(new CreateDistributionCommand({ DistributionConfig: config })))).toBe(ALREADY_EXISTS);
    expect(bodies.last).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?><ErrorResponse xmlns="http:\/\/cloudfront\.amazonaws\.com\/doc\/2020-05-31\/"><Error><Type>Sender<\/Type><Code>DistributionAlreadyExists<\/Code><Message>The caller reference you attempted to create the distribution with is associated with another distribution\.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });

  it("remembers a reference after its distribution is deleted, per account", async () => {
    const reference = newCallerReference();
    const config = distributionConfig(HOST, "sendgrid.net", await issued(HOST), reference);
    const client = cloudfront();
    const created = await client.send(new CreateDistributionCommand({ DistributionConfig: config }));
    const id = created.Distribution!.Id!;
    const disabled = await client.send(new UpdateDistributionCommand({ Id: id, IfMatch: created.ETag, DistributionConfig: { ...config, Enabled: false } }));
    for (let i = 0; i < 2; i++) await client.send(new GetDistributionCommand({ Id: id }));
    expect(await failure(client.send(new DeleteDistributionCommand({ Id: id, IfMatch: disabled.ETag })))).toBe("ok");

    expect(await failure(client.send(new CreateDistributionCommand({ DistributionConfig: config })))).toBe(ALREADY_EXISTS);
    expect(await failure(client.send(new CreateDistributionCommand({ DistributionConfig: { ...config, CallerReference: newCallerReference() } })))).toBe("ok");
    // Another account has its own references.
    const other = distributionConfig("ablink.other.example.com", "sendgrid.net", await issued("ablink.other.example.com", OTHER), reference);
    expect(await failure(cloudfront(OTHER).send(new CreateDistributionCommand({ DistributionConfig: other })))).toBe("ok");
  });
});

describe("CloudFront fake: tags", () => {
  it("creates with tags (POST ?WithTags, logged as CreateDistribution) and lists them by ARN", async () => {
    const config: DistributionConfig = distributionConfig(HOST, "sendgrid.net", await issued(HOST), newCallerReference());
    const client = cloudfront();
    const created = await client.send(new CreateDistributionWithTagsCommand({ DistributionConfigWithTags: { DistributionConfig: config, Tags: { Items: [TAG] } } }));
    expect(created.Distribution?.DistributionConfig?.Aliases?.Items).toEqual([HOST]);
    expect(created.Location).toBe(`${fakes.cloudfrontUrl}/2020-05-31/distribution/${created.Distribution?.Id}`);
    expect((await calls(fakes.cloudfrontUrl)).at(-1)).toEqual({ op: "CreateDistribution", method: "POST", path: "/2020-05-31/distribution" });

    const tags = await client.send(new ListTagsForResourceCommand({ Resource: created.Distribution!.ARN }));
    expect(tags.Tags).toEqual({ Items: [TAG] });
    expect((await calls(fakes.cloudfrontUrl)).at(-1)).toEqual({ op: "ListTagsForResource", method: "GET", path: "/2020-05-31/tagging" });

    const plain = await client.send(
      new CreateDistributionCommand({ DistributionConfig: distributionConfig("ablink.plain.example.com", "sendgrid.net", await issued("ablink.plain.example.com"), newCallerReference()) }),
    );
    expect((await client.send(new ListTagsForResourceCommand({ Resource: plain.Distribution!.ARN }))).Tags?.Items ?? []).toEqual([]);
  });

  it("refuses bad tags, unknown resources and other accounts' resources as CloudFront does", async () => {
    const config = distributionConfig(HOST, "sendgrid.net", await issued(HOST), newCallerReference());
    const client = cloudfront();
    const withTags = (Key: string) => client.send(new CreateDistributionWithTagsCommand({ DistributionConfigWithTags: { DistributionConfig: config, Tags: { Items: [{ Key, Value: "x" }] } } }));
    expect(await failure(withTags("bad<key>"))).toBe("InvalidTagging 400: The tagging specified is not valid.");
    expect(await failure(withTags(""))).toBe("InvalidTagging 400: The tagging specified is not valid.");
    const created = await withTags("ok-key");
    expect(await failure(client.send(new ListTagsForResourceCommand({ Resource: "not-an-arn" })))).toBe("InvalidArgument 400: The parameter Resource is invalid.");
    expect(await failure(client.send(new ListTagsForResourceCommand({ Resource: "arn:aws:cloudfront::111122223333:distribution/ENOPE" })))).toBe(
      "NoSuchResource 404: A resource that was specified is not valid.",
    );
    expect(await failure(cloudfront(OTHER).send(new ListTagsForResourceCommand({ Resource: created.Distribution!.ARN })))).toBe(
      "NoSuchResource 404: A resource that was specified is not valid.",
    );
  });
});

describe("ACM fake: IdempotencyToken and the first name's length", () => {
  it("answers a token seen within the hour with the same ARN, even once that certificate is deleted", async () => {
    let clock = Date.UTC(2026, 0, 1);
    const running = await startFake(fakeAcm({ accounts: { [KEY]: SECRET }, now: () => clock }), { controls: true });
    try {
      const client = new ACMClient({ region: "us-east-1", endpoint: running.url, credentials: credentials(), maxAttempts: 1 });
      const request = () => client.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS", IdempotencyToken: "sameToken" }));
      const first = (await request()).CertificateArn!;
      await client.send(new DeleteCertificateCommand({ CertificateArn: first }));
      clock += 59 * 60_000;
      expect((await request()).CertificateArn).toBe(first);
      expect(await failure(client.send(new DescribeCertificateCommand({ CertificateArn: first })))).toBe(`ResourceNotFoundException 400: Could not find certificate ${first}.`);
      clock += 61 * 60_000;
      const later = (await request()).CertificateArn!;
      expect(later).not.toBe(first);
      expect((await client.send(new DescribeCertificateCommand({ CertificateArn: later }))).Certificate?.Status).toBe("PENDING_VALIDATION");
    } finally {
      await running.close();
    }
  });

  it("refuses a first name over 64 characters as ACM does, and takes one of 64", async () => {
    const long = `ablink.${"x".repeat(46)}.example.com`;
    const longest = `ablink.${"x".repeat(45)}.example.com`;
    expect([long.length, longest.length]).toEqual([65, 64]);
    const request = (DomainName: string) => acm().send(new RequestCertificateCommand({ DomainName, ValidationMethod: "DNS" }));
    expect(await failure(request(long))).toBe("InvalidDomainValidationOptionsException 400: The first domain name can be no longer than 64 characters.");
    expect(await failure(request(longest))).toBe("ok");
  });
});
