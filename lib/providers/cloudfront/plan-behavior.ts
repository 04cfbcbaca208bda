import type { ResolvedEsp } from "@/lib/domain/esp";
import type { HostGuarantees } from "@/lib/domain/plan";
import type { ConsoleControl, PlanField, PlanStep, SettingGroup } from "@/lib/domain/plan";
import { originCustomHeaders, type CachePolicySpec, type CloudfrontRules, type OriginRequestPolicySpec } from "./behavior";
import { LABELS, OPTION } from "./labels";
import { ALLOWED_METHODS, CLOUDFRONT } from "./settings";

/**
 * The parts of the CloudFront plan that follow the email provider's rules (behavior.ts): the policies step, the
 * cache behaviour's fields, the origin's custom header, and what the configuration guarantees.
 */

type LabelKey = keyof typeof LABELS;

export function field(key: LabelKey, value: string | number, rest: Omit<PlanField, "id" | "label" | "seedLabel" | "value">, idPrefix?: string): PlanField {
  const { label, seed, control } = LABELS[key] as { label: string; seed?: string; control?: ConsoleControl };
  return { id: idPrefix ? `${idPrefix}.${key}` : key, label, seedLabel: seed && seed !== label ? seed : undefined, value: String(value), ...rest, ...(control && { control }) };
}

/** What the configuration achieves, for the invariant checks (derived from settings.ts and behavior.ts, never restated). */
export function guarantees(host: string, origin: string, cf: CloudfrontRules): HostGuarantees {
  const legacy = cf.cache.kind === "legacy";
  const request = cf.cache.kind === "policies" ? cf.cache.originRequestPolicy : undefined;
  const forwarded: string[] = legacy ? [...CLOUDFRONT.forwardedHeaders] : request!.headers;
  const header = cf.route.via === "origin-header" ? originCustomHeaders(cf, host)[0]! : undefined;
  const cachePolicy = cf.cache.kind === "policies" ? cf.cache.cachePolicy : undefined;
  // Forwarding all headers ("*") makes CloudFront cache nothing, whatever the TTLs say; a policy keeps a click up to its MaxTTL.
  const cachedFor = legacy ? ((CLOUDFRONT.forwardedHeaders as readonly string[]).includes("*") ? 0 : CLOUDFRONT.defaultTtl) : cachePolicy!.kind === "managed" ? 0 : cachePolicy!.spec.maxTtl;
  return {
    certificateNames: [host],
    origin,
    originProtocol: CLOUDFRONT.originProtocolPolicy === "https-only" ? "https" : "match-viewer",
    originMinTls: CLOUDFRONT.originSslProtocols.map((p) => p.replace("TLSv", "")).sort()[0]!,
    // CloudFront checks the origin certificate against the origin domain (or the Host it sends), never the alias alone.
    originCertificateCheckedAgainst: "origin",
    hostHeader: forwarded.some((h) => h === "*" || h.toLowerCase() === "host") ? "pass-through" : "overridden",
    brandedHost: header ? { via: "origin-header", header: header.HeaderName, value: header.HeaderValue } : { via: "host" },
    forwardedHeaders: forwarded.filter((h) => h.toLowerCase() !== "host"),
    cookies: (legacy ? CLOUDFRONT.forwardCookies : request!.cookies) === "none" ? "not-forwarded" : "forwarded",
    queryString: legacy ? (CLOUDFRONT.forwardQueryString ? "forwarded-and-keyed" : "dropped") : "forwarded-and-keyed",
    // Every query string is in a custom cache policy's key, and the managed CachingDisabled keeps nothing.
    redirectSharedForSeconds: legacy ? cachedFor : 0,
    cachedForSeconds: cachedFor,
    methods: [...cf.allowedMethods],
    viewerProtocols: CLOUDFRONT.viewerProtocolPolicy === "allow-all" ? ["http", "https"] : ["https"],
  };
}

function originRequestPolicyFields(p: OriginRequestPolicySpec): PlanField[] {
  const id = "originRequestPolicy";
  return [
    field("policyName", p.name, { entry: "type", changeFromDefault: true, api: `OriginRequestPolicyConfig.Name: "${p.name}"` }, id),
    field("policyDescription", p.comment, { entry: "type", api: "Comment" }, id),
    field("policyHeaders", OPTION.policyHeaders.whitelist, { entry: "choose", changeFromDefault: true, api: 'HeadersConfig.HeaderBehavior: "whitelist"' }, id),
    field("policyHeaderNames", p.headers.join(", "), {
      entry: "type",
      changeFromDefault: true,
      api: `HeadersConfig.Headers: ${JSON.stringify(p.headers)}`,
      note: "Choose Add custom, type each name and choose Add.",
    }, id),
    field("policyQueryStrings", OPTION.policyQueryStrings[p.queryStrings], { entry: "choose", changeFromDefault: true, api: 'QueryStringsConfig.QueryStringBehavior: "all"' }, id),
    field("policyCookies", OPTION.policyCookies[p.cookies], { entry: "choose", changeFromDefault: p.cookies !== "none", api: `CookiesConfig.CookieBehavior: "${p.cookies}"` }, id),
  ];
}

function cachePolicyFields(p: CachePolicySpec): PlanField[] {
  const id = "cachePolicy";
  return [
    field("policyName", p.name, { entry: "type", changeFromDefault: true, api: `CachePolicyConfig.Name: "${p.name}"` }, id),
    field("policyDescription", p.comment, { entry: "type", api: "Comment" }, id),
    field("policyMinTtl", p.minTtl, { entry: "type", changeFromDefault: true, api: "MinTTL" }, id),
    field("policyMaxTtl", p.maxTtl, { entry: "type", changeFromDefault: true, api: "MaxTTL" }, id),
    field("policyDefaultTtl", p.defaultTtl, { entry: "type", changeFromDefault: true, api: "DefaultTTL" }, id),
    field("policyHeaders", OPTION.policyHeaders.none, { entry: "choose", api: 'HeadersConfig.HeaderBehavior: "none"' }, id),
    field("policyQueryStrings", OPTION.policyQueryStrings[p.queryStrings], {
      entry: "choose",
      changeFromDefault: true,
      api: 'QueryStringsConfig.QueryStringBehavior: "all"',
      note: "Every query string is in the cache key: a kept answer only ever answers the very same link.",
    }, id),
    field("policyCookies", OPTION.policyCookies.none, { entry: "choose", api: 'CookiesConfig.CookieBehavior: "none"' }, id),
  ];
}

/** The step that creates the custom policies, for an ESP whose rules need them; none for the legacy form. */
export function policiesStep(cf: CloudfrontRules, esp: ResolvedEsp): PlanStep | undefined {
  if (cf.cache.kind === "legacy") return undefined;
  const groups: SettingGroup[] = [];
  if (cf.cache.cachePolicy.kind === "custom") groups.push({ id: "cachePolicy", title: "Create cache policy", fields: cachePolicyFields(cf.cache.cachePolicy.spec) });
  groups.push({ id: "originRequestPolicy", title: "Create origin request policy", fields: originRequestPolicyFields(cf.cache.originRequestPolicy) });
  const cookies = esp.rules.maxRequestHeaderBytes && cf.cache.originRequestPolicy.cookies === "none"
    ? ` No cookies: ${esp.name} refuses requests past ${esp.rules.maxRequestHeaderBytes} bytes of headers and cookies.`
    : "";
  return {
    id: "policies",
    title: "Create the policies the distribution uses",
    intro: `The distribution sends ${esp.name} exactly what it needs through an origin request policy${groups.length > 1 ? ", and keeps each click no longer than it allows through a cache policy" : ""}. One account-wide policy serves every link host of this plan: if one with this name exists, check its values and use it.${cookies}`,
    actions: [
      "Open the CloudFront console, then Policies.",
      ...groups.map((g) => `${g.title}: choose ${g.id === "cachePolicy" ? "Cache" : "Origin request"} › Create ${g.id === "cachePolicy" ? "cache" : "origin request"} policy, enter the values below and choose Create.`),
    ],
    groups,
  };
}

/** The origin's custom header field, when the ESP reads the link host from one on CloudFront. */
export function originHeaderFields(cf: CloudfrontRules, host: string, esp: ResolvedEsp): PlanField[] {
  return originCustomHeaders(cf, host).map((h) =>
    field("originCustomHeader", `${h.HeaderName}: ${h.HeaderValue}`, {
      entry: "type",
      changeFromDefault: true,
      api: `Origins.Items[0].CustomHeaders: [{HeaderName: "${h.HeaderName}", HeaderValue: "${h.HeaderValue}"}]`,
      note: `Under Add custom header: Header name ${h.HeaderName}, Value ${h.HeaderValue}. ${esp.name} reads the link host from it; Host is not forwarded, so CloudFront sends ${esp.origin} as Host.`,
    }),
  );
}

const methodsNote = (cf: CloudfrontRules, esp: ResolvedEsp) =>
  cf.allowedMethods.length === ALLOWED_METHODS.length
    ? `${esp.rules.methodsWhy} CloudFront offers only three sets (GET, HEAD; GET, HEAD, OPTIONS; all seven), so all seven.`
    : `${esp.rules.methodsWhy} CloudFront offers only three sets; this is the smallest that holds them.`;

/** The default cache behaviour's fields for the ESP's rules: the methods, then the legacy settings or the policies. */
export function behaviorFields(cf: CloudfrontRules, esp: ResolvedEsp): PlanField[] {
  const methods = [
    field("allowedMethods", cf.allowedMethods.join(", "), {
      entry: "choose",
      changeFromDefault: cf.allowedMethods.length > 2,
      api: `AllowedMethods (${cf.allowedMethods.length})`,
      note: methodsNote(cf, esp),
    }),
    field("cachedMethods", cf.cachedMethods.join(", "), {
      entry: "check",
      changeFromDefault: cf.cachedMethods.length > 2,
      api: `CachedMethods (${cf.cachedMethods.length})`,
      note: cf.cachedMethods.length > 2 ? "Tick OPTIONS; GET and HEAD are always cached." : "GET and HEAD are always cached.",
    }),
  ];
  if (cf.cache.kind === "legacy") {
    return [
      ...methods,
      field("cacheKeyMode", OPTION.cacheKeyMode.legacy, {
        entry: "choose",
        changeFromDefault: true,
        note: `These settings forward the Host header and everything else to ${esp.name}; the recommended policies would need AllViewer, never AllViewerExceptHostHeader.`,
      }),
      field("headers", "All", { entry: "choose", changeFromDefault: true, api: 'ForwardedValues.Headers: ["*"]' }),
      field("queryStrings", "All", { entry: "choose", changeFromDefault: true, api: "ForwardedValues.QueryString: true", note: "Forward all, cache based on all: the recipient's token is in the link." }),
      field("cookies", "All", { entry: "choose", changeFromDefault: true, api: 'ForwardedValues.Cookies.Forward: "all"' }),
      field("objectCaching", "Customize", { entry: "choose", changeFromDefault: true }),
      field("minTtl", CLOUDFRONT.minTtl, { entry: "type", api: "MinTTL" }),
      field("maxTtl", CLOUDFRONT.maxTtl, { entry: "type", api: "MaxTTL" }),
      field("defaultTtl", CLOUDFRONT.defaultTtl, { entry: "type", api: "DefaultTTL" }),
    ];
  }
  const cache = cf.cache.cachePolicy;
  const request = cf.cache.originRequestPolicy;
  return [
    ...methods,
    field("cacheKeyMode", OPTION.cacheKeyMode.policies, { entry: "choose" }),
    field("cachePolicy", cache.kind === "managed" ? cache.name : cache.spec.name, {
      entry: "choose",
      changeFromDefault: true,
      api: cache.kind === "managed" ? `CachePolicyId: "${cache.id}" (managed ${cache.name})` : "CachePolicyId: the id of the cache policy created above",
      note:
        cache.kind === "managed"
          ? `A managed policy: nothing is cached, so every click reaches ${esp.name}.`
          : `Keeps a click at most ${cache.spec.maxTtl} s. ${esp.rules.cache.why}`,
    }),
    field("originRequestPolicy", request.name, {
      entry: "choose",
      changeFromDefault: true,
      api: "OriginRequestPolicyId: the id of the origin request policy created above",
      note: `Sends ${request.headers.join(", ")}, every query string and ${request.cookies === "all" ? "every cookie" : "no cookies"}. Never AllViewerExceptHostHeader.`,
    }),
  ];
}
