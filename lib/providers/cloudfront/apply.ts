import "server-only";
import type { CertificateSummary } from "@aws-sdk/client-acm";
import type { DistributionSummary } from "@aws-sdk/client-cloudfront";
import { pacer } from "@/lib/async";
import { resolveEsp } from "@/lib/esps/choice";
import { defineAdapter } from "@/lib/providers/engine/adapter";
import { ProviderFailure } from "@/lib/providers/engine/failure";
import type { Run } from "@/lib/providers/engine/types";
import { RESOURCE } from "./resources";
import type { HostApplyResult, HostPreview, PlannedChange, ResourceRef } from "@/lib/providers/types";
import {
  certificateStatusWords,
  describeRequested,
  describeWithRecords,
  findCertificate,
  ISSUED,
  isFresh,
  listCertificates,
  requestCertificate,
  type Certificate,
} from "./certificates";
import { CLOUDFRONT_SCRUB, cloudfrontSecrets, createClients, destroyClients, type AwsClients } from "./client";
import { differences, type Wanted } from "./differences";
import { distributionConfig, newCallerReference } from "./distribution-config";
import { cloudfrontRules } from "./behavior";
import { ensureRunPolicies, policyLookupFor, previewPolicies, type RunPolicies } from "./apply-policies";
import { createDistribution, DEPLOYED, deploymentWords, distributionConfigOf, listDistributions, servingAlias } from "./distributions";
import { answerUnreadable, codeOf, staleCertificate, translateError } from "./errors";
import { patienceOf, untilSeen, type Patience } from "./read-after-create";
import { CERTIFICATE_REGION, REQUEST_CERTIFICATE_PER_SECOND } from "./settings";
import type { PlanInput } from "@/lib/domain/plan";
import type { cloudfrontCredentials, CloudfrontCredentials } from "./credentials";
import { cloudfront } from ".";
import { openUndo, undoResource } from "./undo";

/**
 * CloudFront apply, per host: a distribution that already serves the host is adopted as it is (its
 * differences from the plan are reported). Otherwise: an ISSUED ACM certificate covering the host, or a
 * pending one, or a new DNS-validated request; once issued, a distribution from distributionConfig().
 * Re-running changes nothing that exists. Order and API facts: docs/providers/cloudfront.md (#acm, #deployment,
 * #finding-a-distribution).
 */
const CERTIFICATE = RESOURCE.acmCertificate;
const DISTRIBUTION = RESOURCE.cloudfrontDistribution;
const DEPLOY_NOTE = "It is deploying (usually under 5 minutes): test it once its status is Deployed, then switch DNS.";

type Mode = "apply" | "status";

/** What one run shares between hosts: the clients and each list, read once. */
interface Session {
  clients: AwsClients;
  origin: string;
  /** The email provider's rules as CloudFront keeps them, and what differences are judged against. */
  want: Wanted;
  /** The run's custom policies, found or created once, before the first distribution (apply-policies.ts). */
  policies: () => Promise<RunPolicies>;
  /** What the preview says about them, read once per run. */
  policyPreview: () => Promise<PlannedChange[]>;
  certificates: () => Promise<CertificateSummary[]>;
  distributions: () => Promise<DistributionSummary[]>;
  /** Certificate requests, paced to ACM's per-second quota: every host runs at once, requests do not. */
  paceRequests: <T>(fn: () => Promise<T>) => Promise<T>;
  /** How long to keep looking for what this run has just created. */
  patience: Patience;
  close(): void;
}

const once = <T>(fn: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
};

function openSession(credentials: CloudfrontCredentials, input: PlanInput, run: Run): Session {
  const clients = createClients(credentials, run.ctx.endpoints, run.policy);
  const esp = resolveEsp(input);
  const cf = cloudfrontRules(esp.rules);
  const patience = patienceOf(run.policy);
  return {
    clients,
    origin: esp.origin,
    want: { origin: esp.origin, espName: esp.name, rules: esp.rules, cf },
    policies: once(() => ensureRunPolicies(clients.cloudfront, cf, patience)),
    policyPreview: once(() => previewPolicies(clients.cloudfront, cf)),
    certificates: once(() => listCertificates(clients.acm)),
    distributions: once(() => listDistributions(clients.cloudfront)),
    paceRequests: pacer(REQUEST_CERTIFICATE_PER_SECOND),
    patience,
    close: () => destroyClients(clients),
  };
}

const certificateRef = (c: Certificate, createdByThisRun: boolean): ResourceRef => ({ kind: CERTIFICATE, id: c.arn, createdByThisRun, status: certificateStatusWords(c.status) });
const distributionRef = (id: string, status: string | undefined, createdByThisRun: boolean): ResourceRef => ({ kind: DISTRIBUTION, id, createdByThisRun, status: deploymentWords(status) });

async function adopt(r: HostApplyResult, d: DistributionSummary, run: Session, mode: Mode): Promise<HostApplyResult> {
  const id = d.Id ?? "";
  r.resources.push(distributionRef(id, d.Status, false));
  r.target = d.DomainName;
  const config = await distributionConfigOf(run.clients.cloudfront, id);
  r.differences = differences(config, r.host, run.want, await policyLookupFor(run.clients.cloudfront, config));
  const deploying = d.Status !== DEPLOYED;
  r.outcome = mode === "status" && deploying ? "pending" : "unchanged";
  r.summary = [
    `Uses distribution ${id} (${d.DomainName}), which already serves ${r.host}.`,
    deploying ? DEPLOY_NOTE : "",
    r.differences.length > 0 ? `It differs from the plan in ${r.differences.length} way${r.differences.length === 1 ? "" : "s"}: see below.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return r;
}

/** How a requested certificate that ACM did not show within the run's patience is listed. */
export const NOT_SHOWN = "Not shown by ACM yet";

/**
 * A new certificate, reported as soon as ACM names it: every ARN ACM answers with stays in the report, so undo
 * can remove it (undo calls one that is gone "Already gone"). ACM may not show a new certificate at once, so it
 * is described with growing waits; only one still not shown after that, or in a state no new request has, is
 * given up on and asked for once more (docs/providers/cloudfront.md#idempotencytoken).
 */
async function newCertificate(r: HostApplyResult, run: Session): Promise<Certificate> {
  const { acm } = run.clients;
  for (let attempt = 0; attempt < 2; attempt++) {
    const arn = await run.paceRequests(() => requestCertificate(acm, r.host));
    const ref: ResourceRef = r.resources.find((x) => x.id === arn) ?? { kind: CERTIFICATE, id: arn, createdByThisRun: true };
    if (!r.resources.includes(ref)) r.resources.push(ref);
    const cert = await describeRequested(acm, arn, run.patience);
    if (cert && isFresh(cert)) {
      Object.assign(ref, certificateRef(cert, true));
      return cert;
    }
    ref.status = cert ? certificateStatusWords(cert.status) : NOT_SHOWN;
  }
  throw new ProviderFailure(staleCertificate(r.host));
}

async function certificateFor(r: HostApplyResult, run: Session, mode: Mode): Promise<Certificate | undefined> {
  const { acm } = run.clients;
  const found = await findCertificate(acm, await run.certificates(), r.host);
  if (!found) return mode === "status" ? undefined : await newCertificate(r, run);
  const cert = mode === "apply" && found.status !== ISSUED && found.records.length === 0 ? await describeWithRecords(acm, found.arn, run.patience.sleep) : found;
  r.resources.push(certificateRef(cert, false));
  return cert;
}

type Created = { created: Pick<DistributionSummary, "Id" | "DomainName" | "Status"> } | { existing: DistributionSummary };

/**
 * Creates the host's distribution. When the SDK retried a create whose first answer was lost, the retry is
 * refused (DistributionAlreadyExists: the reference was used, by the first try; or CNAMEAlreadyExists, should
 * CloudFront check the alias first); when the answer was a 2xx the SDK could not read, the create was probably
 * carried out. The distribution that now serves the host in this account is then the one this run created if
 * it carries this run's reference, else someone else's, adopted as it is
 * (docs/providers/cloudfront.md#distributionalreadyexists). A list right after the create may not show it yet:
 * it is listed again with growing waits (docs/providers/cloudfront.md#read-after-create).
 */
async function createOrFind(host: string, run: Session, cert: Certificate, policyIds: RunPolicies["ids"]): Promise<Created> {
  const { cloudfront } = run.clients;
  const config = distributionConfig(host, run.origin, cert.arn, newCallerReference(), { rules: run.want.cf, policyIds });
  try {
    return { created: await createDistribution(cloudfront, config) };
  } catch (error) {
    if (codeOf(error) !== "DistributionAlreadyExists" && codeOf(error) !== "CNAMEAlreadyExists" && !answerUnreadable(error)) throw error;
    const existing = await untilSeen(async () => servingAlias(await listDistributions(cloudfront), host), run.patience);
    if (!existing?.Id) throw error;
    const { CallerReference } = await distributionConfigOf(cloudfront, existing.Id);
    return CallerReference === config.CallerReference ? { created: existing } : { existing };
  }
}

/** Where the host stands, and in apply mode the next step for it. A failure keeps what `r` already holds. */
async function hostResult(r: HostApplyResult, run: Session, mode: Mode): Promise<HostApplyResult> {
  const { host } = r;
  r.outcome = "pending";
  const existing = servingAlias(await run.distributions(), host);
  if (existing) return await adopt(r, existing, run, mode);

  const cert = await certificateFor(r, run, mode);
  if (!cert) return { ...r, summary: `Nothing is set up for ${host} yet: run apply.` };
  if (cert.status !== ISSUED) {
    r.records = cert.records;
    r.summary =
      cert.records.length > 0
        ? `The certificate is waiting for validation: create the CNAME record below at your DNS host and keep it (renewals use it), then check again. ACM gives up after 72 hours.`
        : "ACM is still preparing the validation record: check again in a minute.";
    return r;
  }
  if (mode === "status") return { ...r, summary: `The certificate is issued; the distribution is not created yet: run apply.` };

  // The policies go with the first host that needs them; a later host of this run finds the same ids.
  const policies = await run.policies();
  for (const ref of policies.refs) if (!r.resources.some((x) => x.id === ref.id)) r.resources.push({ ...ref });
  const made = await createOrFind(host, run, cert, policies.ids);
  if ("existing" in made) return await adopt(r, made.existing, run, mode);
  const d = made.created;
  r.resources.push(distributionRef(d.Id!, d.Status, true));
  r.target = d.DomainName;
  r.outcome = "created";
  r.summary = `Created distribution ${d.Id} (${d.DomainName}).${d.Status === DEPLOYED ? "" : ` ${DEPLOY_NOTE}`}`;
  return r;
}

async function hostPreview(host: string, run: Session): Promise<HostPreview> {
  const changes: PlannedChange[] = [];
  const existing = servingAlias(await run.distributions(), host);
  if (existing) {
    const config = await distributionConfigOf(run.clients.cloudfront, existing.Id ?? "");
    const diffs = differences(config, host, run.want, await policyLookupFor(run.clients.cloudfront, config));
    changes.push({
      resource: `${DISTRIBUTION} for ${host}`,
      action: "reuse",
      current: `${existing.Id} (${existing.DomainName}), ${deploymentWords(existing.Status)}${diffs.length > 0 ? `, ${diffs.length} difference(s) from the plan` : ""}`,
      next: "Adopted as it is; differences are reported, not changed.",
    });
    return { host, changes };
  }
  const cert = await findCertificate(run.clients.acm, await run.certificates(), host);
  changes.push(
    cert
      ? { resource: `${CERTIFICATE} for ${host}`, action: "reuse", current: `${certificateStatusWords(cert.status)}: ${cert.arn}`, next: cert.status === ISSUED ? "Used by the new distribution." : "Issued once its validation record is in DNS." }
      : { resource: `${CERTIFICATE} for ${host}`, action: "create", next: `Requested in ${CERTIFICATE_REGION} for ${host}, validated by DNS.` },
  );
  changes.push(...(await run.policyPreview()));
  const c = distributionConfig(host, run.origin, cert?.arn ?? "", "", { rules: run.want.cf });
  const origin = c.Origins!.Items![0]!;
  const header = origin.CustomHeaders?.Items?.[0];
  changes.push({
    resource: `${DISTRIBUTION} for ${host}`,
    action: "create",
    next: `Alternate domain name ${host}; origin ${origin.DomainName} (${origin.CustomOriginConfig!.OriginProtocolPolicy})${header ? ` with ${header.HeaderName}: ${header.HeaderValue}` : ""}; methods ${c.DefaultCacheBehavior!.AllowedMethods!.Items!.join(", ")}${cert?.status === ISSUED ? "" : "; created once the certificate is issued"}.`,
  });
  return { host, changes };
}

export const cloudfrontServer = defineAdapter<typeof cloudfrontCredentials, Session, AwsClients & { close(): void }>(cloudfront, {
  secrets: cloudfrontSecrets,
  scrub: CLOUDFRONT_SCRUB,
  translate: translateError,
  open: async (credentials, input, run) => openSession(credentials, input, run),
  preview: (session, host) => hostPreview(host, session),
  apply: (session, _, __, r) => hostResult(r, session, "apply"),
  status: (session, _, __, r) => hostResult(r, session, "status"),
  openUndo: async (credentials, _, run) => openUndo(credentials, run),
  undo: undoResource,
});
