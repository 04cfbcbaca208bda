import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CloudFrontClient,
  CreateCachePolicyCommand,
  CreateDistributionCommand,
  CreateOriginRequestPolicyCommand,
  DeleteCachePolicyCommand,
  DeleteOriginRequestPolicyCommand,
  GetCachePolicyCommand,
  GetOriginRequestPolicyCommand,
  ListOriginRequestPoliciesCommand,
  type DistributionConfig,
  type OriginRequestPolicyConfig,
} from "@aws-sdk/client-cloudfront";
import { ACMClient, DescribeCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { distributionConfig, newCallerReference } from "@/lib/providers/cloudfront/distribution-config";
import { startCloudfrontFakes } from "./start";

/** The CloudFront fake's policies through @aws-sdk/client-cloudfront: what it accepts and refuses, with the model's error codes. */

const KEY = "AKIAFAKEPOLICYKEY001";
const OTHER = "AKIAFAKEPOLICYOTHER1";
const SECRET = "fakePolicySecret/00000000000000000000000";
const HOST = "click.policies.example.com";

let fakes: Awaited<ReturnType<typeof startCloudfrontFakes>>;
beforeAll(async () => {
  fakes = await startCloudfrontFakes({ controls: true, accounts: { [KEY]: SECRET, [OTHER]: SECRET }, issueAfterDescribes: 1, recordAfterDescribes: 1 });
});
afterAll(() => fakes.close());
beforeEach(async () => {
  for (const url of [fakes.cloudfrontUrl, fakes.acmUrl]) await fetch(`${url}/__sandbox/reset`, { method: "POST" });
});

const cloudfront = (key = KEY) => new CloudFrontClient({ region: "us-east-1", endpoint: fakes.cloudfrontUrl, credentials: { accessKeyId: key, secretAccessKey: SECRET }, maxAttempts: 1 });
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const err = e as { name: string; $metadata?: { httpStatusCode?: number } };
    return `${err.name} ${err.$metadata?.httpStatusCode}`;
  }
}
const ORP: OriginRequestPolicyConfig = {
  Name: "ssl-click-tracking-host",
  HeadersConfig: { HeaderBehavior: "whitelist", Headers: { Quantity: 1, Items: ["Host"] } },
  CookiesConfig: { CookieBehavior: "none" },
  QueryStringsConfig: { QueryStringBehavior: "all" },
};

async function issued(host: string): Promise<string> {
  const acm = new ACMClient({ region: "us-east-1", endpoint: fakes.acmUrl, credentials: { accessKeyId: KEY, secretAccessKey: SECRET }, maxAttempts: 1 });
  const { CertificateArn } = await acm.send(new RequestCertificateCommand({ DomainName: host, ValidationMethod: "DNS" }));
  for (let i = 0; i < 3; i++) await acm.send(new DescribeCertificateCommand({ CertificateArn }));
  return CertificateArn!;
}

/** A distribution config in the policy form, naming these policy ids. */
const withPolicies = (arn: string, ids: { cache: string; orp?: string }, edit: (c: DistributionConfig) => DistributionConfig = (c) => c): DistributionConfig => {
  const c = distributionConfig(HOST, "r.us-east-1.awstrack.me", arn, newCallerReference());
  const b = { ...c.DefaultCacheBehavior! };
  delete b.ForwardedValues;
  delete b.MinTTL;
  delete b.DefaultTTL;
  delete b.MaxTTL;
  return edit({ ...c, DefaultCacheBehavior: { ...b, CachePolicyId: ids.cache, ...(ids.orp ? { OriginRequestPolicyId: ids.orp } : {}) } });
};

describe("CloudFront fake: origin request and cache policies", () => {
  it("creates, reads and lists a custom policy, per account, and refuses a second one of the same name", async () => {
    const made = await cloudfront().send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: ORP }));
    expect(made.ETag).toMatch(/^E[A-Z0-9]{13}$/);
    expect(made.OriginRequestPolicy?.OriginRequestPolicyConfig).toEqual({ ...ORP, HeadersConfig: { HeaderBehavior: "whitelist", Headers: { Quantity: 1, Items: ["Host"] } } });
    const got = await cloudfront().send(new GetOriginRequestPolicyCommand({ Id: made.OriginRequestPolicy!.Id }));
    expect([got.ETag, got.OriginRequestPolicy?.OriginRequestPolicyConfig?.Name]).toEqual([made.ETag, ORP.Name]);
    const list = await cloudfront().send(new ListOriginRequestPoliciesCommand({ Type: "custom" }));
    expect(list.OriginRequestPolicyList?.Items?.map((s) => [s.Type, s.OriginRequestPolicy?.Id])).toEqual([["custom", made.OriginRequestPolicy!.Id]]);
    expect((await cloudfront(OTHER).send(new ListOriginRequestPoliciesCommand({ Type: "custom" }))).OriginRequestPolicyList?.Quantity).toBe(0);
    expect(await failure(cloudfront().send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: ORP })))).toBe("OriginRequestPolicyAlreadyExists 409");
  });

  it("lists the managed policies in every account, and refuses to delete them", async () => {
    const managed = await cloudfront(OTHER).send(new ListOriginRequestPoliciesCommand({ Type: "managed" }));
    expect(managed.OriginRequestPolicyList?.Items?.map((s) => s.OriginRequestPolicy?.OriginRequestPolicyConfig?.Name)).toEqual([
      "Managed-AllViewer",
      "Managed-AllViewerExceptHostHeader",
      "Managed-HostHeaderOnly",
      "Managed-UserAgentRefererHeaders",
    ]);
    const disabled = await cloudfront().send(new GetCachePolicyCommand({ Id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" }));
    expect([disabled.CachePolicy?.CachePolicyConfig?.MinTTL, disabled.CachePolicy?.CachePolicyConfig?.MaxTTL]).toEqual([0, 0]);
    expect(await failure(cloudfront().send(new DeleteCachePolicyCommand({ Id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", IfMatch: disabled.ETag })))).toBe("IllegalDelete 400");
  });

  it("refuses malformed policies with the model's codes", async () => {
    const create = (c: OriginRequestPolicyConfig) => failure(cloudfront().send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: c })));
    expect(await create({ ...ORP, HeadersConfig: { HeaderBehavior: "whitelist", Headers: { Quantity: 2, Items: ["Host"] } } })).toBe("InconsistentQuantities 400");
    expect(await create({ ...ORP, CookiesConfig: { CookieBehavior: "some" as "none" } })).toBe("InvalidArgument 400");
    const cache = (name: string, behavior: string) =>
      failure(
        cloudfront().send(
          new CreateCachePolicyCommand({
            CachePolicyConfig: {
              Name: name,
              MinTTL: 1,
              DefaultTTL: 10,
              MaxTTL: 10,
              ParametersInCacheKeyAndForwardedToOrigin: {
                EnableAcceptEncodingGzip: true,
                HeadersConfig: { HeaderBehavior: behavior as "none" },
                CookiesConfig: { CookieBehavior: "none" },
                QueryStringsConfig: { QueryStringBehavior: "all" },
              },
            },
          }),
        ),
      );
    // A cache policy's headers are none or whitelist only (allViewer is an origin request policy's).
    expect(await cache("ttl-ok", "allViewer")).toBe("InvalidArgument 400");
    expect(await cache("ttl-ok", "none")).toBe("ok");
  });

  it("refuses a distribution that names a policy the account cannot see, or adds a header CloudFront cannot add", async () => {
    const arn = await issued(HOST);
    const create = (c: DistributionConfig) => failure(cloudfront().send(new CreateDistributionCommand({ DistributionConfig: c })));
    const unknown = "9a9a9a9a-0000-4000-8000-000000000000";
    expect(await create(withPolicies(arn, { cache: unknown }))).toBe("NoSuchCachePolicy 404");
    expect(await create(withPolicies(arn, { cache: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", orp: unknown }))).toBe("NoSuchOriginRequestPolicy 404");
    const theirs = (await cloudfront(OTHER).send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: ORP }))).OriginRequestPolicy!.Id!;
    expect(await create(withPolicies(arn, { cache: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", orp: theirs }))).toBe("NoSuchOriginRequestPolicy 404");
    const hostHeader = (c: DistributionConfig): DistributionConfig => ({
      ...c,
      Origins: { Quantity: 1, Items: [{ ...c.Origins!.Items![0]!, CustomHeaders: { Quantity: 1, Items: [{ HeaderName: "Host", HeaderValue: HOST }] } }] },
    });
    expect(await create(withPolicies(arn, { cache: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", orp: "216adef6-5c7f-47e4-b989-5492eafa07d3" }, hostHeader))).toBe("InvalidArgument 400");
    expect(await create(withPolicies(arn, { cache: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", orp: "216adef6-5c7f-47e4-b989-5492eafa07d3" }))).toBe("ok");
  });

  it("keeps a policy a distribution uses (…InUse), and deletes it with its ETag once free", async () => {
    const arn = await issued(HOST);
    const made = await cloudfront().send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: ORP }));
    const id = made.OriginRequestPolicy!.Id!;
    await cloudfront().send(new CreateDistributionCommand({ DistributionConfig: withPolicies(arn, { cache: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", orp: id }) }));
    expect(await failure(cloudfront().send(new DeleteOriginRequestPolicyCommand({ Id: id })))).toBe("InvalidIfMatchVersion 400");
    expect(await failure(cloudfront().send(new DeleteOriginRequestPolicyCommand({ Id: id, IfMatch: "EWRONG" })))).toBe("PreconditionFailed 412");
    expect(await failure(cloudfront().send(new DeleteOriginRequestPolicyCommand({ Id: id, IfMatch: made.ETag })))).toBe("OriginRequestPolicyInUse 409");

    const free = await cloudfront().send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: { ...ORP, Name: "unused" } }));
    expect(await failure(cloudfront().send(new DeleteOriginRequestPolicyCommand({ Id: free.OriginRequestPolicy!.Id, IfMatch: free.ETag })))).toBe("ok");
    expect(await failure(cloudfront().send(new GetOriginRequestPolicyCommand({ Id: free.OriginRequestPolicy!.Id })))).toBe("NoSuchOriginRequestPolicy 404");
  });
});
