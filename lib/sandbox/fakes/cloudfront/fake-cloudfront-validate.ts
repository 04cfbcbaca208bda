import "server-only";
import { certificateNameCovers } from "@/lib/hostnames";
import { child, items, strings, text, walk, type XmlObject, type XmlValue } from "./fake-xml";
import { ALLOWED_METHODS, CACHED_METHODS, CERTIFICATE_REGION } from "@/lib/providers/cloudfront/settings";

/**
 * The checks CloudFront makes on a DistributionConfig that apply can trip over, with the real error
 * codes (CloudFront API reference, CreateDistribution "Errors"; docs/providers/cloudfront.md#errors). Not a full model of
 * every field: what is not checked here is accepted as sent.
 */
export interface FakeError {
  status: number;
  code: string;
  message: string;
}

const invalid = (message: string): FakeError => ({ status: 400, code: "InvalidArgument", message });

/** The only AllowedMethods sets CloudFront offers, and the CachedMethods sets. */
const METHOD_SETS: string[][] = [CACHED_METHODS.slice(0, 2), [...CACHED_METHODS], [...ALLOWED_METHODS]];
const CACHED_SETS = METHOD_SETS.slice(0, 2);
const sameSet = (a: string[], b: string[]) => a.length === b.length && b.every((m) => a.includes(m));

const ENUMS: Record<string, string[]> = {
  ViewerProtocolPolicy: ["allow-all", "https-only", "redirect-to-https"],
  OriginProtocolPolicy: ["http-only", "match-viewer", "https-only"],
  PriceClass: ["PriceClass_100", "PriceClass_200", "PriceClass_All", "None"],
  HttpVersion: ["http1.1", "http2", "http3", "http2and3"],
  SSLSupportMethod: ["sni-only", "vip", "static-ip"],
};
const MINIMUM_PROTOCOL_VERSIONS = ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
const ORIGIN_SSL_PROTOCOLS = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"];

function quantities(config: XmlObject): FakeError | undefined {
  let error: FakeError | undefined;
  walk(config, (node, path) => {
    if (error || node.Quantity === undefined) return;
    const n = Number(node.Quantity);
    if (!Number.isInteger(n) || n !== items(node).length) {
      error = { status: 400, code: "InconsistentQuantities", message: `The value of Quantity and the size of Items don't match (${path}).` };
    }
  });
  return error;
}

function behavior(b: XmlValue, originIds: string[]): FakeError | undefined {
  if (!originIds.includes(text(b, "TargetOriginId") ?? "")) {
    return { status: 404, code: "NoSuchOrigin", message: "One or more of your origins or origin groups do not exist." };
  }
  const allowed = strings(child(b, "AllowedMethods"));
  if (child(b, "AllowedMethods") !== undefined && !METHOD_SETS.some((s) => sameSet(allowed, s))) {
    return invalid(`AllowedMethods ${allowed.join(",")} is not one of GET,HEAD; GET,HEAD,OPTIONS; or GET,HEAD,OPTIONS,PUT,POST,PATCH,DELETE.`);
  }
  const cached = child(b, "AllowedMethods", "CachedMethods");
  if (cached !== undefined && (!CACHED_SETS.some((s) => sameSet(strings(cached), s)) || !strings(cached).every((m) => allowed.includes(m)))) {
    return invalid("CachedMethods must be GET,HEAD or GET,HEAD,OPTIONS, and a subset of AllowedMethods.");
  }
  const legacy = child(b, "ForwardedValues") !== undefined;
  const policy = (text(b, "CachePolicyId") ?? "") !== "";
  if (legacy && policy) return invalid("The parameter ForwardedValues cannot be used when a cache policy is associated to the cache behavior.");
  if (!legacy && !policy) return invalid("The parameter ForwardedValues is required when a cache policy is not associated to the cache behavior.");
  return undefined;
}

function enums(config: XmlObject): FakeError | undefined {
  let error: FakeError | undefined;
  walk(config, (node) => {
    for (const [field, allowed] of Object.entries(ENUMS)) {
      const v = node[field];
      if (!error && typeof v === "string" && !allowed.includes(v)) error = invalid(`The value ${v} is not valid for ${field}.`);
    }
  });
  const minimum = text(config, "ViewerCertificate", "MinimumProtocolVersion");
  if (!error && minimum !== undefined && !MINIMUM_PROTOCOL_VERSIONS.includes(minimum)) {
    error = { status: 400, code: "InvalidMinimumProtocolVersion", message: `The minimum protocol version ${minimum} is not valid.` };
  }
  for (const o of items(child(config, "Origins"))) {
    const bad = strings(child(o, "CustomOriginConfig", "OriginSslProtocols")).find((p) => !ORIGIN_SSL_PROTOCOLS.includes(p));
    if (!error && bad) error = invalid(`The origin SSL protocol ${bad} is not valid.`);
  }
  return error;
}

const BAD_CERTIFICATE = "The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or doesn't include a valid certificate chain.";

export type CertificateLookup = (arn: string) => { status: string; names: string[] } | undefined;

function certificate(config: XmlObject, lookup: CertificateLookup): FakeError | undefined {
  const aliases = strings(child(config, "Aliases"));
  const arn = text(config, "ViewerCertificate", "ACMCertificateArn") ?? "";
  const usesDefault = text(config, "ViewerCertificate", "CloudFrontDefaultCertificate") === "true" || child(config, "ViewerCertificate") === undefined;
  const bad = (message: string): FakeError => ({ status: 400, code: "InvalidViewerCertificate", message });
  if (arn === "" && usesDefault) {
    return aliases.length > 0
      ? bad("To add an alternate domain name (CNAME) to a CloudFront distribution, you must attach a trusted certificate that validates your authorization to use the domain name.")
      : undefined;
  }
  const cert = arn.split(":")[3] === CERTIFICATE_REGION ? lookup(arn) : undefined;
  if (!cert || cert.status !== "ISSUED") return bad(BAD_CERTIFICATE);
  if (text(config, "ViewerCertificate", "SSLSupportMethod") === undefined) return invalid("SSLSupportMethod is required when a custom certificate is used.");
  const uncovered = aliases.find((a) => !cert.names.some((n) => certificateNameCovers(n, a)));
  if (uncovered) return bad(`The certificate that is attached to your distribution doesn't cover the alternate domain name (CNAME) that you're trying to add: ${uncovered}.`);
  return undefined;
}

/** The first problem CloudFront would report for this config, if any. CNAME conflicts are checked by the caller. */
export function validateConfig(config: XmlObject, lookup: CertificateLookup): FakeError | undefined {
  const missing = ["CallerReference", "Origins", "DefaultCacheBehavior", "Comment", "Enabled"].find((f) => config[f] === undefined);
  if (missing) return invalid(`The parameter ${missing} is required.`);
  const origins = items(child(config, "Origins"));
  const originIds = origins.map((o) => text(o, "Id") ?? "");
  if (origins.length === 0) return invalid("The parameter Origins must contain at least one origin.");
  if ((text(config, "Comment") ?? "").length > 128) return invalid("The parameter Comment is too long.");
  if (strings(child(config, "Aliases")).length > 100) {
    return { status: 400, code: "TooManyDistributionCNAMEs", message: "Your request contains more CNAMEs than are allowed per distribution." };
  }
  return (
    quantities(config) ??
    enums(config) ??
    [child(config, "DefaultCacheBehavior") ?? "", ...items(child(config, "CacheBehaviors"))].reduce<FakeError | undefined>((e, b) => e ?? behavior(b, originIds), undefined) ??
    certificate(config, lookup)
  );
}
