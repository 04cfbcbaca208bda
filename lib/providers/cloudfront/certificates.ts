import "server-only";
import { randomBytes } from "node:crypto";
import {
  DeleteCertificateCommand,
  DescribeCertificateCommand,
  ListCertificatesCommand,
  ListTagsForCertificateCommand,
  RequestCertificateCommand,
  type ACMClient,
  type CertificateSummary,
} from "@aws-sdk/client-acm";
import { certificateNameCovers } from "@/lib/hostnames";
import { cnameRecord } from "@/lib/providers/plan-parts/common";
import type { DnsRecord } from "@/lib/domain/plan";
import { call, codeOf } from "./errors";
import { untilSeen, type Patience } from "./read-after-create";
import { APPLY_TAG, CERTIFICATE_KEY_TYPES } from "./settings";

/**
 * ACM in us-east-1 (docs/providers/cloudfront.md#acm): find a certificate that names the host, or request one validated
 * by DNS. The validation record can be missing for the first seconds after a request: poll briefly.
 */
export interface Certificate {
  arn: string;
  status: string;
  names: string[];
  /** Validation CNAMEs still to create (empty once issued). */
  records: DnsRecord[];
  domainName: string;
  /** ARNs of what uses it (distributions). */
  inUseBy: string[];
}

export const ISSUED = "ISSUED";
const PENDING = "PENDING_VALIDATION";
const RECORD_POLLS = [250, 500, 1_000];

export async function listCertificates(acm: ACMClient): Promise<CertificateSummary[]> {
  const all: CertificateSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await call("acm", "ListCertificates", () =>
      acm.send(new ListCertificatesCommand({ CertificateStatuses: [ISSUED, PENDING], Includes: { keyTypes: [...CERTIFICATE_KEY_TYPES] }, MaxItems: 1000, NextToken })),
    );
    all.push(...(page.CertificateSummaryList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
}

/**
 * ≤ 32 word characters, new for each request: ACM treats a token it saw within the hour as the same request
 * and answers with that request's certificate (perhaps even one undo has deleted since). The SDK's retries of one
 * request resend the same token, so they cannot make a second certificate (docs/providers/cloudfront.md#idempotencytoken).
 */
export function newIdempotencyToken(): string {
  return `sslclick${randomBytes(12).toString("hex")}`;
}

const noDot = (name: string) => name.replace(/\.$/, "").toLowerCase();

export async function describeCertificate(acm: ACMClient, arn: string): Promise<Certificate> {
  const { Certificate: c } = await call("acm", "DescribeCertificate", () => acm.send(new DescribeCertificateCommand({ CertificateArn: arn })));
  const records = (c?.DomainValidationOptions ?? [])
    .filter((o) => o.ValidationStatus !== "SUCCESS" && o.ResourceRecord?.Name && o.ResourceRecord.Value)
    .map((o) =>
      cnameRecord(noDot(o.ResourceRecord!.Name!), noDot(o.ResourceRecord!.Value!), {
        purpose: `Proves to ACM that you control ${o.DomainName}. Keep it: renewals use it.`,
        phase: "setup",
      }),
    );
  return {
    arn,
    status: c?.Status ?? "UNKNOWN",
    names: c?.SubjectAlternativeNames ?? (c?.DomainName ? [c.DomainName] : []),
    records: c?.Status === ISSUED ? [] : records,
    domainName: c?.DomainName ?? "",
    inUseBy: c?.InUseBy ?? [],
  };
}

/** Describes a pending certificate until ACM shows its validation record (or a few tries pass). */
export async function describeWithRecords(acm: ACMClient, arn: string, sleep: Patience["sleep"]): Promise<Certificate> {
  let cert = await describeCertificate(acm, arn);
  for (const delay of RECORD_POLLS) {
    if (cert.status !== PENDING || cert.records.length > 0) break;
    await sleep(delay);
    cert = await describeCertificate(acm, arn);
  }
  return cert;
}

/** An ISSUED certificate covering the host, else a pending one naming it exactly. */
export async function findCertificate(acm: ACMClient, summaries: CertificateSummary[], host: string): Promise<Certificate | undefined> {
  const namesOf = (s: CertificateSummary) => [s.DomainName ?? "", ...(s.SubjectAlternativeNameSummaries ?? [])];
  const rank = (s: CertificateSummary) => (s.Status === ISSUED ? 0 : 2) + (s.DomainName === host ? 0 : 1);
  const candidates = summaries
    .filter((s) => s.CertificateArn && (s.HasAdditionalSubjectAlternativeNames || namesOf(s).some((n) => certificateNameCovers(n, host))))
    .sort((a, b) => rank(a) - rank(b));
  for (const s of candidates) {
    const cert = await describeCertificate(acm, s.CertificateArn!);
    if (cert.status === ISSUED && cert.names.some((n) => certificateNameCovers(n, host))) return cert;
    if (cert.status === PENDING && cert.names.includes(host)) return cert;
  }
  return undefined;
}

/** What a new request can be: being validated, issued, or failed at once (e.g. a CAA record forbids Amazon). */
const FRESH = new Set([PENDING, ISSUED, "FAILED"]);

/** Whether a certificate just requested is in a state a new request can be in (not expired, revoked, timed out or inactive). */
export const isFresh = (cert: Certificate) => FRESH.has(cert.status);

/**
 * The certificate a request was just answered with. ACM may not show a new certificate at once
 * (ResourceNotFoundException): it is described again with growing waits, within the run's retry settings;
 * undefined when it is still not shown (docs/providers/cloudfront.md#idempotencytoken).
 */
export async function describeRequested(acm: ACMClient, arn: string, patience: Patience): Promise<Certificate | undefined> {
  return untilSeen(async () => {
    try {
      return await describeWithRecords(acm, arn, patience.sleep);
    } catch (error) {
      if (codeOf(error) === "ResourceNotFoundException") return undefined;
      throw error;
    }
  }, patience);
}

/** Requests a DNS-validated certificate for the host, with a new idempotency token; returns its ARN. */
export async function requestCertificate(acm: ACMClient, host: string): Promise<string> {
  const out = await call("acm", "RequestCertificate", () =>
    // ValidationMethod is always sent: the model documents no default, and email is reported as one
    // (docs/providers/cloudfront.md#acm).
    // The tag marks it as this wizard's, for undo (settings.ts APPLY_TAG).
    acm.send(new RequestCertificateCommand({ DomainName: host, ValidationMethod: "DNS", IdempotencyToken: newIdempotencyToken(), Tags: [{ ...APPLY_TAG }] })),
  );
  if (!out.CertificateArn) throw new Error("ACM returned no certificate ARN");
  return out.CertificateArn;
}

/** Whether the certificate carries the tag apply sets on what it requests. */
export async function hasApplyTag(acm: ACMClient, arn: string): Promise<boolean> {
  const { Tags } = await call("acm", "ListTagsForCertificate", () => acm.send(new ListTagsForCertificateCommand({ CertificateArn: arn })));
  return (Tags ?? []).some((t) => t.Key === APPLY_TAG.Key && t.Value === APPLY_TAG.Value);
}

/** Fails with ResourceInUseException while a distribution uses it, reportedly for a while after too (docs/providers/cloudfront.md#acm). */
export async function deleteCertificate(acm: ACMClient, arn: string): Promise<void> {
  await call("acm", "DeleteCertificate", () => acm.send(new DeleteCertificateCommand({ CertificateArn: arn })));
}

const STATUS_WORDS: Record<string, string> = { [ISSUED]: "Issued", [PENDING]: "Pending validation" };

export function certificateStatusWords(status: string): string {
  return STATUS_WORDS[status] ?? status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");
}
