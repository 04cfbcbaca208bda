import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { StatefulFake } from "@/lib/sandbox/fake-state";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { accessDeniedMessage, authenticate, type Caller, type FakeAccounts } from "./fake-auth";
import type { AcmView } from "./fake-acm";
import { validateConfig, type FakeError } from "./fake-cloudfront-validate";
import { distributionXml, summaryXml, type Distribution } from "./fake-cloudfront-shapes";
import { readTags, RESOURCE_ARN } from "./fake-cloudfront-tags";
import { buildXml, child, isObject, parseXml, strings, text, type XmlObject } from "./fake-xml";
import { customHeaderProblem, fakePolicies, policyIdsOf, type Policy } from "./fake-cloudfront-policies";

/**
 * Amazon CloudFront's distribution API, REST-XML 2020-05-31, as @aws-sdk/client-cloudfront speaks it
 * (CloudFront API reference; the SDK's Smithy schemas, dist-es/schemas/schemas_0.js; docs/providers/cloudfront.md):
 *   POST   /2020-05-31/distribution              CreateDistribution   201, Location + ETag
 *   POST   /2020-05-31/distribution?WithTags     CreateDistributionWithTags (logged and matched as CreateDistribution:
 *                                                the same IAM action, so one name for faults and call logs)
 *   GET    /2020-05-31/distribution              ListDistributions    Marker / MaxItems paging
 *   GET    /2020-05-31/distribution/{Id}         GetDistribution
 *   GET    /2020-05-31/distribution/{Id}/config  GetDistributionConfig
 *   PUT    /2020-05-31/distribution/{Id}/config  UpdateDistribution   If-Match
 *   DELETE /2020-05-31/distribution/{Id}         DeleteDistribution   If-Match, disabled and Deployed
 *   GET    /2020-05-31/tagging?Resource={ARN}    ListTagsForResource  `<Tags><Items><Tag><Key/><Value/></Tag></Items></Tags>`
 *   …/origin-request-policy, …/cache-policy    the policies (fake-cloudfront-policies.ts); a behaviour naming a policy
 *                                                the account cannot see is NoSuchCachePolicy / NoSuchOriginRequestPolicy 404
 * Errors: `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 * A created or updated distribution is InProgress until `deployAfter` (calls that show it, or ms) passes.
 * A CallerReference is remembered per account for good, deleted distributions included: any create that
 * sends it again is DistributionAlreadyExists 409 (DistributionConfig.CallerReference in the Smithy model:
 * "If CallerReference is a value that you already sent in a previous request to create a distribution,
 * CloudFront returns a DistributionAlreadyExists error"; docs/providers/cloudfront.md#callerreference).
 */
export interface CloudfrontFakeOptions {
  accounts: FakeAccounts;
  acm: AcmView;
  deployAfter?: { calls?: number; ms?: number };
  /** Distributions per account (AWS default quota: 200). */
  maxDistributions?: number;
  now?: () => number;
}


const PREFIX = "/2020-05-31/distribution";
const ROUTE = /^\/2020-05-31\/distribution(?:\/([A-Za-z0-9]+)(\/config)?)?$/;
const TAGGING = "/2020-05-31/tagging";
const WRITES = new Set(["CreateDistribution", "UpdateDistribution", "DeleteDistribution", "CreateOriginRequestPolicy", "DeleteOriginRequestPolicy", "CreateCachePolicy", "DeleteCachePolicy"]);

const DEFAULT_MAX_ITEMS = 100;

const token = (n: number, alphabet: string) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function xml(status: number, root: string, value: XmlObject, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { "content-type": "text/xml", "x-amzn-requestid": randomUUID(), ...headers }, body: buildXml(root, value) };
}

function failure(e: FakeError): FakeResponse {
  const requestId = randomUUID();
  return {
    status: e.status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
    body: buildXml("ErrorResponse", { Error: { Type: "Sender", Code: e.code, Message: e.message }, RequestId: requestId }),
  };
}

const err = (status: number, code: string, message: string): FakeError => ({ status, code, message });
const NO_SUCH = err(404, "NoSuchDistribution", "The specified distribution does not exist.");

/** What the API's calls change (lib/sandbox/fake-state.ts). */
interface CloudfrontState {
  distributions: Map<string, Distribution>;
  references: Map<string, Set<string>>;
  /** The accounts' custom origin request and cache policies. */
  policies: Policy[];
}

export function fakeCloudfront(opts: CloudfrontFakeOptions): StatefulFake {
  const now = opts.now ?? Date.now;
  const maxDistributions = opts.maxDistributions ?? 200;
  let distributions = new Map<string, Distribution>();
  /** accountId → every CallerReference a create has used, kept after the distribution is deleted. */
  let references = new Map<string, Set<string>>();
  const referencesOf = (accountId: string) => references.get(accountId) ?? references.set(accountId, new Set()).get(accountId)!;

  const deployed = (d: Distribution) => {
    const { calls, ms } = opts.deployAfter ?? { calls: 3 };
    if (d.status === "InProgress" && ((calls !== undefined && d.observed >= calls) || (ms !== undefined && now() - d.lastModified >= ms))) d.status = "Deployed";
    d.observed++;
    return d;
  };

  const policies = fakePolicies({
    xml,
    now,
    usedBy: (kind, accountId, id) => [...distributions.values()].some((d) => d.accountId === accountId && policyIdsOf(d.config).some((p) => p.kind === kind && p.id === id)),
  });

  const mine = (caller: Caller) => [...distributions.values()].filter((d) => d.accountId === caller.accountId);
  const find = (caller: Caller, id: string | undefined) => {
    const d = id ? distributions.get(id) : undefined;
    if (!d || d.accountId !== caller.accountId) throw NO_SUCH;
    return d;
  };

  /** Validation the service makes on every create and update, CNAME ownership across all accounts included. */
  const check = (caller: Caller, config: XmlObject, self?: Distribution): FakeError | undefined => {
    const invalid = validateConfig(config, (arn) => opts.acm.certificate(caller.accountId, arn)) ?? customHeaderProblem(config);
    if (invalid) return invalid;
    const unknown = policyIdsOf(config).find((p) => !policies.exists(p.kind, caller.accountId, p.id));
    if (unknown) return err(404, unknown.kind === "cache" ? "NoSuchCachePolicy" : "NoSuchOriginRequestPolicy", "The policy does not exist.");
    const aliases = strings(child(config, "Aliases")).map((a) => a.toLowerCase());
    const taken = [...distributions.values()].some((d) => d !== self && strings(child(d.config, "Aliases")).some((a) => aliases.includes(a.toLowerCase())));
    return taken ? err(409, "CNAMEAlreadyExists", "One or more of the CNAMEs you provided are already associated with a different resource.") : undefined;
  };

  const markCertificate = (d: Distribution, inUse: boolean) => {
    const arn = text(d.config, "ViewerCertificate", "ACMCertificateArn");
    if (arn) opts.acm.setInUse(d.accountId, arn, d.arn, inUse);
  };

  const configFrom = (req: FakeRequest): XmlObject => {
    const doc = parseXml(req.body);
    if (!doc || doc.root !== "DistributionConfig") throw err(400, "MalformedInput", "The XML document is malformed or is not a DistributionConfig.");
    return doc.value;
  };

  /** A create's body: a DistributionConfig, or with ?WithTags a DistributionConfigWithTags {DistributionConfig, Tags}. */
  const createFrom = (req: FakeRequest): { config: XmlObject; tags: Distribution["tags"] } => {
    if (!req.query.has("WithTags")) return { config: configFrom(req), tags: [] };
    const doc = parseXml(req.body);
    const config = child(doc?.value, "DistributionConfig");
    if (!doc || doc.root !== "DistributionConfigWithTags" || !isObject(config)) {
      throw err(400, "MalformedInput", "The XML document is malformed or is not a DistributionConfigWithTags.");
    }
    return { config, tags: readTags(child(doc.value, "Tags")) };
  };

  const ifMatch = (req: FakeRequest, d: Distribution) => {
    const given = req.headers["if-match"];
    if (typeof given !== "string" || given === "") throw err(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.");
    if (given !== d.etag) throw err(412, "PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.");
  };

  const ops: Record<string, (caller: Caller, req: FakeRequest, id?: string) => FakeResponse> = {
    CreateDistribution(caller, req) {
      const { config, tags } = createFrom(req);
      const ref = text(config, "CallerReference") ?? "";
      if (referencesOf(caller.accountId).has(ref)) {
        throw err(409, "DistributionAlreadyExists", "The caller reference you attempted to create the distribution with is associated with another distribution.");
      }
      if (mine(caller).length >= maxDistributions) throw err(400, "TooManyDistributions", "Your request contains more CloudFront distributions than are allowed per AWS account.");
      const problem = check(caller, config);
      if (problem) throw problem;
      const id = `E${token(13, UPPER)}`;
      const d: Distribution = {
        id,
        arn: `arn:aws:cloudfront::${caller.accountId}:distribution/${id}`,
        accountId: caller.accountId,
        domainName: `d${token(13, "abcdefghijklmnopqrstuvwxyz0123456789")}.cloudfront.net`,
        config,
        tags,
        etag: `E${token(13, UPPER)}`,
        status: "InProgress",
        lastModified: now(),
        observed: 0,
      };
      distributions.set(id, d);
      referencesOf(caller.accountId).add(ref);
      markCertificate(d, true);
      return xml(201, "Distribution", distributionXml(d), { location: `http://${req.headers.host}${PREFIX}/${id}`, etag: d.etag });
    },

    ListDistributions(caller, req) {
      const maxItems = req.query.has("MaxItems") ? Number(req.query.get("MaxItems")) : DEFAULT_MAX_ITEMS;
      if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) throw err(400, "InvalidArgument", "The parameter MaxItems is invalid.");
      const marker = req.query.get("Marker") ?? "";
      const all = mine(caller);
      const start = marker === "" ? 0 : all.findIndex((d) => d.id === marker) + 1;
      const page = all.slice(start, start + maxItems);
      const truncated = start + maxItems < all.length;
      return xml(200, "DistributionList", {
        Marker: marker,
        ...(truncated ? { NextMarker: page.at(-1)?.id ?? "" } : {}),
        MaxItems: String(maxItems),
        IsTruncated: String(truncated),
        Quantity: String(page.length),
        ...(page.length > 0 ? { Items: { DistributionSummary: page.map((d) => summaryXml(deployed(d))) } } : {}),
      });
    },

    GetDistribution(caller, _req, id) {
      const d = deployed(find(caller, id));
      return xml(200, "Distribution", distributionXml(d), { etag: d.etag });
    },

    GetDistributionConfig(caller, _req, id) {
      const d = find(caller, id);
      return xml(200, "DistributionConfig", d.config, { etag: d.etag });
    },

    UpdateDistribution(caller, req, id) {
      const d = find(caller, id);
      ifMatch(req, d);
      const config = configFrom(req);
      if (text(config, "CallerReference") !== text(d.config, "CallerReference")) throw err(400, "IllegalUpdate", "Origin and CallerReference cannot be updated.");
      const problem = check(caller, config, d);
      if (problem) throw problem;
      markCertificate(d, false);
      Object.assign(d, { config, etag: `E${token(13, UPPER)}`, status: "InProgress", lastModified: now(), observed: 0 });
      markCertificate(d, true);
      return xml(200, "Distribution", distributionXml(d), { etag: d.etag });
    },

    ListTagsForResource(caller, req) {
      const arn = req.query.get("Resource") ?? "";
      if (!RESOURCE_ARN.test(arn)) throw err(400, "InvalidArgument", "The parameter Resource is invalid.");
      const d = mine(caller).find((x) => x.arn === arn);
      if (!d) throw err(404, "NoSuchResource", "A resource that was specified is not valid.");
      return xml(200, "Tags", d.tags.length > 0 ? { Items: { Tag: d.tags.map((t) => ({ ...t })) } } : {});
    },

    DeleteDistribution(caller, req, id) {
      const d = find(caller, id);
      ifMatch(req, d);
      if (text(d.config, "Enabled") !== "false" || d.status !== "Deployed") {
        throw err(409, "DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.");
      }
      markCertificate(d, false);
      distributions.delete(d.id);
      return { status: 204, headers: { "x-amzn-requestid": randomUUID() } };
    },
  };

  const route = (req: FakeRequest): { op: string; id?: string } => {
    const policy = policies.route(req);
    if (policy) return { op: policy.op, id: policy.id };
    if (req.path === TAGGING) return { op: req.method === "GET" ? "ListTagsForResource" : "Unknown" };
    const m = req.path.match(ROUTE);
    if (!m) return { op: "Unknown" };
    const [, id, config] = m;
    const key = `${req.method} ${id ? "id" : ""}${config ? "/config" : ""}`;
    const op = { "POST ": "CreateDistribution", "GET ": "ListDistributions", "GET id": "GetDistribution", "GET id/config": "GetDistributionConfig", "PUT id/config": "UpdateDistribution", "DELETE id": "DeleteDistribution" }[key];
    return { op: op ?? "Unknown", id };
  };

  return {
    operation: (req) => route(req).op,
    async handle(req) {
      const { op, id } = route(req);
      const policy = policies.route(req);
      const handler = policy && policy.op !== "Unknown" ? (caller: Caller, r: FakeRequest) => policies.handle(op, policy.kind, caller, r, id) : ops[op];
      if (!handler) return failure(err(404, "NotFound", "The requested resource or operation does not exist."));
      const auth = await authenticate(req, "cloudfront", opts.accounts);
      if (!auth.ok) {
        const code = { missing: "MissingAuthenticationToken", unknownKey: "InvalidClientTokenId", badSignature: "SignatureDoesNotMatch", expired: "ExpiredToken" }[auth.failure];
        return failure(err(403, code, auth.message));
      }
      try {
        if (WRITES.has(op) && !auth.caller.canWrite) {
          throw err(403, "AccessDenied", accessDeniedMessage(auth.caller, `cloudfront:${op}`, `arn:aws:cloudfront::${auth.caller.accountId}:distribution/${id ?? "*"}`));
        }
        return handler(auth.caller, req, id);
      } catch (e) {
        if (e && typeof e === "object" && "code" in e && "status" in e) return failure(e as FakeError);
        throw e;
      }
    },
    reset() {
      distributions = new Map();
      references = new Map();
      policies.reset();
    },
    saveState: (): CloudfrontState => ({ distributions, references, policies: policies.saveState() }),
    loadState(state) {
      const saved = state as CloudfrontState;
      ({ distributions, references } = saved);
      policies.loadState(saved.policies);
    },
  };
}
