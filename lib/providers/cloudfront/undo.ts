import "server-only";
import { alreadyGone, refused, removed, waiting } from "@/lib/providers/engine/results";
import type { Run } from "@/lib/providers/engine/types";
import type { UndoResult, UndoTarget } from "@/lib/providers/types";
import { RESOURCE } from "./resources";
import { deleteCertificate, describeCertificate, hasApplyTag as certificateHasApplyTag } from "./certificates";
import { createClients, destroyClients, type AwsClients } from "./client";
import { DEPLOYED, deleteDistribution, getDistribution, hasApplyTag as distributionHasApplyTag, updateDistribution } from "./distributions";
import { codeOf } from "./errors";
import type { CloudfrontCredentials } from "./credentials";
import { APPLY_TAG, CERTIFICATE_REGION, DEPLOY_MINUTES } from "./settings";
import { POLICY_NAME_PREFIX } from "./behavior";
import { deletePolicy, getPolicy, type PolicyKind } from "./policies";

/**
 * CloudFront undo (docs/providers/cloudfront.md#updates-and-deletes): a distribution is disabled (GetDistribution → Enabled
 * false → UpdateDistribution with If-Match), and deleted once that change is Deployed; until then undo
 * says how long to wait, and running it again continues. The ACM certificate goes once no distribution
 * uses it (ACM refuses with ResourceInUseException while one does, and for a while after).
 *
 * Apply's mark: APPLY_TAG, on a distribution that serves the host and nothing else, and on a certificate
 * that names the host (docs/providers/cloudfront.md#tags). Anything else is refused.
 */

const ACM_ARN = new RegExp(`^arn:aws:acm:${CERTIFICATE_REGION}:\\d{12}:certificate/[0-9a-f-]{36}$`);
const DISTRIBUTION_ID = /^[A-Z0-9]{1,32}$/;

function minutesLeft(lastModified: Date | undefined, now = Date.now()): number {
  const elapsed = lastModified ? (now - lastModified.getTime()) / 60_000 : 0;
  return Math.max(1, Math.ceil(DEPLOY_MINUTES - elapsed));
}

const notTagged = (what: string) => `it does not carry the tag ${APPLY_TAG.Key}=${APPLY_TAG.Value} that apply puts on the ${what}.`;

const undoAgain = (minutes: number) => `Deletion is possible once that is deployed, in about ${minutes} minute${minutes === 1 ? "" : "s"}: undo again then.`;

async function undoDistribution({ cloudfront }: AwsClients, t: UndoTarget): Promise<UndoResult> {
  if (!DISTRIBUTION_ID.test(t.id)) return refused(t, `${t.id} is not a CloudFront distribution id.`);
  const found = await getDistribution(cloudfront, t.id);
  if (!found) return alreadyGone(t);
  const { distribution: d, etag } = found;
  const config = d.DistributionConfig!;
  const aliases = (config.Aliases?.Items ?? []).map((a) => a.toLowerCase());
  if (!aliases.includes(t.host)) return refused(t, `it does not serve ${t.host}.`);
  if (!(await distributionHasApplyTag(cloudfront, d.ARN ?? ""))) return refused(t, notTagged("distributions it creates"));
  const others = aliases.filter((a) => a !== t.host);
  if (others.length > 0) {
    return refused(t, `it now also serves ${others.join(", ")}, which apply did not add. Remove those alternate domain names first if you mean to delete it.`);
  }

  if (config.Enabled) {
    const updated = await updateDistribution(cloudfront, t.id, etag, { ...config, Enabled: false });
    const minutes = minutesLeft(updated.LastModifiedTime);
    return waiting(t, `Disabled: it no longer serves ${t.host}. CloudFront is deploying that change. ${undoAgain(minutes)}`, minutes);
  }
  if (d.Status !== DEPLOYED) {
    const minutes = minutesLeft(d.LastModifiedTime);
    return waiting(t, `Disabled; CloudFront is still deploying that change. ${undoAgain(minutes)}`, minutes);
  }
  try {
    await deleteDistribution(cloudfront, t.id, etag);
  } catch (error) {
    const code = codeOf(error);
    if (code === "NoSuchDistribution") return alreadyGone(t);
    if (code === "DistributionNotDisabled" || code === "PreconditionFailed") {
      return waiting(t, `It changed while undo was working on it. ${undoAgain(DEPLOY_MINUTES)}`, DEPLOY_MINUTES);
    }
    throw error;
  }
  return removed(t, `Deleted distribution ${t.id}.`);
}

async function undoCertificate({ acm }: AwsClients, t: UndoTarget, done: readonly UndoResult[]): Promise<UndoResult> {
  if (!ACM_ARN.test(t.id)) return refused(t, `${t.id} is not the ARN of an ACM certificate in ${CERTIFICATE_REGION}.`);
  let cert;
  try {
    cert = await describeCertificate(acm, t.id);
  } catch (error) {
    if (codeOf(error) === "ResourceNotFoundException") return alreadyGone(t);
    throw error;
  }
  if (cert.domainName !== t.host) return refused(t, `it is for ${cert.domainName}, not ${t.host}.`);
  if (!(await certificateHasApplyTag(acm, t.id))) return refused(t, notTagged("certificates it requests"));
  // Distributions of this undo that are on their way out: the certificate waits for them.
  const pending = done.filter((r) => r.kind === RESOURCE.cloudfrontDistribution && r.host === t.host && (r.outcome === "waiting" || r.outcome === "failed"));
  if (pending.length > 0) {
    return waiting(t, `Deleted after the distribution that uses it is gone: undo again then.`, Math.max(...pending.map((r) => r.retryInMinutes ?? DEPLOY_MINUTES)));
  }
  const undone = new Set(done.filter((r) => r.kind === RESOURCE.cloudfrontDistribution && r.outcome === "removed").map((r) => r.id));
  const usedElsewhere = cert.inUseBy.filter((arn) => !undone.has(arn.slice(arn.lastIndexOf("/") + 1)));
  if (usedElsewhere.length > 0) {
    return refused(t, `it is in use by ${usedElsewhere.join(", ")}, which this undo does not remove. Take it off there first if you mean to delete it.`);
  }
  try {
    await deleteCertificate(acm, t.id);
  } catch (error) {
    const code = codeOf(error);
    if (code === "ResourceNotFoundException") return alreadyGone(t);
    if (code === "ResourceInUseException") {
      return waiting(t, `ACM still counts it as in use (it does for a while after a distribution is deleted). Undo again in a few minutes.`, DEPLOY_MINUTES);
    }
    throw error;
  }
  return removed(t, `Deleted the certificate for ${t.host}.`);
}

const POLICY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A custom policy apply created (named with POLICY_NAME_PREFIX: policies take no tags), once no distribution of this
 * undo still needs it; CloudFront refuses while any distribution uses it (…PolicyInUse), so one that other
 * distributions use stays (docs/providers/cloudfront.md#policies).
 */
async function undoPolicy({ cloudfront }: AwsClients, t: UndoTarget, done: readonly UndoResult[]): Promise<UndoResult> {
  const kind: PolicyKind = t.kind === RESOURCE.cloudfrontCachePolicy ? "cache" : "origin-request";
  if (!POLICY_ID.test(t.id)) return refused(t, `${t.id} is not a CloudFront policy id.`);
  const pending = done.filter((r) => r.kind === RESOURCE.cloudfrontDistribution && (r.outcome === "waiting" || r.outcome === "failed"));
  if (pending.length > 0) {
    return waiting(t, "Deleted after the distributions that use it are gone: undo again then.", Math.max(...pending.map((r) => r.retryInMinutes ?? DEPLOY_MINUTES)));
  }
  const found = await getPolicy(kind, cloudfront, t.id);
  if (!found) return alreadyGone(t);
  const name = found.config.Name ?? "";
  if (!name.startsWith(POLICY_NAME_PREFIX)) return refused(t, `it is named ${name}, not a name apply gives its policies (${POLICY_NAME_PREFIX}…).`);
  try {
    await deletePolicy(kind, cloudfront, t.id, found.etag);
  } catch (error) {
    const code = codeOf(error);
    if (code === "NoSuchOriginRequestPolicy" || code === "NoSuchCachePolicy") return alreadyGone(t);
    if (code === "OriginRequestPolicyInUse" || code === "CachePolicyInUse") {
      return refused(t, `another distribution still uses ${name}, so it stays. Delete it in CloudFront › Policies once nothing uses it.`);
    }
    throw error;
  }
  return removed(t, `Deleted the policy ${name}.`);
}

/** The account step: the run's clients (nothing is read until a resource is looked at). */
export function openUndo(credentials: CloudfrontCredentials, run: Run): AwsClients & { close(): void } {
  const clients = createClients(credentials, run.ctx.endpoints, run.policy);
  return { ...clients, close: () => destroyClients(clients) };
}

export function undoResource(clients: AwsClients, t: UndoTarget, done: readonly UndoResult[]): Promise<UndoResult> {
  return t.kind === RESOURCE.cloudfrontDistribution
    ? undoDistribution(clients, t)
    : t.kind === RESOURCE.acmCertificate
      ? undoCertificate(clients, t, done)
      : undoPolicy(clients, t, done);
}
