import { afterAll, describe, expect, it } from "vitest";
import { ACMClient, DeleteCertificateCommand, DescribeCertificateCommand, ListCertificatesCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import {
  CloudFrontClient,
  CreateCachePolicyCommand,
  CreateDistributionCommand,
  CreateOriginRequestPolicyCommand,
  DeleteCachePolicyCommand,
  DeleteOriginRequestPolicyCommand,
  GetCachePolicyCommand,
  GetDistributionCommand,
  ListCachePoliciesCommand,
  ListDistributionsCommand,
  ListOriginRequestPoliciesCommand,
  type CachePolicyConfig,
  type OriginRequestPolicyConfig,
} from "@aws-sdk/client-cloudfront";
import { distributionConfig } from "@/lib/providers/cloudfront/distribution-config";
import { startFake, type RunningFake } from "@/lib/sandbox/http-fake";
import { savedThroughJson } from "@/lib/sandbox/testing/round-trip";
import { createCloudfrontFakeApis } from "./start";

// The CloudFront and ACM fakes' state saved and restored into new fakes (lib/sandbox/fake-state.ts): the same
// answers through the AWS SDK, which signs every request.
const KEY = "AKIAFAKESTATETEST001";
const SECRET = "fakeStateSecret/000000000000000000000000";
const OPTIONS = { accounts: { [KEY]: SECRET }, deployAfter: { calls: 2 }, issueAfterDescribes: 1, recordAfterDescribes: 1 };
const HOST = "ablink.one.customer.com";

const servers: RunningFake[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** Both fakes on loopback, and SDK clients for them. */
async function serve(apis: ReturnType<typeof createCloudfrontFakeApis>) {
  const [acm, cloudfront] = [await startFake(apis.acm), await startFake(apis.cloudfront)];
  servers.push(acm, cloudfront);
  const config = { region: "us-east-1", credentials: { accessKeyId: KEY, secretAccessKey: SECRET }, maxAttempts: 1 };
  return { acm: new ACMClient({ ...config, endpoint: acm.url }), cloudfront: new CloudFrontClient({ ...config, endpoint: cloudfront.url }) };
}

/** The SDK's answer without its per-request metadata, or the error's name. */
const answer = (p: Promise<object>) =>
  p.then(
    (out) => Object.fromEntries(Object.entries(out).filter(([k]) => k !== "$metadata")),
    (e: Error) => e.name,
  );

describe("CloudFront and ACM fakes: state round trip", () => {
  it("certificates (with what uses them), idempotency tokens, distributions and caller references come back", async () => {
    const apis = createCloudfrontFakeApis(OPTIONS);
    const first = await serve(apis);
    const { CertificateArn: arn } = await first.acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS", IdempotencyToken: "one" }));
    // The validation record shows on the second describe, and the certificate is issued on the next.
    for (let i = 0; i < 3; i++) await first.acm.send(new DescribeCertificateCommand({ CertificateArn: arn }));
    const { CertificateArn: pending } = await first.acm.send(new RequestCertificateCommand({ DomainName: "ablink.two.customer.com", ValidationMethod: "DNS", IdempotencyToken: "two" }));
    const config = distributionConfig(HOST, "sendgrid.net", arn!, "state-test-reference");
    const { Distribution } = await first.cloudfront.send(new CreateDistributionCommand({ DistributionConfig: config }));

    const copy = createCloudfrontFakeApis(OPTIONS);
    copy.acm.loadState(savedThroughJson(apis.acm));
    copy.cloudfront.loadState(savedThroughJson(apis.cloudfront));
    const second = await serve(copy);

    const reads = (c: typeof first) => [
      () => answer(c.acm.send(new DescribeCertificateCommand({ CertificateArn: arn }))),
      () => answer(c.acm.send(new ListCertificatesCommand({}))),
      () => answer(c.cloudfront.send(new ListDistributionsCommand({}))),
      () => answer(c.cloudfront.send(new GetDistributionCommand({ Id: Distribution!.Id }))),
      // Shown twice (deployAfter: 2 calls), the distribution is Deployed on the third.
      () => answer(c.cloudfront.send(new GetDistributionCommand({ Id: Distribution!.Id }))),
      // Writes the saved state decides: the same token within the hour, a reference already used, a certificate in use.
      () => answer(c.acm.send(new RequestCertificateCommand({ DomainName: "ablink.two.customer.com", ValidationMethod: "DNS", IdempotencyToken: "two" }))),
      () => answer(c.cloudfront.send(new CreateDistributionCommand({ DistributionConfig: config }))),
      () => answer(c.acm.send(new DeleteCertificateCommand({ CertificateArn: arn }))),
    ];
    const run = async (c: typeof first) => {
      const out = [];
      for (const read of reads(c)) out.push(await read());
      return out;
    };
    const [original, restored] = [await run(first), await run(second)];
    expect(restored).toEqual(original);
    const [described, , , shown, distribution, again, created, deleted] = restored as [
      { Certificate: { Status: string; InUseBy: string[] } },
      unknown,
      unknown,
      { Distribution: { Status: string } },
      { Distribution: { Status: string } },
      { CertificateArn: string },
      string,
      string,
    ];
    expect([described.Certificate.Status, described.Certificate.InUseBy]).toEqual(["ISSUED", [Distribution!.ARN]]);
    expect([shown.Distribution.Status, distribution.Distribution.Status]).toEqual(["InProgress", "Deployed"]);
    expect([again.CertificateArn, created, deleted]).toEqual([pending, "DistributionAlreadyExists", "ResourceInUseException"]);
  });

  it("custom origin request and cache policies come back: listed, read with their ETag, a name taken, one in use kept", async () => {
    const apis = createCloudfrontFakeApis(OPTIONS);
    const first = await serve(apis);
    const orp = (Name: string): OriginRequestPolicyConfig => ({
      Name,
      HeadersConfig: { HeaderBehavior: "whitelist", Headers: { Quantity: 1, Items: ["User-Agent"] } },
      CookiesConfig: { CookieBehavior: "none" },
      QueryStringsConfig: { QueryStringBehavior: "all" },
    });
    const cache: CachePolicyConfig = {
      Name: "state-test-ttl-1-10-10",
      MinTTL: 1,
      DefaultTTL: 10,
      MaxTTL: 10,
      ParametersInCacheKeyAndForwardedToOrigin: {
        EnableAcceptEncodingGzip: false,
        HeadersConfig: { HeaderBehavior: "none" },
        CookiesConfig: { CookieBehavior: "none" },
        QueryStringsConfig: { QueryStringBehavior: "all" },
      },
    };
    const used = await first.cloudfront.send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: orp("state-test-user-agent") }));
    const unused = await first.cloudfront.send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: orp("state-test-unused") }));
    const cached = await first.cloudfront.send(new CreateCachePolicyCommand({ CachePolicyConfig: cache }));
    const { CertificateArn: arn } = await first.acm.send(new RequestCertificateCommand({ DomainName: HOST, ValidationMethod: "DNS" }));
    for (let i = 0; i < 3; i++) await first.acm.send(new DescribeCertificateCommand({ CertificateArn: arn }));
    // The policy form of a behaviour: policy ids instead of ForwardedValues and TTLs.
    const config = distributionConfig(HOST, "sendgrid.net", arn!, "state-test-policies");
    const behavior = { ...config.DefaultCacheBehavior! };
    for (const legacy of ["ForwardedValues", "MinTTL", "DefaultTTL", "MaxTTL"] as const) delete behavior[legacy];
    await first.cloudfront.send(
      new CreateDistributionCommand({
        DistributionConfig: { ...config, DefaultCacheBehavior: { ...behavior, CachePolicyId: cached.CachePolicy!.Id, OriginRequestPolicyId: used.OriginRequestPolicy!.Id } },
      }),
    );

    const copy = createCloudfrontFakeApis(OPTIONS);
    copy.acm.loadState(savedThroughJson(apis.acm));
    copy.cloudfront.loadState(savedThroughJson(apis.cloudfront));
    const second = await serve(copy);

    const reads = (c: typeof first) => [
      () => answer(c.cloudfront.send(new ListOriginRequestPoliciesCommand({ Type: "custom" }))),
      () => answer(c.cloudfront.send(new ListCachePoliciesCommand({ Type: "custom" }))),
      () => answer(c.cloudfront.send(new GetCachePolicyCommand({ Id: cached.CachePolicy!.Id }))),
      () => answer(c.cloudfront.send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: orp("state-test-user-agent") }))),
      () => answer(c.cloudfront.send(new DeleteCachePolicyCommand({ Id: cached.CachePolicy!.Id, IfMatch: cached.ETag }))),
      () => answer(c.cloudfront.send(new DeleteOriginRequestPolicyCommand({ Id: unused.OriginRequestPolicy!.Id, IfMatch: unused.ETag }))),
      () => answer(c.cloudfront.send(new ListOriginRequestPoliciesCommand({ Type: "custom" }))),
    ];
    const run = async (c: typeof first) => {
      const out = [];
      for (const read of reads(c)) out.push(await read());
      return out;
    };
    const [original, restored] = [await run(first), await run(second)];
    expect(restored).toEqual(original);
    const [requestPolicies, cachePolicies, got, taken, inUse, deleted, left] = restored as [
      { OriginRequestPolicyList: { Items: { OriginRequestPolicy: { Id: string } }[] } },
      { CachePolicyList: { Items: { CachePolicy: { Id: string } }[] } },
      { ETag: string },
      string,
      string,
      object,
      { OriginRequestPolicyList: { Items: { OriginRequestPolicy: { Id: string } }[] } },
    ];
    const ids = (l: { Items: { OriginRequestPolicy: { Id: string } }[] }) => l.Items.map((i) => i.OriginRequestPolicy.Id);
    expect(ids(requestPolicies.OriginRequestPolicyList)).toEqual([used.OriginRequestPolicy!.Id, unused.OriginRequestPolicy!.Id]);
    expect(cachePolicies.CachePolicyList.Items.map((i) => i.CachePolicy.Id)).toEqual([cached.CachePolicy!.Id]);
    expect([got.ETag, taken, inUse, deleted]).toEqual([cached.ETag, "OriginRequestPolicyAlreadyExists", "CachePolicyInUse", {}]);
    expect(ids(left.OriginRequestPolicyList)).toEqual([used.OriginRequestPolicy!.Id]);
  });
});
