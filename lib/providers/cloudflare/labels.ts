import type { ConsoleControl } from "@/lib/domain/plan";

/**
 * Cloudflare dashboard labels and paths, in one place. Sources (cloudflare/cloudflare-docs):
 * ssl/edge-certificates/advanced-certificate-manager/manage-certificates ("Order Advanced Certificate"),
 * rules/configuration-rules/create-dashboard and settings ("SSL"), rules/page-rules/manage,
 * dns/manage-dns-records (Add record: Type, Name, Target, Proxy status, TTL). `seed` is the seed
 * document's older wording where today's dashboard says something else. `control` is how the dashboard
 * draws the field where it is not the default for its entry kind, for the console panel.
 */
export const LABELS = {
  certAuthority: { label: "Certificate Authority", control: "radio" },
  certHostnames: { label: "Certificate Hostnames", seed: "Dedicated SSL with Custom Hostnames", control: "tokens" },
  certValidation: { label: "Validation method", control: "radio" },
  certValidity: { label: "Certificate Validity Period", control: "radio" },

  recordType: { label: "Type" },
  recordName: { label: "Name" },
  recordTarget: { label: "Target" },
  recordProxy: { label: "Proxy status", seed: "HTTP proxy (orange cloud)", control: "toggle" },
  recordTtl: { label: "TTL" },

  ruleName: { label: "Rule name" },
  ruleMatch: { label: "When incoming requests match", control: "radio" },
  ruleField: { label: "Field" },
  ruleOperator: { label: "Operator" },
  ruleValue: { label: "Value" },
  ruleExpression: { label: "Expression (Edit expression)", control: "textarea" },
  ruleSsl: { label: "SSL (under Then the settings are)", seed: "SSL is set to Full (Page Rules)", control: "select" },
} as const satisfies Record<string, { label: string; seed?: string; control?: ConsoleControl }>;

export const CONSOLE = {
  edgeCertificates: "SSL/TLS › Edge Certificates",
  orderAdvanced: "Order Advanced Certificate",
  totalTls: "SSL/TLS › Edge Certificates › Total TLS",
  customCertificate: "SSL/TLS › Edge Certificates › Upload Custom SSL Certificate",
  dnsRecords: "DNS › Records",
  addRecord: "Add record",
  configRules: "Rules › Overview, then Create rule next to Configuration Rules",
  pageRules: "Rules › Page Rules › Create Page Rule",
  pageRuleUrl: "URL",
  pageRuleSetting: "Pick a Setting",
  pageRuleSave: "Save and Deploy Page Rule",
  deploy: "Deploy",
} as const;

/** Dashboard option labels for API values. */
export const OPTION = {
  proxied: "Proxied",
  dnsOnly: "DNS only",
  ttlAuto: "Auto",
  ssl: { off: "Off", flexible: "Flexible", full: "Full", strict: "Full (strict)" },
  certificateAuthority: { lets_encrypt: "Let's Encrypt", google: "Google Trust Services", ssl_com: "SSL.com" },
  validationMethod: { txt: "TXT Validation", http: "HTTP Validation", email: "Email Validation" },
  validityDays: (days: number) => `${days} days`,
  ruleMatchCustom: "Custom filter expression",
  ruleFieldHostname: "Hostname",
  ruleOperatorIn: "is in",
} as const;
