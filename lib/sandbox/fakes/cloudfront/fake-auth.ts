import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { FakeRequest } from "@/lib/sandbox/http-fake";

/**
 * AWS Signature Version 4 checks shared by the CloudFront and ACM fakes. The fakes know a set of access
 * keys; each key belongs to an account (its own, unless configured), and state is kept per account as
 * AWS does. Key id conventions, so tests can reach every failure with an otherwise valid key:
 *   AKIAAPPLYDENIED…  signs fine but every write is refused (AccessDenied), for permission tests
 *   ASIAEXPIRED…      is refused as an expired session (ExpiredToken)
 * Not modelled: clock-skew limits and presigned URLs.
 */
export const DENIED_KEY_PREFIX = "AKIAAPPLYDENIED";
export const EXPIRED_KEY_PREFIX = "ASIAEXPIRED";

/** accessKeyId → secret, or → { secret, accountId } to put several keys in one account. */
export type FakeAccounts = Record<string, string | { secret: string; accountId?: string }>;

export interface Caller {
  accessKeyId: string;
  accountId: string;
  /** The region of the request's credential scope (AWS keeps ACM state per region). */
  region: string;
  canWrite: boolean;
  /** As AWS names the caller in AccessDenied messages. */
  userArn: string;
}

export type AuthFailure = "missing" | "unknownKey" | "badSignature" | "expired";

export type AuthResult = { ok: true; caller: Caller } | { ok: false; failure: AuthFailure; message: string };

/** A stable, made-up 12-digit account id for a key that has none configured. */
export function accountIdFor(accessKeyId: string): string {
  const n = BigInt(`0x${createHash("sha256").update(accessKeyId).digest("hex").slice(0, 15)}`);
  return String(n % 900_000_000_000n + 100_000_000_000n);
}

function lookup(accounts: FakeAccounts, accessKeyId: string): { secret: string; accountId: string } | undefined {
  const entry = Object.hasOwn(accounts, accessKeyId) ? accounts[accessKeyId] : undefined;
  if (entry === undefined) return undefined;
  return typeof entry === "string"
    ? { secret: entry, accountId: accountIdFor(accessKeyId) }
    : { secret: entry.secret, accountId: entry.accountId ?? accountIdFor(accessKeyId) };
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): Buffer =>
  typeof d === "string" ? Buffer.from(d, "utf8") : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d);

/** SHA-256 / HMAC-SHA-256 in the shape @smithy/signature-v4 expects, on node:crypto. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

const header = (req: FakeRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
};

function amzDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
}

const BAD_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** Checks the Authorization header as AWS does: known key id, then a signature made with its secret. */
export async function authenticate(req: FakeRequest, service: string, accounts: FakeAccounts): Promise<AuthResult> {
  const m = header(req, "authorization")?.match(AUTH);
  const date = amzDate(header(req, "x-amz-date"));
  if (!m || !date) return { ok: false, failure: "missing", message: "Request is missing Authentication Token" };
  const [, accessKeyId = "", , region = "", scopeService, signedHeaderList = "", signature = ""] = m;
  const account = lookup(accounts, accessKeyId);
  if (!account) return { ok: false, failure: "unknownKey", message: "The security token included in the request is invalid." };
  if (accessKeyId.startsWith(EXPIRED_KEY_PREFIX)) return { ok: false, failure: "expired", message: "The security token included in the request is expired" };

  const signedHeaders = signedHeaderList.split(";");
  const headers = Object.fromEntries(signedHeaders.map((h) => [h, header(req, h) ?? ""]));
  const bodyHash = createHash("sha256").update(req.body, "utf8").digest("hex");
  const claimedHash = headers["x-amz-content-sha256"];
  const canonical = [req.method, req.path, req.query.toString(), ...signedHeaders.map((h) => `${h}:${headers[h]}`), "", signedHeaderList, bodyHash].join("\n");
  const mismatch = { ok: false, failure: "badSignature", message: `${BAD_SIGNATURE}\n\nThe Canonical String for this request should have been\n'${canonical}'` } as const;
  if (scopeService !== service || (claimedHash !== undefined && claimedHash !== bodyHash)) return mismatch;

  const signer = new SignatureV4({
    service,
    region,
    credentials: { accessKeyId, secretAccessKey: account.secret, sessionToken: headers["x-amz-security-token"] },
    sha256: Sha256,
    uriEscapePath: true,
  });
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(req.query.keys())) {
    const values = req.query.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const [hostname = "", port] = (headers.host ?? "").split(":");
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: "http:",
      hostname,
      port: port ? Number(port) : undefined,
      path: req.path.split("/").map(decodeURIComponent).join("/"),
      query,
      headers,
      body: req.body,
    },
    { signingDate: date, signingRegion: region, signingService: service },
  );
  const expected = String(signed.headers.authorization ?? signed.headers.Authorization ?? "").match(/Signature=([0-9a-f]{64})/)?.[1] ?? "";
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return mismatch;

  return {
    ok: true,
    caller: {
      accessKeyId,
      accountId: account.accountId,
      region,
      canWrite: !accessKeyId.startsWith(DENIED_KEY_PREFIX),
      userArn: `arn:aws:iam::${account.accountId}:user/sandbox`,
    },
  };
}

/** The message AWS gives when a policy does not allow an action. */
export function accessDeniedMessage(caller: Caller, action: string, resource: string): string {
  return `User: ${caller.userArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
