/**
 * Fastly control panel labels, in the order the console shows them (docs.fastly.com guides "Working with
 * services", "Working with domains", "Working with hosts", "Changing the Fallback TTL", "Serving HTTPS
 * traffic using Fastly-managed certificates"). The seed has no Fastly section, so there are no seed labels.
 */
export const LABELS = {
  serviceName: { label: "Service name" },

  domainName: { label: "Domain name" },
  domainComment: { label: "Comment" },

  hostAddress: { label: "Address" },
  hostName: { label: "Name" },
  enableTls: { label: "Enable TLS?" },
  port: { label: "Port" },
  verifyCertificate: { label: "Verify certificate?" },
  certificateHostname: { label: "Certificate hostname" },
  sniHostname: { label: "SNI hostname" },
  minTls: { label: "Minimum TLS version" },
  overrideHost: { label: "Override host" },

  fallbackTtl: { label: "Fallback TTL" },
  serviceOverrideHost: { label: "Override host (service settings)" },

  tlsDomain: { label: "Domain" },
  certificationAuthority: { label: "Certification Authority" },
  tlsConfiguration: { label: "TLS configuration" },
} as const satisfies Record<string, { label: string; seed?: string }>;

/** Console wording for choices. */
export const OPTION = {
  yes: "Yes",
  tlsOption: "Use certificates Fastly obtains for you",
  defaultConfiguration: "the configuration marked Default",
} as const;
