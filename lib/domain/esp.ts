import type { EspId, GuideEspId } from "./ids";

/**
 * The contract every email provider (ESP) module keeps (lib/esps/<esp>/index.ts): everything the plan, the
 * exports, the wizard and the verifier need to know about the ESP, as data, so that nothing outside the ESP's
 * folder names it. Facts and their public sources: docs/esps.md.
 */

export interface EspRegion {
  /** The URL's `region` value, e.g. "global", "eu", "us-east-1". */
  id: string;
  /** How the wizard names it, e.g. "EU (eu.sendgrid.net)". */
  label: string;
}

/** How the branded link host must reach the ESP's origin (invariant 3). */
export interface BrandedHostRule {
  /** The viewer's Host passed through unchanged: what every ESP here accepts on most CDNs. */
  header: "Host";
  /**
   * A custom origin header carrying the link host, which the ESP's own guide uses on CDNs that prefer to send
   * the origin's name as Host (a CDN opts in with its info's `prefersOriginHeaderForBrandedHost`). SparkPost:
   * X-Forwarded-Host on CloudFront (docs/esps.md#sparkpost-headers).
   */
  originHeader?: string;
}

/** What the ESP's edge may cache (invariant 4): seconds, as CloudFront's min/default/max TTL read. */
export interface EspCacheRule {
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
  /** Why, in one sentence (shown beside the TTL fields). */
  why: string;
}

/** What a correct answer from the ESP looks like, for the verifier's probe (docs/esps.md#fingerprints). */
export interface EspProbe {
  method: "GET" | "HEAD";
  /** Path (and query) requested when the person gave no tracked link of their own (see `documented`). */
  path: string;
  /**
   * True when `path` is the ESP's own published check, answered without a real tracked link (SparkPost's
   * `/f/a/b/c/d`, SES's `/favicon.ico`): the verifier requests it when the person gave no link. False when `path`
   * is only an example (SendGrid publishes no such check): a tracked link from a sent email is then needed.
   */
  documented: boolean;
  /** Statuses that count as the ESP answering. */
  statuses: number[];
  /** Response headers that prove the ESP answered (names lower case). */
  headers: EspHeaderExpectation[];
  /** One line for the person: what a correct answer is. */
  describe: string;
  /**
   * The path is only the shape of a tracked link: the ESP answers as described only for a real one, so the plan's
   * test step asks for a link from a sent email (SendGrid). Absent: the path itself gets the described answer.
   */
  useSentLink?: boolean;
}

export interface EspHeaderExpectation {
  name: string;
  /** Exact value (case-insensitive), e.g. the region for SES's `x-amz-ses-region`. */
  equals?: string;
  /** A substring the value contains, e.g. "msys-http". */
  contains?: string;
  /** A proxy that rewrites this header (Cloudflare and `server`) may hide it: absent is then not a failure. */
  hiddenByProxyInPlace?: boolean;
  /** What it means when it is wrong, e.g. "the CDN reaches SES in another region". */
  whenWrong: string;
}

/** The ESP's own HTTPS for the tracking host, with no CDN in front (invariant 10). */
export interface ManagedHttps {
  /** The ESP's name for it, e.g. "Auto SSL", "managed HTTPS". */
  name: string;
  /** What it needs, in one or two sentences (e.g. the CNAME straight to the ESP, no proxy in front). */
  needs: string;
  /** The tracking record's target per region id when it differs from the CDN origin (SparkPost V2, SendGrid Auto SSL). */
  targets?: Record<string, string>;
  steps: string[];
  /** When a CDN is still the right answer. */
  cdnStillRightWhen: string[];
  /** Set when availability or details are not confirmed by a primary source; the wizard says so. */
  unverified?: string;
}

/** A tracking record pasted or returned by the ESP, read by the ESP module's recogniser. */
export interface RecognisedRecord {
  type: string;
  host: string;
  /** The record's value; "" when the paste does not say (an API object that names the domain only). */
  value: string;
  role: "link" | "owner" | "managed-validation" | "other";
  /** The line of the paste it was read from (1-based), for field messages; 0 when the paste is JSON. */
  line: number;
}

/** Which of the ESP's own tracking names a DNS name is (docs/esps.md): its region or tenant, and whether it is the managed-HTTPS target. */
export interface TrackingNameOwner {
  /** The region it belongs to; absent when it is a tenant's. */
  region?: string;
  tenant?: string;
  /** The name the tracking record points at for the ESP's managed HTTPS (SparkPost V2, SendGrid Auto SSL). */
  managed?: boolean;
}

/** What the ESP module reads from pasted text (its record chart or API response), or null when it is not its. */
export interface RecognisedPaste {
  hosts: string[];
  records: RecognisedRecord[];
  region?: string;
  tenant?: string;
  /** The paste shows the ESP already serving HTTPS itself (managed HTTPS / Auto SSL): no CDN is needed. */
  managedHttps: boolean;
  /** A line for the person about anything the paste says (e.g. "secure is off: SparkPost still writes http:// links"). */
  notes: string[];
  /**
   * Set when the paste is this ESP's but cannot be used as it is, in words for the field (e.g. a chart with no link
   * host, records of two regions): the hostnames field shows it as its error.
   */
  problem?: string;
}

/** The rules a CDN plan for this ESP keeps, per the ten invariants as they read for it (docs/esps.md#invariants). */
export interface EspPlanRules {
  brandedHost: BrandedHostRule;
  /** Headers the origin needs beyond Host (SparkPost: User-Agent for its reports). */
  forwardHeaders: string[];
  /**
   * Query strings the origin must receive; "all" for every ESP here (SparkPost's CloudFront guide names only
   * `target`, which "all" includes).
   */
  forwardQueryStrings: "all";
  /**
   * Whether the viewer's cookies go to the origin: "all" (the ESP's guides forward them), "none" (they must not:
   * SES refuses requests past 8,192 bytes of headers and cookies), or "optional" (the ESP neither needs nor refuses
   * them, so each CDN keeps its simplest setting).
   */
  forwardCookies: "all" | "none" | "optional";
  /** The largest request header block (cookies included) the origin accepts, when it has a documented limit. */
  maxRequestHeaderBytes?: number;
  cache: EspCacheRule;
  /** Methods the tracking host must pass (invariant 5). */
  methods: readonly string[];
  /** Why these methods, in one sentence. */
  methodsWhy: string;
  originProtocol: "https";
}

/** One step of the ESP's own order around the CDN and the DNS switch (invariant 8). */
export interface EspOrder {
  /** What must be done in the ESP before the CDN is built. */
  before: string[];
  /** A warning shown with the DNS switch (SendGrid: never re-validate after it). */
  atSwitch?: string;
  /**
   * Set when the ESP must see its own record before the link host moves (SendGrid validates the link record while
   * it points at SendGrid): what the person confirms before a CDN that switches in place (Cloudflare's proxy) may
   * switch. Absent: the switch needs no confirmation from the ESP.
   */
  confirmBeforeSwitch?: string;
  /** What to do in the ESP (or ask the account team) once every host answers over HTTPS (invariant 9). */
  after: string[];
  /** One line: who turns HTTPS on for tracked links afterwards. */
  whoTurnsHttpsOn: string;
}

/** The module of an ESP the wizard builds CDN plans for. Client-safe: data and pure functions only. */
export interface EspModule {
  id: EspId;
  /** Display name; the wizard's option's accessible name contains it (docs/contract.md#email-providers). */
  name: string;
  /** Regions in the order offered; the first is the default. `allowsOtherRegions` accepts any id `regionPattern` matches. */
  regions: readonly EspRegion[];
  /** A well-formed region id the ESP may have beyond `regions` (SES: any AWS region code); absent: only `regions`. */
  regionPattern?: RegExp;
  /** What a region id looks like, for the error message at the field (e.g. "an AWS region code such as eu-west-1"). */
  regionHint: string;
  /** With `regionPattern`: how the wizard names the choice of a region beyond `regions` (e.g. "Another AWS region"). */
  otherRegionLabel?: string;
  /** An Enterprise tenant name may replace the region (SparkPost); `label` names that choice in the wizard. */
  tenant?: { label: string; pattern: RegExp; hint: string; origin: (tenant: string) => string };
  /** The CDN origin for a region id (already validated). */
  origin: (region: string) => string;
  /** The tracking record as the ESP has the person create it, before any CDN. */
  trackingRecord: { what: string; example: string };
  /** Records of the ESP that stay where they are when the link record moves (SendGrid's owner record). */
  keepRecords?: { what: string; pattern: RegExp };
  rules: EspPlanRules;
  order: EspOrder;
  probe: (region: string) => EspProbe;
  /** Tracked-link paths, for recognising a pasted tracked link (path prefixes, e.g. "/ls/click"). */
  trackedPaths: readonly string[];
  /** An example tracked-link path, for instructions. */
  exampleTrackedPath: string;
  managedHttps?: ManagedHttps;
  /** What to ask the ESP or the account team when a fact the wizard needs is not published. */
  ask?: string[];
  /** Reads the ESP's record chart or API response, or null when the text is not this ESP's. */
  recognise: (text: string) => RecognisedPaste | null;
  /**
   * Whether a DNS name (lower case, no trailing dot) is one of this ESP's tracking names (an origin, or the target its
   * tracking record may point at), and whose: read by the recognisers and the verifier's DNS check. Null when not.
   */
  readTrackingName: (name: string) => TrackingNameOwner | null;
  /** Facts the module relies on that no primary source confirms, and why being wrong is harmless. */
  unverified: string[];
}

/** The module of an ESP the wizard only advises on: managed HTTPS or a CDN, the origin where published, what to ask. */
export interface GuideEspModule {
  id: GuideEspId;
  name: string;
  /** CDN origins per region, where the ESP publishes them (none: ask the ESP). */
  origins: { region: string; origin: string }[];
  /** Protocol the origin accepts, where published. */
  originProtocol?: "http" | "https";
  managedHttps?: ManagedHttps;
  /** When a CDN is the answer, and what it must keep. */
  cdn: string[];
  /** What to ask the provider, for each fact the wizard would need and that is not published. */
  ask: string[];
  /** Facts not confirmed by a primary source. */
  unverified: string[];
}

/** An ESP choice as the URL and the actions carry it. */
export interface EspChoice {
  esp: EspId;
  region: string;
  tenant?: string;
}

/** An ESP choice with its module's values resolved: what plan builders read. */
export interface ResolvedEsp extends EspChoice {
  name: string;
  origin: string;
  rules: EspPlanRules;
  order: EspOrder;
  probe: EspProbe;
  exampleTrackedPath: string;
  trackingRecord: EspModule["trackingRecord"];
  keepRecords?: EspModule["keepRecords"];
  managedHttps?: ManagedHttps;
}
