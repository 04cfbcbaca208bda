import type { RecognisedPaste, RecognisedRecord } from "@/lib/domain/esp";
import { agreed, collectObjects, parseJson, rowsFromText, stripDot, tokensOf } from "../paste";
import { readSparkpostName } from "./names";

/**
 * SparkPost tracking domains as people paste them: a CNAME row to one of its endpoints, or the Tracking Domains
 * API's object (`GET /api/v1/tracking-domains[/{domain}]`: `{domain, port, secure, default, status: {verified,
 * cname_status, compliance_status, tls_status}, uses_managed_certificate, tls_certificate}`), alone, as
 * `{"results": {…}}` or as the list's `{"results": […]}`. Source: SparkPost/developers.sparkpost.com
 * content/api/tracking-domains.apib (2026-02-10); docs/esps.md#sparkpost-managed-https.
 */

interface TrackingDomain {
  domain: string;
  secure?: boolean;
  managed: boolean;
  verified?: boolean;
  cnameStatus?: string;
  tlsStatus?: string;
  tlsError?: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

function trackingDomain(o: Record<string, unknown>): TrackingDomain | undefined {
  const status = o.status !== null && typeof o.status === "object" ? (o.status as Record<string, unknown>) : undefined;
  // A tracking-domain object names its domain and at least one of the fields only that object has.
  if (typeof o.domain !== "string" || (typeof o.secure !== "boolean" && !("uses_managed_certificate" in o) && str(status?.cname_status) === undefined)) return undefined;
  const certificate = o.tls_certificate !== null && typeof o.tls_certificate === "object" ? (o.tls_certificate as Record<string, unknown>) : undefined;
  return {
    domain: stripDot(o.domain),
    secure: typeof o.secure === "boolean" ? o.secure : undefined,
    managed: o.uses_managed_certificate === true,
    verified: typeof status?.verified === "boolean" ? status.verified : undefined,
    cnameStatus: str(status?.cname_status),
    tlsStatus: str(status?.tls_status),
    tlsError: str(certificate?.error_code),
  };
}

/** Managed HTTPS serves the domain, or is on its way; a certificate SparkPost cannot issue (Unavailable) is not. */
const servedByManagedHttps = (d: TrackingDomain) => d.managed && d.tlsStatus !== "unavailable";

function notesOf(d: TrackingDomain): string[] {
  const notes: string[] = [];
  if (d.managed && d.tlsStatus === "unavailable") {
    notes.push(`${d.domain}: SparkPost shows its managed certificate as Unavailable (Let's Encrypt policy refuses the name), so a CDN is the way to HTTPS for it.`);
  } else if (d.managed) {
    const state = d.tlsStatus === "valid" ? "serves it" : d.tlsStatus ? `is on (certificate status: ${d.tlsStatus}${d.tlsError ? `, ${d.tlsError}` : ""})` : "is on";
    notes.push(`${d.domain}: SparkPost's managed HTTPS ${state}, so no CDN is needed for it; leave its CNAME pointing straight at SparkPost.`);
  } else if (d.secure === true) {
    notes.push(`${d.domain}: secure is on, so SparkPost already writes https:// links for it; they fail until the CDN serves HTTPS for it.`);
  } else if (d.secure === false) {
    notes.push(`${d.domain}: secure is off, so SparkPost still writes http:// links; turn it on only once the CDN serves HTTPS (the last step says how).`);
  }
  if (d.verified === false) notes.push(`${d.domain}: not verified in SparkPost yet${d.cnameStatus ? ` (cname_status: ${d.cnameStatus})` : ""}.`);
  return notes;
}

function fromJson(data: unknown): RecognisedPaste | null {
  const domains = collectObjects(data, trackingDomain);
  if (domains.length === 0) return null;
  const records: RecognisedRecord[] = domains.map((d) => ({ type: "CNAME", host: d.domain, value: "", role: servedByManagedHttps(d) ? "other" : "link", line: 0 }));
  const needCdn = domains.filter((d) => !servedByManagedHttps(d));
  return {
    hosts: needCdn.map((d) => d.domain),
    records,
    managedHttps: needCdn.length === 0,
    notes: domains.flatMap(notesOf),
  };
}

function fromRows(text: string): RecognisedPaste | null {
  if (!tokensOf(text).some((t) => readSparkpostName(t) !== null)) return null;
  const rows = rowsFromText(text, (name) => readSparkpostName(name) !== null);
  const records: RecognisedRecord[] = rows.map((r) => ({ ...r, role: readSparkpostName(r.value) ? "link" : "other" }));
  const links = records.filter((r) => r.role === "link");
  const owners = links.map((r) => readSparkpostName(r.value)!);
  const region = agreed(owners.map((o) => o.region));
  const tenant = agreed(owners.map((o) => o.tenant));
  const managed = links.filter((r) => readSparkpostName(r.value)?.managed);
  const paste: RecognisedPaste = {
    hosts: links.map((r) => r.host),
    records,
    region: region === "mixed" ? undefined : region,
    tenant: tenant === "mixed" ? undefined : tenant,
    managedHttps: links.length > 0 && managed.length === links.length,
    notes: managed.map(
      (r) => `${r.host} points at ${r.value}, a V2 endpoint: SparkPost's managed HTTPS works there with no CDN (turn it on in SparkPost: Tracking domains → the domain → HTTPS).`,
    ),
  };
  if (links.length === 0) {
    paste.problem = "The pasted records have no SparkPost tracking domain: a CNAME whose value is one of SparkPost's endpoints (spgo.io, eu.spgo.io, v2.spgo.io, eu.v2.spgo.io, <tenant>.et.e.sparkpost.com).";
  } else if (region === "mixed" || tenant === "mixed" || (region !== undefined && tenant !== undefined)) {
    paste.problem = "The pasted tracking domains point at endpoints of more than one SparkPost region or tenant: one plan covers one. Paste one region's tracking domains at a time.";
  }
  return paste;
}

export function recogniseSparkpost(text: string): RecognisedPaste | null {
  const data = parseJson(text);
  return data === undefined ? fromRows(text) : fromJson(data);
}
