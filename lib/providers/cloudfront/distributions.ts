import "server-only";
import {
  CreateDistributionWithTagsCommand,
  DeleteDistributionCommand,
  GetDistributionCommand,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  ListTagsForResourceCommand,
  UpdateDistributionCommand,
  type CloudFrontClient,
  type Distribution,
  type DistributionConfig,
  type DistributionSummary,
} from "@aws-sdk/client-cloudfront";
import { call, codeOf } from "./errors";
import { APPLY_TAG } from "./settings";

/**
 * CloudFront distributions (docs/providers/cloudfront.md#finding-a-distribution): what already serves a host is found by paging
 * ListDistributions and matching Aliases; ListConflictingAliases cannot see other accounts' ids.
 */
export const DEPLOYED = "Deployed";

export async function listDistributions(cloudfront: CloudFrontClient): Promise<DistributionSummary[]> {
  const all: DistributionSummary[] = [];
  let Marker: string | undefined;
  for (;;) {
    const { DistributionList: list } = await call("cloudfront", "ListDistributions", () => cloudfront.send(new ListDistributionsCommand({ Marker, MaxItems: 100 })));
    all.push(...(list?.Items ?? []));
    if (!list?.IsTruncated || !list.NextMarker) return all;
    Marker = list.NextMarker;
  }
}

export function servingAlias(distributions: DistributionSummary[], host: string): DistributionSummary | undefined {
  return distributions.find((d) => (d.Aliases?.Items ?? []).some((a) => a.toLowerCase() === host));
}

export async function distributionConfigOf(cloudfront: CloudFrontClient, id: string): Promise<DistributionConfig> {
  const out = await call("cloudfront", "GetDistributionConfig", () => cloudfront.send(new GetDistributionConfigCommand({ Id: id })));
  if (!out.DistributionConfig) throw new Error("CloudFront returned no distribution config");
  return out.DistributionConfig;
}

/**
 * Creates the distribution carrying APPLY_TAG, in the same call (CreateDistributionWithTags), so there is
 * never a moment when apply's distribution exists untagged (docs/providers/cloudfront.md#tags).
 */
export async function createDistribution(cloudfront: CloudFrontClient, config: DistributionConfig): Promise<Distribution> {
  if (!config.CallerReference) throw new Error("A distribution is created with newCallerReference()");
  const out = await call("cloudfront", "CreateDistributionWithTags", () =>
    cloudfront.send(new CreateDistributionWithTagsCommand({ DistributionConfigWithTags: { DistributionConfig: config, Tags: { Items: [{ ...APPLY_TAG }] } } })),
  );
  if (!out.Distribution?.Id || !out.Distribution.DomainName) throw new Error("CloudFront returned no distribution");
  return out.Distribution;
}

/** Whether the distribution (by ARN) carries the tag apply puts on what it creates. */
export async function hasApplyTag(cloudfront: CloudFrontClient, arn: string): Promise<boolean> {
  const { Tags } = await call("cloudfront", "ListTagsForResource", () => cloudfront.send(new ListTagsForResourceCommand({ Resource: arn })));
  return (Tags?.Items ?? []).some((t) => t.Key === APPLY_TAG.Key && t.Value === APPLY_TAG.Value);
}

/** A distribution with its ETag (the If-Match of an update or delete), or undefined when it does not exist. */
export async function getDistribution(cloudfront: CloudFrontClient, id: string): Promise<{ distribution: Distribution; etag: string } | undefined> {
  try {
    const out = await call("cloudfront", "GetDistribution", () => cloudfront.send(new GetDistributionCommand({ Id: id })));
    if (!out.Distribution?.DistributionConfig || !out.ETag) throw new Error("CloudFront returned no distribution");
    return { distribution: out.Distribution, etag: out.ETag };
  } catch (error) {
    if (codeOf(error) === "NoSuchDistribution") return undefined;
    throw error;
  }
}

/** UpdateDistribution replaces the whole config; a stale ETag is PreconditionFailed (docs/providers/cloudfront.md#updates-and-deletes). */
export async function updateDistribution(cloudfront: CloudFrontClient, id: string, etag: string, config: DistributionConfig): Promise<Distribution> {
  const out = await call("cloudfront", "UpdateDistribution", () => cloudfront.send(new UpdateDistributionCommand({ Id: id, IfMatch: etag, DistributionConfig: config })));
  if (!out.Distribution) throw new Error("CloudFront returned no distribution");
  return out.Distribution;
}

/**
 * Only a disabled, Deployed distribution can be deleted; otherwise DistributionNotDisabled
 * (docs/providers/cloudfront.md#updates-and-deletes).
 */
export async function deleteDistribution(cloudfront: CloudFrontClient, id: string, etag: string): Promise<void> {
  await call("cloudfront", "DeleteDistribution", () => cloudfront.send(new DeleteDistributionCommand({ Id: id, IfMatch: etag })));
}

/** Resource status in plain words. */
export function deploymentWords(status: string | undefined): string {
  return status === DEPLOYED ? "Deployed" : "Deploying";
}
