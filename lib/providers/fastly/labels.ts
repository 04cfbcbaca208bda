import type { ConsoleControl } from "@/lib/domain/plan";

/**
 * Fastly control panel labels, in the order the console shows them (docs.fastly.com guides "Working with
 * services", "Working with domains", "Working with hosts", "Changing the Fallback TTL", "Serving HTTPS
 * traffic using Fastly-managed certificates"). The seed has no Fastly section, so there are no seed labels.
 * `control` is how the console draws the field where it is not the default for its entry kind.
 */
export const LABELS = {
  serviceName: { label: "Service name" },

  domainName: { label: "Domain name" },
  domainComment: { label: "Comment" },

  hostAddress: { label: "Address" },
  hostName: { label: "Name" },
  enableTls: { label: "Enable TLS?", control: "radio" },
  port: { label: "Port" },
  verifyCertificate: { label: "Verify certificate?", control: "radio" },
  certificateHostname: { label: "Certificate hostname" },
  sniHostname: { label: "SNI hostname" },
  minTls: { label: "Minimum TLS version", control: "select" },
  overrideHost: { label: "Override host" },

  fallbackTtl: { label: "Fallback TTL" },
  serviceOverrideHost: { label: "Override host (service settings)" },

  headerName: { label: "Name" },
  headerType: { label: "Type", control: "select" },
  headerAction: { label: "Action", control: "select" },
  headerDestination: { label: "Destination" },

  tlsDomain: { label: "Domain" },
  certificationAuthority: { label: "Certification Authority", control: "radio" },
  tlsConfiguration: { label: "TLS configuration" },
} as const satisfies Record<string, { label: string; seed?: string; control?: ConsoleControl }>;

/** Console wording for choices. */
export const OPTION = {
  yes: "Yes",
  tlsOption: "Use certificates Fastly obtains for you",
  defaultConfiguration: "the configuration marked Default",
  headerType: { request: "Request" },
  headerAction: { delete: "Delete" },
} as const;
