import type { CdnId, ConsoleControl, DnsRecord, Plan, PlanInput } from "@/lib/domain/plan";
import type { CredentialDescription } from "./credential-fields";
import type { CdnVerification } from "./verification-types";

export type { CredentialField } from "./credential-fields";
import type { CredentialField } from "./credential-fields";

/** What the wizard needs to know about a CDN before any plan exists. Safe for client bundles. */
export interface ProviderInfo {
  id: CdnId;
  name: string;
  /** One line: what a person needs before starting. */
  needs: string;
  /** False while the provider's plan and apply are not built yet ("coming soon"). */
  available: boolean;
  credentialFields: CredentialField[];
  /** The smallest permissions apply needs, shown beside the credential fields. */
  permissions: string[];
  /**
   * Set when apply itself makes the DNS switch (Cloudflare turns its proxy on in place): apply then waits, before
   * switching, for the person to confirm what the email provider must see first (`EspOrder.confirmBeforeSwitch`,
   * when the ESP has one), shown as a checkbox once apply is waiting on it.
   */
  applySwitchesInPlace?: boolean;
  /**
   * The CDN's own guide for an ESP with a `brandedHost.originHeader` sends the link host in that custom origin
   * header rather than as Host (CloudFront for SparkPost: docs/esps.md#sparkpost-headers). Shared code combines
   * this with the ESP's rule (lib/plan/branded-host.ts); no CDN names an ESP.
   */
  prefersOriginHeaderForBrandedHost?: boolean;
  /**
   * Set when the CDN's automatic certificate for a link host can only be issued after the host's DNS points
   * at the CDN (the CA checks the host through the CDN). The DNS step's gate then says why the certificate
   * cannot be proven before the switch, what the gap costs a host under HSTS, and how to avoid it.
   */
  certificateAfterSwitch?: CertificateAfterSwitch;
  /**
   * A limit of this CDN's on a link host's length beyond DNS's 253 characters, checked at the hostname field
   * (CloudFront: ACM's 64-character first name). `reason` follows "is N characters long, ". Plain data, so it
   * can reach client components.
   */
  hostnameLimit?: { maxLength: number; reason: string };
  /**
   * Set when the CDN serves the host's own DNS zone: a subdomain can be its own (delegated) zone, which changes every
   * record Name and the certificate's apex, so the Configure step asks which zone holds each host, in these words.
   */
  needsZone?: { legend: string; hint: string };
}

export interface CertificateAfterSwitch {
  /** The setting that behaves so, in the console's words, e.g. "SSL: Let's Encrypt". */
  setting: string;
  /** How long issuance takes once DNS points at the CDN, as far as the provider documents it. */
  issuanceTime: string;
  /** How to have a certificate for the exact host in place before the switch, so there is no gap. */
  beforeSwitch: string;
}

/**
 * The address a CDN gives a link host: the name the DNS step points the host at (docs/providers/cdn-addresses.md).
 * The verifier asks this rather than knowing any CDN's names itself.
 */
export interface CdnAddress {
  /** Where to find the address, in the provider's words: "Enter …" follows it. */
  hint: string;
  /** A made-up address of the right shape, for examples in messages, where the CDN's addresses have a fixed shape. */
  example?: string;
  /** What such an address is, for "neither SendGrid nor …" (host-specific for a CDN that names it after the host). */
  kind(host: string): string;
  /** True when `name` (lower case, no trailing dot) has the shape of an address this CDN gives `host`. */
  isAddressFor(name: string, host: string): boolean;
  /**
   * The CDN proxies the existing record in place (Cloudflare): once on, public resolvers see the CDN's addresses and
   * no CNAME, and there is no separate address to test before the switch unless the person gives one. Then it says
   * how to turn the proxy on, in the provider's words ("…, and <turnOn>."); false for a CDN with an address of its own.
   */
  proxiesInPlace: false | { turnOn: string };
}

/**
 * A CDN's client-safe facts (lib/providers/<cdn>/facts.ts): what the wizard, the verifier and the environment
 * settings ask it, without its plan. Light enough for client bundles.
 */
export interface CdnFacts {
  /** What it needs and what it can do; `info.id` is its id, and `info.credentialFields` come from `credentials`. */
  info: ProviderInfo;
  /** The credentials, described once: the wizard's fields and the schema are derived from it. */
  credentials: CredentialDescription;
  /** The address it gives a link host, and whether it proxies in place. */
  address: CdnAddress;
  /** How it answers, its error pages with their causes and fixes, its certificate and Host header fixes. */
  verification: CdnVerification;
  /** The APIs apply calls, each a base URL the environment can override (docs/contract.md#provider-api-base-urls). */
  endpoints: readonly EndpointSpec[];
  /** What apply creates and undo removes. */
  resources: CdnResources;
}

/** What apply reports (ResourceRef.kind) and undo removes, in the order it removes them. */
export interface CdnResources {
  /** Each kind's name as people read it; the keys are unique across CDNs (resource-kinds.ts merges them). */
  kinds: Readonly<Record<string, string>>;
  /** What uses a resource goes before the resource. */
  undoOrder: readonly string[];
  /** At most this many resources per host (bounds what the undo action accepts). */
  maxPerHost: number;
}

/** The console's words for each field the plan shows (`seed`: an older wording people may know) and how it draws them. */
export interface ConsoleLabels {
  fields: Readonly<Record<string, { label: string; seed?: string; control?: ConsoleControl }>>;
  /** The console's wording of API values. */
  options: Readonly<Record<string, unknown>>;
}

/** One API base URL: its key in the apply context's endpoints, its environment variable, its default (none: the SDK's). */
export interface EndpointSpec {
  key: string;
  env: string;
  default?: string;
}

/** Infrastructure-as-code exports of a plan: every CDN has a Terraform export, or says why not. */
export type CdnExports =
  | {
      /** HCL using the provider's official Terraform resources. */
      terraform: (plan: Plan) => string;
      /** The provider's own CLI documents keyed by hostname (`aws cloudfront create-distribution`). */
      awsCli?: (plan: Plan) => unknown;
      none?: undefined;
    }
  | { terraform?: undefined; awsCli?: undefined; /** Why this CDN has no export beyond Markdown and JSON. */ none: string };

/**
 * A CDN module (lib/providers/<cdn>/index.ts), one fixed skeleton for every CDN: its facts (info, credentials,
 * address, verification, endpoints, resources), its console labels, its pure plan() and its export (every CDN has
 * one, or says why not). Client-safe; apply, status and undo live in its server-only adapter (apply.ts).
 */
export interface CdnModule extends CdnFacts {
  labels: ConsoleLabels;
  plan(input: PlanInput): Plan;
  exports: CdnExports;
}

// ---- apply results (returned by server actions; never contain credentials) ----

export type HostOutcome =
  | "created" // this run created what serves the host
  | "updated" // this run changed an existing resource to match the plan
  | "unchanged" // everything already matched: nothing to do
  | "pending" // waiting on the person (validation records) or the provider (deployment)
  | "failed";

export interface ResourceRef {
  /** e.g. "ACM certificate", "CloudFront distribution". */
  kind: string;
  id: string;
  /** True only when this run created it (undo removes exactly these). */
  createdByThisRun: boolean;
  /** Provider status in plain words, e.g. "Issued", "Deploying". */
  status?: string;
}

export interface ProviderError {
  /** The provider's code, e.g. "CNAMEAlreadyExists". */
  code: string;
  /** What went wrong, in plain words. */
  message: string;
  /** What the person should do about it. */
  action: string;
}

export interface HostApplyResult {
  host: string;
  outcome: HostOutcome;
  /** One line for people: what happened and what is next. */
  summary: string;
  /** The CNAME target for the DNS switch, once known. */
  target?: string;
  /** Records the person must create now (certificate validation), exactly as the provider gave them. */
  records: DnsRecord[];
  resources: ResourceRef[];
  /** How an adopted resource differs from the plan, each with its fix. */
  differences: string[];
  error?: ProviderError;
}

export interface ApplyReport {
  cdn: CdnId;
  hosts: HostApplyResult[];
  /** True when every host is created/updated/unchanged and nothing is pending. */
  complete: boolean;
}

/** What apply would do, shown before the person confirms. */
export interface PlannedChange {
  resource: string;
  action: "create" | "update" | "reuse";
  /** What is there now, when something is. */
  current?: string;
  /** What it will be. */
  next: string;
}

export interface HostPreview {
  host: string;
  changes: PlannedChange[];
  /** What the person should know that is not a change: e.g. a record apply cannot create, an existing Page Rule. */
  notes?: string[];
  error?: ProviderError;
}

export interface ApplyPreview {
  cdn: CdnId;
  hosts: HostPreview[];
}

export function isComplete(hosts: HostApplyResult[]): boolean {
  return hosts.every((h) => h.outcome === "created" || h.outcome === "updated" || h.outcome === "unchanged");
}

// ---- undo (removes exactly what an apply run created) ----

/** One resource undo is asked to remove: what apply reported as created by this run, and the host it was for. */
export interface UndoTarget {
  /** One of the kinds in lib/providers/resource-kinds.ts (each CDN's resources.ts); a string here so these types stay below the registry. */
  kind: string;
  id: string;
  host: string;
}

export type UndoOutcome =
  | "removed" // gone now: this undo removed it, or it no longer existed
  | "waiting" // started, but the provider needs time first (CloudFront deployment): undo again later
  | "refused" // left alone: it does not carry what apply sets, or something this run did not create still uses it
  | "failed"; // the provider refused or could not be reached

export interface UndoResult extends UndoTarget {
  outcome: UndoOutcome;
  /** One line for people: what happened, or why not. */
  message: string;
  /** For "waiting": about how many minutes until undo can continue. */
  retryInMinutes?: number;
  error?: ProviderError;
}

export interface UndoReport {
  cdn: CdnId;
  results: UndoResult[];
  /** True when nothing is waiting or failed: running undo again would change nothing. */
  complete: boolean;
}
