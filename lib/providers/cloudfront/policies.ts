import "server-only";
import {
  CreateCachePolicyCommand,
  CreateOriginRequestPolicyCommand,
  DeleteCachePolicyCommand,
  DeleteOriginRequestPolicyCommand,
  GetCachePolicyCommand,
  GetOriginRequestPolicyCommand,
  ListCachePoliciesCommand,
  ListOriginRequestPoliciesCommand,
  type CachePolicyConfig,
  type CloudFrontClient,
  type OriginRequestPolicyConfig,
} from "@aws-sdk/client-cloudfront";
import { untilSeen, type Patience } from "./read-after-create";
import { fail } from "@/lib/providers/engine/failure";
import { answerUnreadable, call, codeOf, policyDiffers } from "./errors";
import { cachePolicyDifferences, originRequestPolicyDifferences } from "./policy-configs";

/**
 * CloudFront's account-wide policies (docs/providers/cloudfront.md#policies): the custom ones apply needs are found by
 * their name (ListOriginRequestPolicies / ListCachePolicies with `Type=custom`, paged by Marker), created when
 * missing, and checked against the plan when found. Policies take no tags, so the name (POLICY_NAME_PREFIX) is
 * apply's mark. A create whose answer was lost is OriginRequestPolicyAlreadyExists / CachePolicyAlreadyExists on
 * the SDK's retry: the policy is then looked up by name again (Smithy model, the create operations' errors).
 */

export type PolicyKind = "origin-request" | "cache";

interface Found<C> {
  id: string;
  config: C;
}

async function listCustom<C>(kind: PolicyKind, cloudfront: CloudFrontClient): Promise<Found<C>[]> {
  const all: Found<C>[] = [];
  let Marker: string | undefined;
  for (;;) {
    if (kind === "origin-request") {
      const { OriginRequestPolicyList: list } = await call("cloudfront", "ListOriginRequestPolicies", () =>
        cloudfront.send(new ListOriginRequestPoliciesCommand({ Type: "custom", Marker, MaxItems: 100 })),
      );
      for (const s of list?.Items ?? []) if (s.OriginRequestPolicy?.Id) all.push({ id: s.OriginRequestPolicy.Id, config: s.OriginRequestPolicy.OriginRequestPolicyConfig as C });
      Marker = list?.NextMarker;
    } else {
      const { CachePolicyList: list } = await call("cloudfront", "ListCachePolicies", () => cloudfront.send(new ListCachePoliciesCommand({ Type: "custom", Marker, MaxItems: 100 })));
      for (const s of list?.Items ?? []) if (s.CachePolicy?.Id) all.push({ id: s.CachePolicy.Id, config: s.CachePolicy.CachePolicyConfig as C });
      Marker = list?.NextMarker;
    }
    if (!Marker) return all;
  }
}

async function create(kind: PolicyKind, cloudfront: CloudFrontClient, config: OriginRequestPolicyConfig | CachePolicyConfig): Promise<string | undefined> {
  if (kind === "origin-request") {
    const out = await call("cloudfront", "CreateOriginRequestPolicy", () =>
      cloudfront.send(new CreateOriginRequestPolicyCommand({ OriginRequestPolicyConfig: config as OriginRequestPolicyConfig })),
    );
    return out.OriginRequestPolicy?.Id;
  }
  const out = await call("cloudfront", "CreateCachePolicy", () => cloudfront.send(new CreateCachePolicyCommand({ CachePolicyConfig: config as CachePolicyConfig })));
  return out.CachePolicy?.Id;
}

const ALREADY_EXISTS: Record<PolicyKind, string> = { "origin-request": "OriginRequestPolicyAlreadyExists", cache: "CachePolicyAlreadyExists" };

function differences(kind: PolicyKind, have: OriginRequestPolicyConfig | CachePolicyConfig, want: OriginRequestPolicyConfig | CachePolicyConfig): string[] {
  return kind === "origin-request"
    ? originRequestPolicyDifferences(have as OriginRequestPolicyConfig, want as OriginRequestPolicyConfig)
    : cachePolicyDifferences(have as CachePolicyConfig, want as CachePolicyConfig);
}

/** The custom policy of this name, if the account has one (for the preview: nothing is created). */
export async function findPolicyByName(kind: PolicyKind, cloudfront: CloudFrontClient, name: string): Promise<{ id: string } | undefined> {
  return (await listCustom<{ Name?: string }>(kind, cloudfront)).find((p) => p.config.Name === name);
}

/**
 * The id of the custom policy with the config's name: found, or created. A found one must match the plan: one that
 * differs is reported (policyDiffers, a ProviderFailure) rather than used or changed, since other distributions may rely on it.
 */
export async function ensurePolicy(
  kind: PolicyKind,
  cloudfront: CloudFrontClient,
  config: OriginRequestPolicyConfig | CachePolicyConfig,
  patience: Patience,
): Promise<{ id: string; created: boolean }> {
  const byName = async () => (await listCustom<OriginRequestPolicyConfig | CachePolicyConfig>(kind, cloudfront)).find((p) => p.config.Name === config.Name);
  const check = (found: Found<OriginRequestPolicyConfig | CachePolicyConfig>) => {
    const diffs = differences(kind, found.config, config);
    if (diffs.length > 0) {
      fail(policyDiffers(kind, config.Name ?? "", found.id, diffs));
    }
    return { id: found.id, created: false };
  };
  const existing = await byName();
  if (existing) return check(existing);
  try {
    const id = await create(kind, cloudfront, config);
    if (id) return { id, created: true };
    throw new Error(`CloudFront returned no ${kind} policy`);
  } catch (error) {
    if (codeOf(error) !== ALREADY_EXISTS[kind] && !answerUnreadable(error)) throw error;
    // Not there when this run looked, there now: the SDK's first try was carried out and its answer lost (or a run
    // started at the same moment made it). Either way it is new, and undo may remove it once nothing uses it.
    const found = await untilSeen(byName, patience);
    if (!found) throw error;
    return { ...check(found), created: true };
  }
}

/** A custom policy's config and ETag, or undefined when it does not exist. */
export async function getPolicy(kind: PolicyKind, cloudfront: CloudFrontClient, id: string): Promise<{ config: OriginRequestPolicyConfig | CachePolicyConfig; etag: string } | undefined> {
  try {
    if (kind === "origin-request") {
      const out = await call("cloudfront", "GetOriginRequestPolicy", () => cloudfront.send(new GetOriginRequestPolicyCommand({ Id: id })));
      return out.OriginRequestPolicy?.OriginRequestPolicyConfig && out.ETag ? { config: out.OriginRequestPolicy.OriginRequestPolicyConfig, etag: out.ETag } : undefined;
    }
    const out = await call("cloudfront", "GetCachePolicy", () => cloudfront.send(new GetCachePolicyCommand({ Id: id })));
    return out.CachePolicy?.CachePolicyConfig && out.ETag ? { config: out.CachePolicy.CachePolicyConfig, etag: out.ETag } : undefined;
  } catch (error) {
    if (codeOf(error) === "NoSuchOriginRequestPolicy" || codeOf(error) === "NoSuchCachePolicy") return undefined;
    throw error;
  }
}

/** Deletes a custom policy; CloudFront refuses one a distribution still uses (…PolicyInUse, 409). */
export async function deletePolicy(kind: PolicyKind, cloudfront: CloudFrontClient, id: string, etag: string): Promise<void> {
  if (kind === "origin-request") {
    await call("cloudfront", "DeleteOriginRequestPolicy", () => cloudfront.send(new DeleteOriginRequestPolicyCommand({ Id: id, IfMatch: etag })));
  } else {
    await call("cloudfront", "DeleteCachePolicy", () => cloudfront.send(new DeleteCachePolicyCommand({ Id: id, IfMatch: etag })));
  }
}
