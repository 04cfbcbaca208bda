import "server-only";
import { failureOf } from "@/lib/providers/engine/failure";
import type { ErrorTranslator } from "@/lib/providers/engine/types";
import type { ProviderError } from "@/lib/providers/types";
import { cloudfrontInfo } from "./info";
import { ACM_FIRST_NAME_MAX_LENGTH, CERTIFICATE_REGION } from "./settings";

/**
 * AWS failures → ProviderError with what to do. Codes: CloudFront API reference (CreateDistribution
 * "Errors"), ACM API reference "Common errors", docs/providers/cloudfront.md#errors. In SDK v3 an error's `name` is the code.
 */
export type AwsService = "cloudfront" | "acm";

/** An SDK failure together with the call that made it (the call names the IAM permission). */
export class AwsCallError extends Error {
  constructor(
    readonly service: AwsService,
    readonly operation: string,
    readonly error: unknown,
  ) {
    super(`${service}:${operation} failed`);
  }
}


export async function call<T>(service: AwsService, operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new AwsCallError(service, operation, error);
  }
}

/**
 * A 2xx answer the SDK could not read: its deserializer failed and stamped the error with the answer's status
 * (`$metadata.httpStatusCode`, @smithy/core schema deserializer middleware). After a create it was probably
 * carried out. docs/providers/cloudfront.md#distributionalreadyexists
 */
export function answerUnreadable(thrown: unknown): boolean {
  const e = thrown instanceof AwsCallError ? thrown.error : thrown;
  const status = (e as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return status !== undefined && status >= 200 && status < 300;
}

/** The AWS error code of a failed call (in SDK v3 the error's `name`). */
export function codeOf(thrown: unknown): string | undefined {
  const e = thrown instanceof AwsCallError ? thrown.error : thrown;
  return (e as { name?: string } | undefined)?.name;
}

const THROTTLING = ["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded", "SlowDown"];
const NETWORK = ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "TimeoutError", "RequestTimeout"];
const BUG = ["InvalidArgument", "InconsistentQuantities", "ValidationException", "InvalidParameterException", "MalformedInput", "NoSuchOrigin", "IllegalUpdate", "SerializationException"];

const RETRY_LATER = "Apply again in a few minutes. Nothing is lost: apply picks up what already exists.";

/** API operations whose IAM actions have other names (the SDK's CreateDistributionWithTagsCommand documentation). */
const IAM_ACTIONS: Record<string, string[]> = { "cloudfront:CreateDistributionWithTags": ["cloudfront:CreateDistribution", "cloudfront:TagResource"] };

function permissionFor(service: AwsService, operation: string): string {
  const wanted = `${service}:${operation}`;
  return (IAM_ACTIONS[wanted] ?? [wanted]).join(" and ");
}

/** When ACM shows no usable certificate for either of two requests apply made for the host. */
export function staleCertificate(host: string): ProviderError {
  return {
    code: "StaleCertificate",
    message: `ACM accepted two certificate requests for ${host} but showed no usable certificate for either: not found even after waiting, or expired, revoked or timed out.`,
    action: "Apply again in a few minutes: ACM can be slow to show a new certificate, and apply then uses the one it finds. What apply asked for is listed here, so undo can remove it.",
  };
}

/**
 * A custom policy of the wizard's name that exists with other settings (docs/providers/cloudfront.md#policies): other
 * distributions may use it, so apply neither uses nor changes it.
 */
export function policyDiffers(kind: string, name: string, id: string, differences: readonly string[]): ProviderError {
  return {
    code: "PolicyDiffers",
    message: `The ${kind} policy ${name} (${id}) exists with other settings: ${differences.join("; ")}. Other distributions may use it, so apply neither uses nor changes it.`,
    action: "In CloudFront › Policies, set it to the values of the manual plan's policies step, or delete it if nothing uses it, then apply again.",
  };
}

export const translateError: ErrorTranslator = (thrown, opts) => {
  const known = failureOf(thrown);
  if (known) return known;
  const call = thrown instanceof AwsCallError ? thrown : undefined;
  const e = (call ? call.error : thrown) as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  const status = e?.$metadata?.httpStatusCode ?? 0;
  // The SDK names an error it cannot parse (e.g. an empty 5xx body) "Unknown" or "UnknownError".
  const named = e?.name && !["Error", "Unknown", "UnknownError"].includes(e.name) ? e.name : undefined;
  const code = NETWORK.includes(e?.code ?? "") ? e!.code! : (named ?? (status ? `HTTP ${status}` : e?.code || "Error"));
  const awsMessage = opts.scrub(e?.message ?? "");
  const host = opts.host ?? "this hostname";
  const result = (message: string, action: string): ProviderError => ({ code, message, action });

  switch (code) {
    case "InvalidClientTokenId":
    case "UnrecognizedClientException":
      return result(
        "The AWS access key ID is not known to AWS: check for typos or a deleted key.",
        "Copy the access key ID again from IAM (Users → Security credentials), or create a new access key there.",
      );
    case "SignatureDoesNotMatch":
    case "InvalidSignatureException":
      return result(
        "The AWS secret access key does not belong to this access key ID.",
        "Paste the secret access key again. AWS shows it only once, when the key is created: if it is lost, create a new access key in IAM.",
      );
    case "ExpiredToken":
    case "ExpiredTokenException":
    case "RequestExpired":
      return result("These temporary AWS credentials have expired.", "Get new temporary credentials (access key ID, secret access key and session token) and try again.");
    case "AccessDenied":
    case "AccessDeniedException": {
      const permission = call ? permissionFor(call.service, call.operation) : "one of the permissions below";
      return result(
        `The AWS credentials are not allowed ${permission}.`,
        `Add ${permission} to the IAM policy of this user or role. Apply needs: ${cloudfrontInfo.permissions.join(", ")}.`,
      );
    }
    case "CNAMEAlreadyExists":
      return result(
        `Another distribution (maybe in another AWS account) already uses ${host}.`,
        `Remove ${host} from that distribution's alternate domain names, or run apply with credentials for the account that owns it (apply adopts it). If you cannot find it, AWS Support can tell you which account uses the name.`,
      );
    case "TooManyDistributions":
      return result(
        "This AWS account has reached its limit of CloudFront distributions.",
        "Delete distributions you no longer use, or ask for a higher quota in Service Quotas (Amazon CloudFront → Web distributions per AWS account), then apply again.",
      );
    case "TooManyDistributionCNAMEs":
      return result("The distribution has more alternate domain names than CloudFront allows.", "Remove alternate domain names you no longer need, then apply again.");
    case "InvalidViewerCertificate":
      return result(
        `CloudFront did not accept the certificate for ${host}: ${awsMessage}`,
        `In ACM, region US East (N. Virginia) ${CERTIFICATE_REGION}, check that the certificate for ${host} is Issued and names ${host} exactly, then apply again.`,
      );
    case "LimitExceededException":
      return result("This AWS account has reached an ACM certificate quota.", `Delete certificates you no longer use in ACM (${CERTIFICATE_REGION}), or ask for a higher quota, then apply again.`);
    case "DistributionAlreadyExists":
      return result(
        `CloudFront says this create request was already made (its caller reference was used before), but no distribution in this account serves ${host}.`,
        "Apply again: each run sends a new caller reference and first looks for what already exists.",
      );
    case "InvalidDomainValidationOptionsException":
      return result(
        `ACM did not accept ${host} as a certificate name: ${awsMessage}`,
        host.length > ACM_FIRST_NAME_MAX_LENGTH
          ? `A certificate's first name has at most ${ACM_FIRST_NAME_MAX_LENGTH} characters and ${host} has ${host.length}: choose a shorter link subdomain in your link branding, then start again with the new hostname.`
          : "Check the hostname, then apply again. If it keeps failing, follow the manual steps for this hostname.",
      );
    case "PreconditionFailed":
      return result("The distribution changed while apply was working on it.", "Apply again: it reads the current version first.");
    // The run's custom policies (docs/providers/cloudfront.md#policies).
    case "TooManyOriginRequestPolicies":
    case "TooManyCachePolicies":
      return result("This AWS account has reached its limit of custom CloudFront policies.", "Delete policies you no longer use (CloudFront › Policies), or ask for a higher quota in Service Quotas, then apply again.");
    case "NoSuchOriginRequestPolicy":
    case "NoSuchCachePolicy":
      return result("A policy the distribution needs was deleted while apply was working.", "Apply again: it creates the policy anew.");
  }
  if (THROTTLING.includes(code) || status === 429) return result("AWS is limiting how fast requests are made (rate limit).", RETRY_LATER);
  if (status >= 500) return result(`AWS answered with a temporary server error (HTTP ${status}).`, RETRY_LATER);
  if (NETWORK.includes(code)) {
    return result(`Could not reach AWS (${code}).`, "Check that this server can reach AWS (or the configured CLOUDFRONT_ENDPOINT / ACM_ENDPOINT), then try again.");
  }
  if (BUG.includes(code)) {
    return result(`AWS rejected the request: ${awsMessage}`, "This is a problem in the wizard: report it with this message. Meanwhile, follow the manual steps for this hostname.");
  }
  return result(awsMessage || `AWS failed with ${code}.`, "Try again. If it keeps failing, follow the manual steps for this hostname.");
};
