import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import type { Caller } from "./fake-auth";
import type { FakeError } from "./fake-cloudfront-validate";
import { child, items, parseXml, text, walk, type XmlObject } from "./fake-xml";

/**
 * CloudFront's origin request policies and cache policies, REST-XML 2020-05-31 as @aws-sdk/client-cloudfront speaks
 * them (the SDK's Smithy schemas, dist-es/schemas/schemas_0.js, and the commands' documented errors):
 *   POST   /2020-05-31/origin-request-policy        CreateOriginRequestPolicy  201, Location + ETag; …AlreadyExists 409 on a used name
 *   GET    /2020-05-31/origin-request-policy        ListOriginRequestPolicies  ?Type=managed|custom, Marker / MaxItems
 *   GET    /2020-05-31/origin-request-policy/{Id}   GetOriginRequestPolicy     ETag
 *   DELETE /2020-05-31/origin-request-policy/{Id}   DeleteOriginRequestPolicy  If-Match; IllegalDelete (managed), …InUse 409
 * and the same under /cache-policy. Managed policies are in every account with the ids and settings of the CloudFront
 * developer guide ("Use managed origin request policies", "Use managed cache policies"); HostHeaderOnly's id is
 * **unverified** (public Terraform and test code). Required members and enumerations are the model's
 * (OriginRequestPolicyConfig, CachePolicyConfig); Quantity/Items must agree (InconsistentQuantities).
 */

export type PolicyKind = "origin-request" | "cache";

export interface Policy {
  id: string;
  accountId: string | null;
  kind: PolicyKind;
  config: XmlObject;
  etag: string;
  lastModified: number;
}

const SHAPE = {
  "origin-request": { root: "OriginRequestPolicy", config: "OriginRequestPolicyConfig", list: "OriginRequestPolicyList", summary: "OriginRequestPolicySummary", missing: "NoSuchOriginRequestPolicy", taken: "OriginRequestPolicyAlreadyExists", inUse: "OriginRequestPolicyInUse", op: "OriginRequestPolicy" },
  cache: { root: "CachePolicy", config: "CachePolicyConfig", list: "CachePolicyList", summary: "CachePolicySummary", missing: "NoSuchCachePolicy", taken: "CachePolicyAlreadyExists", inUse: "CachePolicyInUse", op: "CachePolicy" },
} as const;

const ROUTE = /^\/2020-05-31\/(origin-request-policy|cache-policy)(?:\/([A-Za-z0-9-]+))?$/;

const err = (status: number, code: string, message: string): FakeError => ({ status, code, message });
const etag = () => `E${Array.from(randomBytes(13), (b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[b % 36]).join("")}`;

const list = (name: string, values: string[]): XmlObject => (values.length > 0 ? { Quantity: String(values.length), Items: { [name]: values } } : { Quantity: "0" });
const orp = (name: string, headers: [string, string[]], cookies: string, queryStrings: string): XmlObject => ({
  Comment: `Managed ${name}`,
  Name: `Managed-${name}`,
  HeadersConfig: { HeaderBehavior: headers[0], ...(headers[1].length > 0 ? { Headers: list("Name", headers[1]) } : {}) },
  CookiesConfig: { CookieBehavior: cookies },
  QueryStringsConfig: { QueryStringBehavior: queryStrings },
});
const cachePolicyXml = (name: string, ttl: [string, string, string], gzip: boolean): XmlObject => ({
  Comment: `Managed ${name}`,
  Name: `Managed-${name}`,
  MinTTL: ttl[0],
  DefaultTTL: ttl[1],
  MaxTTL: ttl[2],
  ParametersInCacheKeyAndForwardedToOrigin: {
    EnableAcceptEncodingGzip: String(gzip),
    EnableAcceptEncodingBrotli: String(gzip),
    HeadersConfig: { HeaderBehavior: "none" },
    CookiesConfig: { CookieBehavior: "none" },
    QueryStringsConfig: { QueryStringBehavior: "none" },
  },
});

const MANAGED: Policy[] = [
  { kind: "origin-request", id: "216adef6-5c7f-47e4-b989-5492eafa07d3", config: orp("AllViewer", ["allViewer", []], "all", "all") },
  { kind: "origin-request", id: "b689b0a8-53d0-40ab-baf2-68738e2966ac", config: orp("AllViewerExceptHostHeader", ["allExcept", ["host"]], "all", "all") },
  { kind: "origin-request", id: "bf0718e1-ba1e-49d1-88b1-f726733018ae", config: orp("HostHeaderOnly", ["whitelist", ["host"]], "none", "none") },
  { kind: "origin-request", id: "acba4595-bd28-49b8-b9fe-13317c0390fa", config: orp("UserAgentRefererHeaders", ["whitelist", ["User-Agent", "Referer"]], "none", "none") },
  { kind: "cache", id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", config: cachePolicyXml("CachingDisabled", ["0", "0", "0"], false) },
  { kind: "cache", id: "658327ea-f89d-4fab-a63d-7e88639e58f6", config: cachePolicyXml("CachingOptimized", ["1", "86400", "31536000"], true) },
].map((p) => ({ ...p, kind: p.kind as PolicyKind, accountId: null, etag: "E23ZP02F085DFQ", lastModified: Date.parse("2025-09-03T00:00:00Z") }));

const ENUMS: Record<PolicyKind, Record<string, string[]>> = {
  "origin-request": {
    HeaderBehavior: ["none", "whitelist", "allViewer", "allViewerAndWhitelistCloudFront", "allExcept"],
    CookieBehavior: ["none", "whitelist", "all", "allExcept"],
    QueryStringBehavior: ["none", "whitelist", "all", "allExcept"],
  },
  cache: {
    HeaderBehavior: ["none", "whitelist"],
    CookieBehavior: ["none", "whitelist", "allExcept", "all"],
    QueryStringBehavior: ["none", "whitelist", "allExcept", "all"],
  },
};

/** The first problem CloudFront would report for a policy config, if any. */
function validate(kind: PolicyKind, config: XmlObject): FakeError | undefined {
  const invalid = (message: string) => err(400, "InvalidArgument", message);
  const params = kind === "cache" ? child(config, "ParametersInCacheKeyAndForwardedToOrigin") : config;
  const required = kind === "cache" ? ["Name", "MinTTL", "ParametersInCacheKeyAndForwardedToOrigin"] : ["Name", "HeadersConfig", "CookiesConfig", "QueryStringsConfig"];
  const missing = required.find((f) => config[f] === undefined || config[f] === "");
  if (missing) return invalid(`The parameter ${missing} is required.`);
  for (const [section, field] of [["HeadersConfig", "HeaderBehavior"], ["CookiesConfig", "CookieBehavior"], ["QueryStringsConfig", "QueryStringBehavior"]] as const) {
    const value = text(params, section, field);
    if (value === undefined || !ENUMS[kind][field]!.includes(value)) return invalid(`The value ${value ?? "(missing)"} is not valid for ${field}.`);
  }
  let quantities: FakeError | undefined;
  walk(config, (node) => {
    if (!quantities && node.Quantity !== undefined && Number(node.Quantity) !== items(node).length) {
      quantities = err(400, "InconsistentQuantities", "The value of Quantity and the size of Items don't match.");
    }
  });
  if (quantities) return quantities;
  if (kind === "cache") {
    const [min, def, max] = ["MinTTL", "DefaultTTL", "MaxTTL"].map((f) => (text(config, f) === undefined ? undefined : Number(text(config, f))));
    if ([min, def, max].some((n) => n !== undefined && (!Number.isInteger(n) || n < 0))) return invalid("TTL values must be whole numbers of seconds.");
  }
  return undefined;
}

export interface FakePolicies {
  route(req: FakeRequest): { op: string; kind: PolicyKind; id?: string } | undefined;
  handle(op: string, kind: PolicyKind, caller: Caller, req: FakeRequest, id?: string): FakeResponse;
  /** Whether the caller's account can attach this policy id (managed, or its own custom one). */
  exists(kind: PolicyKind, accountId: string, id: string): boolean;
  reset(): void;
  /** The custom policies, for the fake's saved state (managed ones are in every fake). */
  saveState(): Policy[];
  loadState(custom: Policy[]): void;
}

export function fakePolicies(opts: { xml: (status: number, root: string, value: XmlObject, headers?: Record<string, string>) => FakeResponse; usedBy: (kind: PolicyKind, accountId: string, id: string) => boolean; now: () => number }): FakePolicies {
  let custom: Policy[] = [];
  const visible = (kind: PolicyKind, accountId: string) => [...MANAGED, ...custom].filter((p) => p.kind === kind && (p.accountId === null || p.accountId === accountId));
  const find = (kind: PolicyKind, accountId: string, id: string | undefined) => visible(kind, accountId).find((p) => p.id === id);
  const policyXml = (p: Policy): XmlObject => ({ Id: p.id, LastModifiedTime: new Date(p.lastModified).toISOString(), [SHAPE[p.kind].config]: p.config });

  return {
    route(req) {
      const m = req.path.match(ROUTE);
      if (!m) return undefined;
      const kind: PolicyKind = m[1] === "cache-policy" ? "cache" : "origin-request";
      const id = m[2];
      const verbs: Record<string, string> = { "POST ": "Create", "GET ": "List", "GET id": "Get", "DELETE id": "Delete" };
      const verb = verbs[`${req.method} ${id ? "id" : ""}`];
      const op = verb === "List" ? (kind === "cache" ? "ListCachePolicies" : "ListOriginRequestPolicies") : verb ? `${verb}${SHAPE[kind].op}` : "Unknown";
      return { op, kind, id };
    },

    handle(op, kind, caller, req, id) {
      const shape = SHAPE[kind];
      if (op.startsWith("Create")) {
        const doc = parseXml(req.body);
        if (!doc || doc.root !== shape.config) throw err(400, "MalformedInput", `The XML document is malformed or is not a ${shape.config}.`);
        const problem = validate(kind, doc.value);
        if (problem) throw problem;
        const name = text(doc.value, "Name");
        if (visible(kind, caller.accountId).some((p) => text(p.config, "Name") === name)) throw err(409, shape.taken, `A policy with the name ${name} already exists.`);
        const p: Policy = { id: randomUUID(), accountId: caller.accountId, kind, config: doc.value, etag: etag(), lastModified: opts.now() };
        custom.push(p);
        return opts.xml(201, shape.root, policyXml(p), { location: `http://${req.headers.host}${req.path}/${p.id}`, etag: p.etag });
      }
      if (op.startsWith("List")) {
        const type = req.query.get("Type");
        if (type !== null && type !== "managed" && type !== "custom") throw err(400, "InvalidArgument", "The parameter Type is invalid.");
        const maxItems = req.query.has("MaxItems") ? Number(req.query.get("MaxItems")) : 100;
        if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) throw err(400, "InvalidArgument", "The parameter MaxItems is invalid.");
        const all = visible(kind, caller.accountId).filter((p) => type === null || (type === "managed") === (p.accountId === null));
        const marker = req.query.get("Marker") ?? "";
        const start = marker === "" ? 0 : all.findIndex((p) => p.id === marker) + 1;
        const page = all.slice(start, start + maxItems);
        const truncated = start + maxItems < all.length;
        return opts.xml(200, shape.list, {
          ...(truncated ? { NextMarker: page.at(-1)?.id ?? "" } : {}),
          MaxItems: String(maxItems),
          Quantity: String(page.length),
          ...(page.length > 0 ? { Items: { [shape.summary]: page.map((p) => ({ Type: p.accountId === null ? "managed" : "custom", [shape.root]: policyXml(p) })) } } : {}),
        });
      }
      const p = find(kind, caller.accountId, id);
      if (!p) throw err(404, shape.missing, "The policy does not exist.");
      if (op.startsWith("Get")) return opts.xml(200, shape.root, policyXml(p), { etag: p.etag });
      // Delete
      if (p.accountId === null) throw err(400, "IllegalDelete", "You cannot delete a managed policy.");
      const given = req.headers["if-match"];
      if (typeof given !== "string" || given === "") throw err(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.");
      if (given !== p.etag) throw err(412, "PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.");
      if (opts.usedBy(kind, caller.accountId, p.id)) throw err(409, shape.inUse, "Cannot delete the policy because it is attached to one or more cache behaviors.");
      custom = custom.filter((x) => x !== p);
      return { status: 204, headers: { "x-amzn-requestid": randomUUID() } };
    },

    exists: (kind, accountId, id) => find(kind, accountId, id) !== undefined,

    reset() {
      custom = [];
    },
    saveState: () => custom,
    loadState(saved) {
      custom = saved;
    },
  };
}

/** The policy ids a DistributionConfig's behaviours name, for the existence check and the in-use check. */
export function policyIdsOf(config: XmlObject): { kind: PolicyKind; id: string }[] {
  const behaviors = [child(config, "DefaultCacheBehavior"), ...items(child(config, "CacheBehaviors"))];
  return behaviors.flatMap((b) => [
    ...(text(b, "CachePolicyId") ? [{ kind: "cache" as const, id: text(b, "CachePolicyId")! }] : []),
    ...(text(b, "OriginRequestPolicyId") ? [{ kind: "origin-request" as const, id: text(b, "OriginRequestPolicyId")! }] : []),
  ]);
}

/**
 * Custom headers CloudFront cannot add to origin requests (CloudFront developer guide, "Add custom headers to origin
 * requests", the list of headers it can't add). The error code for such a header is **unverified**: InvalidArgument here.
 */
const NOT_ADDABLE = [
  "cache-control", "connection", "content-length", "cookie", "host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
  "max-forwards", "pragma", "proxy-authorization", "proxy-connection", "range", "request-range", "te", "trailer", "transfer-encoding", "upgrade", "via", "x-real-ip",
];

export function customHeaderProblem(config: XmlObject): FakeError | undefined {
  for (const origin of items(child(config, "Origins"))) {
    for (const h of items(child(origin, "CustomHeaders"))) {
      const name = (text(h, "HeaderName") ?? "").toLowerCase();
      if (name === "" || NOT_ADDABLE.includes(name) || name.startsWith("x-amz-") || name.startsWith("x-edge-")) {
        return err(400, "InvalidArgument", `The header ${name || "(empty)"} cannot be added as an origin custom header.`);
      }
    }
  }
  return undefined;
}
