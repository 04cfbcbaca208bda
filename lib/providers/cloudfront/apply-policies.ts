import "server-only";
import type { CloudFrontClient, DistributionConfig } from "@aws-sdk/client-cloudfront";
import { RESOURCE } from "./resources";
import type { PlannedChange, ResourceRef } from "@/lib/providers/types";
import { customPolicies, type CloudfrontRules } from "./behavior";
import type { PolicyIds } from "./distribution-config";
import { MANAGED_ONLY, type PolicyLookup } from "./differences";
import { cachePolicyConfig, originRequestPolicyConfig } from "./policy-configs";
import { ensurePolicy, findPolicyByName, getPolicy } from "./policies";
import type { Patience } from "./read-after-create";

/**
 * The custom policies of a run (docs/providers/cloudfront.md#policies): found by name or created once per run, before
 * the first distribution that uses them, and reported with the host that needed them first so undo can remove what
 * this run created (after the distributions that use them).
 */
export interface RunPolicies {
  ids: Partial<PolicyIds>;
  refs: ResourceRef[];
}

export async function ensureRunPolicies(cloudfront: CloudFrontClient, cf: CloudfrontRules, patience: Patience): Promise<RunPolicies> {
  const { cachePolicy, originRequestPolicy } = customPolicies(cf);
  const ids: Partial<PolicyIds> = {};
  const refs: ResourceRef[] = [];
  if (originRequestPolicy) {
    const p = await ensurePolicy("origin-request", cloudfront, originRequestPolicyConfig(originRequestPolicy), patience);
    ids.originRequestPolicyId = p.id;
    refs.push({ kind: RESOURCE.cloudfrontOriginRequestPolicy, id: p.id, createdByThisRun: p.created, status: originRequestPolicy.name });
  }
  if (cachePolicy) {
    const p = await ensurePolicy("cache", cloudfront, cachePolicyConfig(cachePolicy), patience);
    ids.cachePolicyId = p.id;
    refs.push({ kind: RESOURCE.cloudfrontCachePolicy, id: p.id, createdByThisRun: p.created, status: cachePolicy.name });
  }
  return { ids, refs };
}

/** What the preview says about the run's policies: reused when one of the name exists, else created. */
export async function previewPolicies(cloudfront: CloudFrontClient, cf: CloudfrontRules): Promise<PlannedChange[]> {
  const { cachePolicy, originRequestPolicy } = customPolicies(cf);
  const out: PlannedChange[] = [];
  for (const [kind, spec, what] of [
    ["origin-request", originRequestPolicy, RESOURCE.cloudfrontOriginRequestPolicy],
    ["cache", cachePolicy, RESOURCE.cloudfrontCachePolicy],
  ] as const) {
    if (!spec) continue;
    const found = await findPolicyByName(kind, cloudfront, spec.name);
    out.push(found ? { resource: `${what} ${spec.name}`, action: "reuse", current: found.id, next: "Used by the new distributions (checked against the plan first)." } : { resource: `${what} ${spec.name}`, action: "create", next: spec.comment });
  }
  return out;
}

/** The configs of the policies an adopted distribution names: managed ones as known, custom ones read from CloudFront. */
export async function policyLookupFor(cloudfront: CloudFrontClient, config: DistributionConfig): Promise<PolicyLookup> {
  const b = config.DefaultCacheBehavior;
  const orpId = b?.OriginRequestPolicyId;
  const cacheId = b?.CachePolicyId;
  const orp = orpId && !MANAGED_ONLY.originRequest(orpId) ? await getPolicy("origin-request", cloudfront, orpId) : undefined;
  const cache = cacheId && !MANAGED_ONLY.cache(cacheId) ? await getPolicy("cache", cloudfront, cacheId) : undefined;
  return {
    originRequest: (id) => MANAGED_ONLY.originRequest(id) ?? (id === orpId ? (orp?.config as ReturnType<PolicyLookup["originRequest"]>) : undefined),
    cache: (id) => MANAGED_ONLY.cache(id) ?? (id === cacheId ? (cache?.config as ReturnType<PolicyLookup["cache"]>) : undefined),
  };
}
