import type { Method } from "@aws-sdk/client-cloudfront";
import type { EspPlanRules } from "@/lib/domain/esp";
import { brandedHostRoute, type BrandedHostRoute } from "@/lib/providers/plan-parts/branded-host";
import { cloudfrontInfo } from "./info";
import { ALLOWED_METHODS, CACHED_METHODS, MANAGED_POLICY, ORIGIN_ID, POLICY_FORM_ORIGIN_ID } from "./settings";

/**
 * How CloudFront keeps an email provider's rules (docs/providers/cloudfront.md#per-email-provider): which methods,
 * how the link host reaches the ESP, which headers, cookies and query strings go to it, and how long a click may
 * be kept. Pure: the plan, apply, the differences of an adopted distribution and the exports all read this.
 *
 * - An ESP whose setup forwards everything and caches nothing (SendGrid, as its and Braze's CloudFront recipe
 *   does) keeps the legacy cache settings the wizard has always written: every header, cookie and query string.
 * - Any other gets the policy form: a cache policy (the managed CachingDisabled when the ESP caches nothing, else
 *   a custom one with the ESP's TTLs and every query string in the key) and a custom origin request policy with
 *   exactly the headers it needs (Host where it reads the link host from Host, plus its own list, e.g.
 *   User-Agent), every query string, and cookies only where the ESP's setup forwards them. Amazon SES refuses
 *   requests past 8,192 bytes of headers and cookies, so its policy forwards Host and User-Agent but no cookies.
 */

/** The prefix of every policy apply creates: how undo and a re-run know them (policies carry no tags). */
export const POLICY_NAME_PREFIX = "ssl-click-tracking-";

/** A custom origin request policy: what CloudFront sends to the origin beyond the path. */
export interface OriginRequestPolicySpec {
  name: string;
  comment: string;
  /** Viewer headers, in the order shown. */
  headers: string[];
  cookies: "none" | "all";
  queryStrings: "all";
}

/** A custom cache policy: the ESP's TTLs, with every query string in the cache key and nothing else. */
export interface CachePolicySpec {
  name: string;
  comment: string;
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
  queryStrings: "all";
  /** The console's defaults for a new cache policy, as SparkPost's guide leaves them. */
  acceptEncodingGzip: true;
  acceptEncodingBrotli: true;
}

export type CachePolicyChoice = { kind: "managed"; name: "CachingDisabled"; id: string } | { kind: "custom"; spec: CachePolicySpec };

export type CacheSettings =
  | { kind: "legacy" }
  | { kind: "policies"; cachePolicy: CachePolicyChoice; originRequestPolicy: OriginRequestPolicySpec };

export interface CloudfrontRules {
  route: BrandedHostRoute;
  allowedMethods: readonly Method[];
  cachedMethods: readonly Method[];
  cache: CacheSettings;
}

/** The only AllowedMethods sets CloudFront accepts (Smithy model, `AllowedMethods`), smallest first. */
export const METHOD_SETS: readonly (readonly Method[])[] = [CACHED_METHODS.slice(0, 2), CACHED_METHODS, ALLOWED_METHODS];

/** The smallest set CloudFront accepts that passes every method the ESP needs. */
export function methodSetFor(methods: readonly string[]): readonly Method[] {
  return METHOD_SETS.find((set) => methods.every((m) => (set as readonly string[]).includes(m))) ?? ALLOWED_METHODS;
}

const slug = (words: string[]) => words.map((w) => w.toLowerCase().replace(/[^a-z0-9]+/g, "-")).join("-");

/** Named after what it does, so two ESPs with the same needs share one policy and different needs never collide. */
function originRequestPolicy(headers: string[], cookies: "none" | "all"): OriginRequestPolicySpec {
  return {
    name: `${POLICY_NAME_PREFIX}${slug(headers.length > 0 ? headers : ["no-headers"])}${cookies === "all" ? "-cookies" : ""}`,
    comment: `SSL click tracking: ${headers.join(", ") || "no headers"}, every query string, ${cookies === "all" ? "every cookie" : "no cookies"}`,
    headers,
    cookies,
    queryStrings: "all",
  };
}

function cachePolicy(rules: EspPlanRules): CachePolicyChoice {
  const { minTtl, defaultTtl, maxTtl } = rules.cache;
  if (maxTtl === 0) return { kind: "managed", name: "CachingDisabled", id: MANAGED_POLICY.cachingDisabled };
  return {
    kind: "custom",
    spec: {
      name: `${POLICY_NAME_PREFIX}ttl-${minTtl}-${defaultTtl}-${maxTtl}`,
      comment: `SSL click tracking: keeps a click at most ${maxTtl} s, keyed on the whole URL`,
      minTtl,
      defaultTtl,
      maxTtl,
      queryStrings: "all",
      acceptEncodingGzip: true,
      acceptEncodingBrotli: true,
    },
  };
}

export function cloudfrontRules(rules: EspPlanRules): CloudfrontRules {
  const route = brandedHostRoute(cloudfrontInfo, rules);
  const allowedMethods = methodSetFor(rules.methods);
  const cachedMethods = allowedMethods.length === 2 ? allowedMethods : CACHED_METHODS;
  const forwardsEverything = rules.forwardCookies === "all" && route.via === "host" && rules.cache.maxTtl === 0;
  if (forwardsEverything) return { route, allowedMethods, cachedMethods, cache: { kind: "legacy" } };
  const headers = [...(route.via === "host" ? ["Host"] : []), ...rules.forwardHeaders];
  return {
    route,
    allowedMethods,
    cachedMethods,
    cache: { kind: "policies", cachePolicy: cachePolicy(rules), originRequestPolicy: originRequestPolicy(headers, rules.forwardCookies === "all" ? "all" : "none") },
  };
}

/** The custom policies a plan needs, which apply creates (or finds by name) before any distribution. */
export function customPolicies(cf: CloudfrontRules): { cachePolicy?: CachePolicySpec; originRequestPolicy?: OriginRequestPolicySpec } {
  if (cf.cache.kind === "legacy") return {};
  return { cachePolicy: cf.cache.cachePolicy.kind === "custom" ? cf.cache.cachePolicy.spec : undefined, originRequestPolicy: cf.cache.originRequestPolicy };
}

/** The origin's ID (and the behaviour's TargetOriginId) for the form the rules use. */
export function originIdOf(cf: CloudfrontRules): string {
  return cf.cache.kind === "legacy" ? ORIGIN_ID : POLICY_FORM_ORIGIN_ID;
}

/** The custom origin header that carries the link host, when the ESP reads it from one on CloudFront. */
export function originCustomHeaders(cf: CloudfrontRules, host: string): { HeaderName: string; HeaderValue: string }[] {
  return cf.route.via === "origin-header" ? [{ HeaderName: cf.route.header, HeaderValue: host }] : [];
}
