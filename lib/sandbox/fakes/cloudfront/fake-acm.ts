import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { StatefulFake } from "@/lib/sandbox/fake-state";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { AcmError, readTags } from "./fake-acm-tags";
import { accessDeniedMessage, authenticate, type Caller, type FakeAccounts } from "./fake-auth";
import { ACM_FIRST_NAME_MAX_LENGTH } from "@/lib/providers/cloudfront/settings";

/**
 * AWS Certificate Manager as @aws-sdk/client-acm speaks it: JSON 1.1, `POST /`, the operation in
 * `X-Amz-Target: CertificateManager.<Op>`, errors `{"__type", "message"}` with status 400 (ACM API
 * reference; botocore acm/2015-12-08 service-2.json). State is kept per account and region, as in AWS.
 *
 * Validation is simulated: the first `recordAfterDescribes` DescribeCertificate calls of a DNS-validated
 * certificate show no ResourceRecord yet (ACM documents a delay of several seconds:
 * docs/providers/cloudfront.md#acm), and the certificate turns ISSUED once `issueAfterDescribes` describes
 * have shown the record (the sandbox "validates" it by itself).
 */
export interface AcmFakeOptions {
  accounts: FakeAccounts;
  issueAfterDescribes?: number;
  recordAfterDescribes?: number;
  now?: () => number;
}

/** What the CloudFront fake needs to know about certificates. */
export interface AcmView {
  certificate(accountId: string, arn: string): { status: string; names: string[] } | undefined;
  setInUse(accountId: string, arn: string, resourceArn: string, inUse: boolean): void;
}

export type AcmFake = StatefulFake & AcmView;

interface Certificate {
  arn: string;
  domainName: string;
  names: string[];
  keyAlgorithm: string;
  validationMethod: string;
  status: string;
  createdAt: number;
  issuedAt?: number;
  describes: number;
  recordShown: number;
  record: { Name: string; Type: "CNAME"; Value: string };
  inUseBy: Set<string>;
  tags: { Key: string; Value?: string }[];
}

const TARGET_PREFIX = "CertificateManager.";
const OPERATIONS = ["RequestCertificate", "DescribeCertificate", "ListCertificates", "DeleteCertificate", "ListTagsForCertificate"] as const;
type Operation = (typeof OPERATIONS)[number];
const WRITES: ReadonlySet<string> = new Set<Operation>(["RequestCertificate", "DeleteCertificate"]);
/** ListCertificates without Includes.keyTypes (ACM API reference, Filters). */
const DEFAULT_KEY_TYPES = ["RSA_1024", "RSA_2048"];
const IDEMPOTENCY_WINDOW_MS = 60 * 60 * 1000;
const ARN = /^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/;
const DOMAIN = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;


const json = (status: number, body: unknown): FakeResponse => ({
  status,
  headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": randomUUID() },
  body: JSON.stringify(body),
});

const hex = (n: number) => randomBytes(n).toString("hex");
/** The wire shows "RSA-2048" where requests and filters say "RSA_2048" (recorded DescribeCertificate output). */
const wireAlgorithm = (a: string) => a.replace("_", "-");

/** What the API's calls change (lib/sandbox/fake-state.ts). */
interface AcmState {
  stores: Map<string, Map<string, Certificate>>;
  tokens: Map<string, { arn: string; at: number }>;
}

export function fakeAcm(opts: AcmFakeOptions): AcmFake {
  const issueAfter = opts.issueAfterDescribes ?? 2;
  const recordAfter = opts.recordAfterDescribes ?? 1;
  const now = opts.now ?? Date.now;
  /** "account/region" → arn → certificate */
  let stores = new Map<string, Map<string, Certificate>>();
  let tokens = new Map<string, { arn: string; at: number }>();

  const store = (accountId: string, region: string) => {
    const key = `${accountId}/${region}`;
    let s = stores.get(key);
    if (!s) stores.set(key, (s = new Map()));
    return s;
  };
  const regionOf = (arn: string) => arn.split(":")[3] ?? "";
  const find = (caller: Caller, arn: unknown): Certificate => {
    if (typeof arn !== "string" || !ARN.test(arn)) throw new AcmError("InvalidArnException", `The certificate ARN ${String(arn)} is not valid.`);
    const cert = store(caller.accountId, caller.region).get(arn);
    if (!cert) throw new AcmError("ResourceNotFoundException", `Could not find certificate ${arn}.`);
    return cert;
  };

  const validationOption = (c: Certificate, name: string, showRecord: boolean) => ({
    DomainName: name,
    ValidationDomain: name,
    ValidationStatus: c.status === "ISSUED" ? "SUCCESS" : c.status === "PENDING_VALIDATION" ? "PENDING_VALIDATION" : "FAILED",
    ValidationMethod: c.validationMethod,
    ...(c.validationMethod === "DNS" && showRecord
      ? { ResourceRecord: { ...c.record, Name: c.record.Name.replace(c.domainName.replace(/^\*\./, ""), name.replace(/^\*\./, "")) } }
      : {}),
    ...(c.validationMethod === "EMAIL" ? { ValidationEmails: [`admin@${name.replace(/^\*\./, "")}`] } : {}),
  });

  const summary = (c: Certificate) => ({
    CertificateArn: c.arn,
    DomainName: c.domainName,
    SubjectAlternativeNameSummaries: c.names,
    HasAdditionalSubjectAlternativeNames: false,
    Status: c.status,
    Type: "AMAZON_ISSUED",
    KeyAlgorithm: wireAlgorithm(c.keyAlgorithm),
    KeyUsages: c.issuedAt ? ["DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT"] : [],
    ExtendedKeyUsages: c.issuedAt ? ["TLS_WEB_SERVER_AUTHENTICATION", "TLS_WEB_CLIENT_AUTHENTICATION"] : [],
    InUse: c.inUseBy.size > 0,
    RenewalEligibility: c.inUseBy.size > 0 ? "ELIGIBLE" : "INELIGIBLE",
    CreatedAt: c.createdAt / 1000,
    ...(c.issuedAt ? { IssuedAt: c.issuedAt / 1000, NotBefore: c.issuedAt / 1000, NotAfter: c.issuedAt / 1000 + 395 * 86400 } : {}),
  });

  const ops: Record<Operation, (caller: Caller, input: Record<string, unknown>) => unknown> = {
    RequestCertificate(caller, input) {
      const domain = String(input.DomainName ?? "").toLowerCase();
      if (!DOMAIN.test(domain) || domain.length > 253) throw new AcmError("ValidationException", "1 validation error detected: Value at 'domainName' failed to satisfy constraint");
      // The first name becomes the Common Name, at most 64 octets (RequestCertificate DomainName, ACM API
      // reference); ACM's answer, as public error reports quote it: docs/providers/cloudfront.md#64-octets
      if (domain.length > ACM_FIRST_NAME_MAX_LENGTH) throw new AcmError("InvalidDomainValidationOptionsException", `The first domain name can be no longer than ${ACM_FIRST_NAME_MAX_LENGTH} characters.`);
      const token = input.IdempotencyToken;
      if (token !== undefined && (typeof token !== "string" || !/^\w{1,32}$/.test(token))) {
        throw new AcmError("ValidationException", "1 validation error detected: Value at 'idempotencyToken' failed to satisfy constraint: Member must satisfy regular expression pattern: \\w+");
      }
      const method = input.ValidationMethod === undefined ? "EMAIL" : String(input.ValidationMethod);
      if (method !== "DNS" && method !== "EMAIL") throw new AcmError("ValidationException", "Value at 'validationMethod' failed to satisfy constraint");
      // Within the hour a token is the same request, answered with its certificate's ARN (RequestCertificate
      // IdempotencyToken, ACM API reference). What ACM answers once that certificate is deleted is not
      // documented: the fake gives the dead ARN, the answer apply must survive (docs/providers/cloudfront.md#idempotencytoken).
      const tokenKey = `${caller.accountId}/${caller.region}/${String(token)}`;
      const previous = token ? tokens.get(tokenKey) : undefined;
      if (previous && now() - previous.at < IDEMPOTENCY_WINDOW_MS) return { CertificateArn: previous.arn };

      const tags = readTags(input.Tags);
      const sans = Array.isArray(input.SubjectAlternativeNames) ? input.SubjectAlternativeNames.map((s) => String(s).toLowerCase()) : [];
      const arn = `arn:aws:acm:${caller.region}:${caller.accountId}:certificate/${randomUUID()}`;
      const base = domain.replace(/^\*\./, "");
      const cert: Certificate = {
        arn,
        domainName: domain,
        names: [domain, ...sans.filter((s) => s !== domain)],
        keyAlgorithm: String(input.KeyAlgorithm ?? "RSA_2048"),
        validationMethod: method,
        status: "PENDING_VALIDATION",
        createdAt: now(),
        describes: 0,
        recordShown: 0,
        record: { Name: `_${hex(16)}.${base}.`, Type: "CNAME", Value: `_${hex(16)}.${createHash("sha256").update(arn).digest("hex").slice(0, 10)}.acm-validations.aws.` },
        inUseBy: new Set(),
        tags,
      };
      store(caller.accountId, caller.region).set(arn, cert);
      if (token) tokens.set(tokenKey, { arn, at: now() });
      return { CertificateArn: arn };
    },

    DescribeCertificate(caller, input) {
      const c = find(caller, input.CertificateArn);
      const showRecord = c.describes >= recordAfter;
      if (c.status === "PENDING_VALIDATION" && c.validationMethod === "DNS" && c.recordShown >= issueAfter) {
        c.status = "ISSUED";
        c.issuedAt = now();
      }
      c.describes++;
      if (showRecord && c.status === "PENDING_VALIDATION") c.recordShown++;
      return {
        Certificate: {
          ...summary(c),
          SubjectAlternativeNames: c.names,
          DomainValidationOptions: c.names.map((n) => validationOption(c, n, showRecord)),
          Subject: `CN=${c.domainName}`,
          Issuer: "Amazon",
          SignatureAlgorithm: "SHA256WITHRSA",
          InUseBy: [...c.inUseBy],
          Options: { CertificateTransparencyLoggingPreference: "ENABLED" },
        },
      };
    },

    ListCertificates(caller, input) {
      const includes = (input.Includes ?? {}) as { keyTypes?: unknown };
      const keyTypes = Array.isArray(includes.keyTypes) ? includes.keyTypes.map(String) : DEFAULT_KEY_TYPES;
      const statuses = Array.isArray(input.CertificateStatuses) ? input.CertificateStatuses.map(String) : undefined;
      const maxItems = input.MaxItems === undefined ? 1000 : Number(input.MaxItems);
      if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) throw new AcmError("ValidationException", "Value at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
      let offset = 0;
      if (input.NextToken !== undefined) {
        offset = Number(Buffer.from(String(input.NextToken), "base64url").toString("utf8").replace(/^offset:/, ""));
        if (!Number.isInteger(offset) || offset < 0) throw new AcmError("InvalidArgsException", "The NextToken is not valid.");
      }
      const all = [...store(caller.accountId, caller.region).values()].filter(
        (c) => keyTypes.includes(c.keyAlgorithm) && (!statuses || statuses.includes(c.status)),
      );
      const page = all.slice(offset, offset + maxItems);
      const next = offset + maxItems < all.length ? Buffer.from(`offset:${offset + maxItems}`).toString("base64url") : undefined;
      return { CertificateSummaryList: page.map(summary), ...(next ? { NextToken: next } : {}) };
    },

    ListTagsForCertificate(caller, input) {
      const c = find(caller, input.CertificateArn);
      return { Tags: c.tags.map((t) => ({ ...t })) };
    },

    DeleteCertificate(caller, input) {
      const c = find(caller, input.CertificateArn);
      if (c.inUseBy.size > 0) throw new AcmError("ResourceInUseException", `Certificate ${c.arn} in account ${caller.accountId} is in use.`);
      store(caller.accountId, caller.region).delete(c.arn);
      return undefined;
    },
  };

  const operation = (req: FakeRequest): string => {
    const target = req.headers["x-amz-target"];
    const op = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
    return (OPERATIONS as readonly string[]).includes(op) ? op : "Unknown";
  };

  return {
    operation,
    async handle(req) {
      const op = operation(req);
      if (req.method !== "POST" || req.path !== "/" || op === "Unknown") {
        return json(400, { __type: "UnknownOperationException", message: "The operation is not supported by this service." });
      }
      const auth = await authenticate(req, "acm", opts.accounts);
      if (!auth.ok) {
        const type = { missing: "MissingAuthenticationTokenException", unknownKey: "UnrecognizedClientException", badSignature: "InvalidSignatureException", expired: "ExpiredTokenException" }[auth.failure];
        return json(400, { __type: type, message: auth.message });
      }
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(req.body || "{}") as Record<string, unknown>;
      } catch {
        return json(400, { __type: "SerializationException", message: "Start of structure or map found where not expected." });
      }
      try {
        if (WRITES.has(op) && !auth.caller.canWrite) {
          throw new AcmError("AccessDeniedException", accessDeniedMessage(auth.caller, `acm:${op}`, `arn:aws:acm:${auth.caller.region}:${auth.caller.accountId}:certificate/*`));
        }
        const out = ops[op as Operation](auth.caller, input);
        return out === undefined ? { status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: "" } : json(200, out);
      } catch (error) {
        if (error instanceof AcmError) return json(400, { __type: error.type, message: error.message });
        throw error;
      }
    },
    reset() {
      stores = new Map();
      tokens = new Map();
    },
    saveState: (): AcmState => ({ stores, tokens }),
    loadState(state) {
      ({ stores, tokens } = state as AcmState);
    },
    certificate(accountId, arn) {
      const c = store(accountId, regionOf(arn)).get(arn);
      return c && { status: c.status, names: c.names };
    },
    setInUse(accountId, arn, resourceArn, inUse) {
      const c = store(accountId, regionOf(arn)).get(arn);
      if (c && inUse) c.inUseBy.add(resourceArn);
      else c?.inUseBy.delete(resourceArn);
    },
  };
}
