import type { ConsoleControl } from "@/lib/domain/plan";

/**
 * CloudFront and ACM console labels, in the order the console shows them (AWS CloudFront developer guide,
 * "Distribution settings reference", and the ACM "Request certificate" page). `seed` is the seed
 * document's older label where today's console says something else. `control` is how the console draws
 * the field where it is not the default for its entry kind (radio groups, toggles), for the console panel.
 */
export const LABELS = {
  acmRegion: { label: "Region (top-right region selector)" },
  acmRequestType: { label: "Certificate type", control: "radio" },
  acmDomainName: { label: "Fully qualified domain name" },
  acmValidation: { label: "Validation method", control: "radio" },
  acmKeyAlgorithm: { label: "Key algorithm", control: "radio" },

  originDomain: { label: "Origin domain", seed: "Origin Domain Name" },
  originProtocol: { label: "Protocol", seed: "Origin Protocol Policy", control: "radio" },
  httpPort: { label: "HTTP port", seed: "HTTP Port" },
  httpsPort: { label: "HTTPS port", seed: "HTTPS Port" },
  minOriginSsl: { label: "Minimum origin SSL protocol", seed: "Minimum Origin SSL Protocol", control: "radio" },
  originPath: { label: "Origin path - optional", seed: "Origin Path" },
  originName: { label: "Name", seed: "Origin ID" },
  responseTimeout: { label: "Response timeout", seed: "Origin Response Timeout" },
  keepaliveTimeout: { label: "Keep-alive timeout", seed: "Origin Keep-alive Timeout" },
  originCustomHeader: { label: "Add custom header - optional", seed: "Origin Custom Headers" },

  targetOrigin: { label: "Origin and origin groups", seed: "Origin or Origin Group" },
  compress: { label: "Compress objects automatically", control: "radio" },
  viewerProtocol: { label: "Viewer protocol policy", seed: "Viewer Protocol Policy", control: "radio" },
  allowedMethods: { label: "Allowed HTTP methods", seed: "Allowed HTTP Methods", control: "radio" },
  cachedMethods: { label: "Cache HTTP methods", seed: "Cached HTTP Methods" },
  cacheKeyMode: { label: "Cache key and origin requests", control: "radio" },
  headers: { label: "Headers", seed: "Cache Based on Selected Request Headers" },
  queryStrings: { label: "Query strings", seed: "Query String Forwarding and Caching" },
  cookies: { label: "Cookies", seed: "Forward Cookies" },
  cachePolicy: { label: "Cache policy", control: "select" },
  originRequestPolicy: { label: "Origin request policy - optional", control: "select" },
  objectCaching: { label: "Object caching", control: "radio" },
  minTtl: { label: "Minimum TTL", seed: "Minimum TTL" },
  maxTtl: { label: "Maximum TTL", seed: "Maximum TTL" },
  defaultTtl: { label: "Default TTL", seed: "Default TTL" },

  policyName: { label: "Name" },
  policyDescription: { label: "Description - optional" },
  policyMinTtl: { label: "Minimum TTL" },
  policyMaxTtl: { label: "Maximum TTL" },
  policyDefaultTtl: { label: "Default TTL" },
  policyHeaders: { label: "Headers", control: "select" },
  policyHeaderNames: { label: "Add header", control: "tokens" },
  policyQueryStrings: { label: "Query strings", control: "select" },
  policyCookies: { label: "Cookies", control: "select" },

  waf: { label: "Web Application Firewall (WAF)", seed: "AWS WAF Web ACL", control: "radio" },
  priceClass: { label: "Price class", seed: "Price Class", control: "radio" },
  alternateDomain: { label: "Alternate domain name (CNAME)", seed: "Alternate Domain Names (CNAMEs)" },
  customCertificate: { label: "Custom SSL certificate", seed: "SSL Certificate" },
  legacyClients: { label: "Legacy clients support", seed: "Custom SSL Client Support", control: "checkbox" },
  securityPolicy: { label: "Security policy", seed: "Security Policy", control: "radio" },
  httpVersions: { label: "Supported HTTP versions", seed: "Supported HTTP Versions", control: "checkbox" },
  defaultRootObject: { label: "Default root object - optional", seed: "Default Root Object" },
  logging: { label: "Standard logging", seed: "Log Bucket / Log Prefix / Cookie Logging", control: "radio" },
  ipv6: { label: "IPv6", seed: "Enable IPv6", control: "radio" },
  state: { label: "Enable distribution (on the distribution's General tab)", seed: "State", control: "radio" },
} as const satisfies Record<string, { label: string; seed?: string; control?: ConsoleControl }>;

/** Console option labels for API values. */
export const OPTION = {
  cacheKeyMode: { legacy: "Legacy cache settings", policies: "Cache policy and origin request policy (recommended)" },
  policyHeaders: { none: "None", whitelist: "Include the following headers" },
  policyQueryStrings: { all: "All" },
  policyCookies: { none: "None", all: "All" },
  originProtocolPolicy: { "https-only": "HTTPS only" },
  viewerProtocolPolicy: { "allow-all": "HTTP and HTTPS" },
  priceClass: { PriceClass_All: "Use all edge locations (best performance)" },
  httpVersion: { http2: "HTTP/2 (HTTP/1.0 and HTTP/1.1 are always supported)" },
} as const;
