import type { CdnId } from "@/lib/providers/ids";

/**
 * Each CDN's API as the fault tables need it (lib/providers/faults.test.ts, lib/providers/contract.test.ts): which
 * operations to fault, error bodies in the wire format of the API each belongs to, and what its client does with
 * them. Operation names are the fakes' (lib/sandbox/fakes/<cdn>).
 */

export type Target = "firstCreate" | "laterCreate" | "read";

/** Error bodies in the wire format of the API an operation belongs to. */
export interface WireErrors {
  /** The provider's error body for a 429 and a 500. */
  rateLimited: string;
  serverError: string;
  contentType: string;
}

export interface ProviderFaults {
  /** The create that makes a host's first resource, and a later one (so a host can fail half-way). */
  firstCreate: string;
  laterCreate: string;
  /** A read every run makes. */
  read: string;
  /** A 2xx body the client cannot parse, in the wire format of the read's and of the later create's API. */
  malformed: Record<"read" | "laterCreate", { body: string; contentType: string }>;
  errors: Record<Target, WireErrors>;
  /** Whether the provider's client retries a create (within the harness's maxRetries) refused with these. */
  retriesCreate: { throttledBeyondBound: boolean; serverError: boolean };
  /** The code a host that failed on the fault reports. */
  codes: { rateLimited: string; serverError: string };
  /** Resources per kind in the account after a run without faults (harness inventory kinds). */
  cleanAccount: Record<string, number>;
  /** A refusal (HTTP 400) of `read` whose message, in the provider's wire format, is `text`: what a provider echoing a request looks like. */
  echo(text: string): { status: number; body: string; contentType: string };
}

const json = "application/json";
/**
 * ACM speaks AWS JSON 1.1: errors are `{"__type", "message"}` (botocore acm/2015-12-08 service-2.json;
 * ThrottlingException is in ACM's model, InternalFailure is among the AWS "Common Errors" with HTTP 500).
 */
const acmErrors: WireErrors = {
  rateLimited: '{"__type":"ThrottlingException","message":"Rate exceeded"}',
  serverError: '{"__type":"InternalFailure","message":"The request processing has failed because of an unknown error."}',
  contentType: "application/x-amz-json-1.1",
};
/** CloudFront speaks REST-XML: `<ErrorResponse><Error><Type/><Code/><Message/></Error></ErrorResponse>` (CloudFront API reference, "Errors"). */
const cloudfrontErrors: WireErrors = {
  rateLimited: "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>",
  serverError: "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error></ErrorResponse>",
  contentType: "text/xml",
};
const everywhere = (errors: WireErrors): Record<Target, WireErrors> => ({ firstCreate: errors, laterCreate: errors, read: errors });

export const PROVIDER_FAULTS: Record<CdnId, ProviderFaults> = {
  cloudfront: {
    firstCreate: "RequestCertificate",
    laterCreate: "CreateDistribution",
    // Not a list call: the inventory here lists through the same fakes.
    read: "DescribeCertificate",
    malformed: {
      read: { body: '{"Certificate":{"CertificateArn":', contentType: "application/x-amz-json-1.1" },
      laterCreate: { body: '<?xml version="1.0" encoding="UTF-8"?><Distribution><Id>', contentType: "text/xml" },
    },
    errors: { firstCreate: acmErrors, laterCreate: cloudfrontErrors, read: acmErrors },
    // The SDK's standard retry classifies 429 as THROTTLING and 5xx as TRANSIENT, POST or not (cloudfront/client.ts).
    retriesCreate: { throttledBeyondBound: true, serverError: true },
    codes: { rateLimited: "ThrottlingException", serverError: "InternalError" },
    cleanAccount: { certificate: 3, distribution: 3 },
    // ACM's JSON 1.1 error for a request it refuses (ValidationException: @aws-sdk/client-acm models/errors.d.ts).
    echo: (text) => ({ status: 400, body: JSON.stringify({ __type: "ValidationException", message: text }), contentType: "application/x-amz-json-1.1" }),
  },
  cloudflare: {
    firstCreate: "CreateDnsRecord",
    laterCreate: "OrderCertificatePack",
    read: "ListDnsRecords",
    malformed: { read: { body: '{"success":true,"result":[{"id":', contentType: json }, laterCreate: { body: '{"success":true,"result":{"id":', contentType: json } },
    errors: everywhere({
      rateLimited: '{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}],"messages":[],"result":null}',
      serverError: '{"success":false,"errors":[{"code":10000,"message":"Internal error"}],"messages":[],"result":null}',
      contentType: json,
    }),
    // A Retry-After above the bound is waited for as long as the bound (cloudflare/errors.ts createFailure); after
    // a create's 5xx the client looks for what it would have made and sends it again only when nothing is there
    // (lib/providers/create-once.ts).
    retriesCreate: { throttledBeyondBound: true, serverError: true },
    codes: { rateLimited: "429", serverError: "10000" },
    // The zone's Universal SSL pack exists before apply; each host adds an advanced pack.
    cleanAccount: { "DNS record": 3, "certificate pack": 4, rule: 3 },
    // The v4 envelope with one error (docs/providers/cloudflare.md#envelope); 1004 "DNS Validation Error" as real answers carry it (simplesurance/cfdns#17).
    echo: (text) => ({ status: 400, body: JSON.stringify({ success: false, errors: [{ code: 1004, message: text }], messages: [], result: null }), contentType: json }),
  },
  fastly: {
    firstCreate: "CreateService",
    laterCreate: "CreateTlsSubscription",
    read: "SearchService",
    malformed: { read: { body: '{"id":"abc","versions":[{', contentType: json }, laterCreate: { body: '{"data":{"id":', contentType: "application/vnd.api+json" } },
    errors: everywhere({ rateLimited: '{"msg":"Too many requests","detail":"Rate limit exceeded"}', serverError: '{"msg":"Internal Server Error"}', contentType: json }),
    // http-client.ts: a hint above the bound is reported, not waited for; a create's 5xx is sent again once
    // nothing it would have made is found (requestCreate, lib/providers/create-once.ts).
    retriesCreate: { throttledBeyondBound: false, serverError: true },
    codes: { rateLimited: "rate_limited", serverError: "provider_unavailable" },
    cleanAccount: { service: 3, "TLS subscription": 3 },
    // The config API's error body (docs/providers/fastly.md#wire-format).
    echo: (text) => ({ status: 400, body: JSON.stringify({ msg: "Bad request", detail: text }), contentType: json }),
  },
  keycdn: {
    firstCreate: "AddZone",
    laterCreate: "AddZoneAlias",
    read: "ListZones",
    malformed: {
      read: { body: '{"status":"success","description":"","data":{"zones":[{', contentType: json },
      laterCreate: { body: '{"status":"success","description":"","data":{"zonealias":{', contentType: json },
    },
    errors: everywhere({ rateLimited: '{"status":"error","description":"Rate limit exceeded"}', serverError: '{"status":"error","description":"Internal error"}', contentType: json }),
    // As Fastly: the same http-client.ts, creates sent with requestCreate.
    retriesCreate: { throttledBeyondBound: false, serverError: true },
    codes: { rateLimited: "rate_limited", serverError: "provider_unavailable" },
    cleanAccount: { zone: 3, "zone alias": 3 },
    // KeyCDN's envelope (docs/providers/keycdn.md#api-basics).
    echo: (text) => ({ status: 400, body: JSON.stringify({ status: "error", description: text }), contentType: json }),
  },
};
