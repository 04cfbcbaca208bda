
/**
 * The plan: every non-secret value a person types, picks or pastes to put a CDN in front of a
 * link-branding hostname. One plan object feeds the wizard, /checklist, /api/plan and every export,
 * so a value is computed once, here, and only rendered elsewhere.
 */

import type { CdnId, EspId } from "./ids";
export { CDN_IDS, type CdnId } from "./ids";

/**
 * An email provider's region id, as in the URL's `region`: which ids exist, and the default, are the
 * ESP module's (lib/esps/<esp>/): SendGrid `global`/`eu`, SparkPost `us`/`eu`, SES an AWS region code.
 */
export type Region = string;

/** How a person enters a value in the provider's console. */
export type EntryKind =
  | "type" // type or paste the value
  | "choose" // pick the option with this label
  | "blank" // leave the field empty
  | "check" // tick the box / switch it on
  | "uncheck"; // leave the box unticked / switch it off

/**
 * How the provider's console draws a field, for the console-panel picture. Optional: without it the
 * panel draws `type`/`blank` as an input, `choose` as a select and `check`/`uncheck` as a checkbox.
 */
export type ConsoleControl =
  | "input" // a text box
  | "textarea" // a multi-line text box (an expression editor)
  | "select" // a drop-down list
  | "radio" // one option of a radio group
  | "checkbox"
  | "toggle" // an on/off switch
  | "tokens"; // a box that turns each typed name into a chip

export interface PlanField {
  /** Stable id, unique within a host plan, e.g. "origin.domain". */
  id: string;
  /** Today's console label. */
  label: string;
  /** The seed document's label, when today's console says something else. */
  seedLabel?: string;
  /** Exactly what to type or choose; "" for fields left blank. */
  value: string;
  entry: EntryKind;
  /** The API field and value that implement it, for engineers and exports. */
  api?: string;
  /** Why this value, when it is not obvious (shown beside it). */
  note?: string;
  /** True when the value differs from the console's default: the fields a person must change. */
  changeFromDefault?: boolean;
  /** How the console draws this field (from the provider's labels.ts). */
  control?: ConsoleControl;
}

export interface SettingGroup {
  id: string;
  /** As the console groups fields, e.g. "Origin", "Default cache behavior", "Settings". */
  title: string;
  fields: PlanField[];
}

export type DnsRecordType = "CNAME" | "TXT" | "A" | "AAAA";

export interface DnsRecord {
  type: DnsRecordType;
  /** Fully qualified name, lower case, no trailing dot. */
  name: string;
  /** The part before the zone: what DNS hosts that append the zone want in their Name field. */
  relativeName: string;
  /** The DNS zone the record lives in (usually the registrable domain). */
  zone: string;
  /** The record's value. When `valueKnown` is false this is a description of where to find it. */
  value: string;
  valueKnown: boolean;
  /** The CDN's proxy switch on a record it proxies in place; undefined for DNS hosts that have no proxy. */
  proxied?: boolean;
  /** "Auto", or seconds as text. */
  ttl: string;
  /** What the record is for, in one line. */
  purpose: string;
  /** When to create it: during setup, at the switch (after testing), or leave it as it is. */
  phase: "setup" | "switch" | "keep";
}

export interface PlanStep {
  /** Stable id, e.g. "certificate", "create", "configure", "test", "dns", "next". */
  id: string;
  title: string;
  /** One or two sentences: what this step achieves. */
  intro: string;
  /** Tick-box actions in order, plain text. */
  actions: string[];
  groups?: SettingGroup[];
  records?: DnsRecord[];
  /** Warnings a person must read before doing this step. */
  warnings?: string[];
}

export interface HostPlan {
  host: string;
  /** What this configuration achieves, checked against the ten invariants (lib/plan/invariants.ts). */
  guarantees: HostGuarantees;
  /** Registrable domain (the usual DNS zone), e.g. "customer.com". */
  zone: string;
  /** The host relative to the zone, e.g. "ablink.subdomain". */
  relativeName: string;
  steps: PlanStep[];
  warnings: string[];
}

export interface PlanInput {
  /** Normalised, validated, de-duplicated link-branding hostnames. */
  hosts: string[];
  /** The email provider whose tracking host goes behind the CDN; SendGrid when absent (links made before `esp=`). */
  esp?: EspId;
  /** That ESP's region id (validated by lib/esps before a plan is built). */
  region: Region;
  /** SparkPost Enterprise: the tenant whose `<tenant>.et.e.sparkpost.com` is the origin. */
  tenant?: string;
  /**
   * CNAME targets already known per host (e.g. a distribution domain after apply), in host order.
   * Missing entries are shown as "where to find it".
   */
  targets?: (string | undefined)[];
  /**
   * The DNS zone per host, in host order, when it is not the registrable domain (a delegated
   * sub-zone such as `x.level-ex.com`). Missing entries use the registrable domain.
   */
  zones?: (string | undefined)[];
  /**
   * SendGrid's owner records (`<user_id>.<domain>`) from a pasted link-branding chart, in any order;
   * each is matched to the link host with the same parent domain.
   */
  ownerRecords?: string[];
  /**
   * Set by the wizard after the person confirms what the email provider must see before the switch
   * (`EspOrder.confirmBeforeSwitch`: SendGrid's link branding validated while the records were DNS-only). Until
   * then, a CDN whose apply switches in place keeps the link record DNS-only (ProviderInfo.applySwitchesInPlace).
   */
  linkBrandingValidated?: boolean;
}

export interface Plan {
  /** Bumped when the shape changes incompatibly; old share links keep working. */
  version: 1;
  cdn: CdnId;
  cdnName: string;
  esp: EspId;
  espName: string;
  region: Region;
  tenant?: string;
  /** The ESP's tracking origin for the region, e.g. sendgrid.net, eu.spgo.io, r.eu-central-1.awstrack.me. */
  origin: string;
  hosts: HostPlan[];
}

/** Every DNS record of a host plan, in step order. */
export function recordsOf(hostPlan: HostPlan): DnsRecord[] {
  return hostPlan.steps.flatMap((step) => step.records ?? []);
}

/** Every field of a host plan, in step order. */
export function fieldsOf(hostPlan: HostPlan): PlanField[] {
  return hostPlan.steps.flatMap((step) => (step.groups ?? []).flatMap((g) => g.fields));
}

export interface HostGuarantees {
  /** Names the edge certificate will carry. */
  certificateNames: string[];
  /** Origin host the CDN connects to. */
  origin: string;
  originProtocol: "https" | "http" | "match-viewer";
  /** Lowest TLS version allowed to the origin, e.g. "1.2". */
  originMinTls: string;
  /** Whose name the origin certificate is checked against: never the link host (SendGrid serves *.sendgrid.net). */
  originCertificateCheckedAgainst: "origin" | "not-checked" | "link-host";
  /** The Host header the origin receives: the viewer's (the link host), or the CDN's own (the origin's name). */
  hostHeader: "pass-through" | "overridden";
  /**
   * How the link host reaches the ESP (invariant 3): as the Host header passed through, or in a custom origin
   * header the CDN adds with the link host as its value (SparkPost on CloudFront: X-Forwarded-Host).
   */
  brandedHost: { via: "host" } | { via: "origin-header"; header: string; value: string };
  /** Viewer request headers that reach the origin besides Host; "*" when every header does. */
  forwardedHeaders: string[];
  /** Whether the viewer's cookies reach the origin. */
  cookies: "forwarded" | "not-forwarded";
  /** The query string reaches the origin and is part of every cache key that could hold a redirect. */
  queryString: "forwarded-and-keyed" | "forwarded-not-keyed" | "dropped";
  /** How long a redirect may be served from cache to someone else, in seconds (0 = never shared). */
  redirectSharedForSeconds: number;
  /**
   * The longest the CDN may answer a repeat request for the same link from its cache when the ESP's answer carries
   * no cache headers, in seconds (0 = every click reaches the ESP).
   */
  cachedForSeconds: number;
  methods: string[];
  viewerProtocols: ("http" | "https")[];
}
