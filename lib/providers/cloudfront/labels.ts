/**
 * CloudFront and ACM console labels, in the order the console shows them (AWS CloudFront developer guide,
 * "Distribution settings reference", and the ACM "Request certificate" page). `seed` is the seed
 * document's older label where today's console says something else.
 */
export const LABELS = {
  acmRegion: { label: "Region (top-right region selector)" },
  acmRequestType: { label: "Certificate type" },
  acmDomainName: { label: "Fully qualified domain name" },
  acmValidation: { label: "Validation method" },
  acmKeyAlgorithm: { label: "Key algorithm" },

  originDomain: { label: "Origin domain", seed: "Origin Domain Name" },
  originProtocol: { label: "Protocol", seed: "Origin Protocol Policy" },
  httpPort: { label: "HTTP port", seed: "HTTP Port" },
  httpsPort: { label: "HTTPS port", seed: "HTTPS Port" },
  minOriginSsl: { label: "Minimum origin SSL protocol", seed: "Minimum Origin SSL Protocol" },
  originPath: { label: "Origin path - optional", seed: "Origin Path" },
  originName: { label: "Name", seed: "Origin ID" },
  responseTimeout: { label: "Response timeout", seed: "Origin Response Timeout" },
  keepaliveTimeout: { label: "Keep-alive timeout", seed: "Origin Keep-alive Timeout" },

  targetOrigin: { label: "Origin and origin groups", seed: "Origin or Origin Group" },
  compress: { label: "Compress objects automatically" },
  viewerProtocol: { label: "Viewer protocol policy", seed: "Viewer Protocol Policy" },
  allowedMethods: { label: "Allowed HTTP methods", seed: "Allowed HTTP Methods" },
  cachedMethods: { label: "Cache HTTP methods", seed: "Cached HTTP Methods" },
  cacheKeyMode: { label: "Cache key and origin requests" },
  headers: { label: "Headers", seed: "Cache Based on Selected Request Headers" },
  queryStrings: { label: "Query strings", seed: "Query String Forwarding and Caching" },
  cookies: { label: "Cookies", seed: "Forward Cookies" },
  objectCaching: { label: "Object caching" },
  minTtl: { label: "Minimum TTL", seed: "Minimum TTL" },
  maxTtl: { label: "Maximum TTL", seed: "Maximum TTL" },
  defaultTtl: { label: "Default TTL", seed: "Default TTL" },

  waf: { label: "Web Application Firewall (WAF)", seed: "AWS WAF Web ACL" },
  priceClass: { label: "Price class", seed: "Price Class" },
  alternateDomain: { label: "Alternate domain name (CNAME)", seed: "Alternate Domain Names (CNAMEs)" },
  customCertificate: { label: "Custom SSL certificate", seed: "SSL Certificate" },
  legacyClients: { label: "Legacy clients support", seed: "Custom SSL Client Support" },
  securityPolicy: { label: "Security policy", seed: "Security Policy" },
  httpVersions: { label: "Supported HTTP versions", seed: "Supported HTTP Versions" },
  defaultRootObject: { label: "Default root object - optional", seed: "Default Root Object" },
  logging: { label: "Standard logging", seed: "Log Bucket / Log Prefix / Cookie Logging" },
  ipv6: { label: "IPv6", seed: "Enable IPv6" },
  state: { label: "Enable distribution (on the distribution's General tab)", seed: "State" },
} as const satisfies Record<string, { label: string; seed?: string }>;

/** Console option labels for API values. */
export const OPTION = {
  originProtocolPolicy: { "https-only": "HTTPS only" },
  viewerProtocolPolicy: { "allow-all": "HTTP and HTTPS" },
  priceClass: { PriceClass_All: "Use all edge locations (best performance)" },
  httpVersion: { http2: "HTTP/2 (HTTP/1.0 and HTTP/1.1 are always supported)" },
} as const;
