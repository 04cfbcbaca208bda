import "server-only";
import {
  CreateDistributionCommand,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  type CloudFrontClient,
  type Distribution,
  type DistributionConfig,
  type DistributionSummary,
} from "@aws-sdk/client-cloudfront";
import { call } from "./errors";

/**
 * CloudFront distributions (providers.md §3): what already serves a host is found by paging
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

export async function createDistribution(cloudfront: CloudFrontClient, config: DistributionConfig): Promise<Distribution> {
  const out = await call("cloudfront", "CreateDistribution", () => cloudfront.send(new CreateDistributionCommand({ DistributionConfig: config })));
  if (!out.Distribution?.Id || !out.Distribution.DomainName) throw new Error("CloudFront returned no distribution");
  return out.Distribution;
}

/** Resource status in plain words. */
export function deploymentWords(status: string | undefined): string {
  return status === DEPLOYED ? "Deployed" : "Deploying";
}
