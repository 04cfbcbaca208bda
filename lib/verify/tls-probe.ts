import "server-only";
import { espModule } from "@/lib/esps/registry";
import { certificateNameOwner } from "@/lib/esps/tracking-names";
import type net from "node:net";
import tls from "node:tls";

/**
 * The TLS half of a pinned probe, like `curl --resolve host:443:<ip>`: the guard has already opened a TCP
 * connection to the checked IP; here it becomes TLS with SNI = the link hostname. Verification is not
 * enforced (`rejectUnauthorized: false`) so the certificate can be explained, and is judged here instead:
 * chain trust and dates from Node's `authorizationError`, the exact name with `tls.checkServerIdentity`
 * (RFC 6125 §6.4.3: a wildcard covers exactly one label; docs/sendgrid.md#invariant-1-a-certificate-for-the-exact-host,
 * docs/verification.md#pinned-probes).
 */

export const MIN_TLS_VERSION = "TLSv1.2";

export interface CertSummary {
  subject: string | null;
  issuer: string | null;
  /** DNS names in subjectAltName, lower case. */
  names: string[];
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
}

export type TlsObservation =
  | {
      ok: true;
      protocol: string | null;
      /** Node's chain verdict (trust, dates), e.g. CERT_HAS_EXPIRED; null when the chain is trusted. */
      chainError: string | null;
      /** Why the certificate does not name the host; null when it does. */
      nameError: string | null;
      cert: CertSummary | null;
    }
  | { ok: false; code: string; message: string };

export interface HandshakeOptions {
  /** SNI; null for an IP literal. */
  servername: string | null;
  /** PEM certificates trusted on top of Node's roots (tests). */
  extraCa: string[];
}

/**
 * Node's roots plus `extraCa`, built once per distinct set: parsing ~150 PEM roots for every connection
 * costs milliseconds of CPU each and serialises a 50-host run.
 */
const contexts = new Map<string, tls.SecureContext>();
export function trustContext(extraCa: string[]): tls.SecureContext | undefined {
  if (extraCa.length === 0) return undefined;
  const key = extraCa.join("\n");
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCa], minVersion: MIN_TLS_VERSION });
    contexts.set(key, context);
  }
  return context;
}

/** Resolve once the handshake is done (or failed). Never rejects. */
export function handshake(raw: net.Socket, opts: HandshakeOptions): Promise<{ socket: tls.TLSSocket; observation: TlsObservation }> {
  const socket = tls.connect({
    socket: raw,
    servername: opts.servername ?? undefined,
    rejectUnauthorized: false,
    minVersion: MIN_TLS_VERSION,
    secureContext: trustContext(opts.extraCa),
    ALPNProtocols: ["http/1.1"],
  });
  return new Promise((resolve) => {
    let settled = false;
    const fail = (error: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ socket, observation: { ok: false, code: error.code ?? "ETLS", message: error.message } });
    };
    socket.once("error", fail);
    raw.once("error", fail);
    socket.once("close", () => fail(Object.assign(new Error("the connection closed during the TLS handshake"), { code: "ECONNRESET" })));
    socket.once("secureConnect", () => {
      if (settled) return;
      settled = true;
      resolve({ socket, observation: observe(socket, opts.servername) });
    });
  });
}

function observe(socket: tls.TLSSocket, servername: string | null): TlsObservation {
  const peer = socket.getPeerCertificate(true);
  const hasCert = peer && Object.keys(peer).length > 0;
  const cert = hasCert ? summariseCert(peer) : null;
  const authError = socket.authorizationError ? String(socket.authorizationError) : null;
  const chainError = authError === "ERR_TLS_CERT_ALTNAME_INVALID" ? null : authError;
  let nameError: string | null = null;
  if (servername && hasCert) {
    const mismatch = tls.checkServerIdentity(servername, peer);
    if (mismatch) nameError = explainNameMismatch(servername, cert?.names ?? []);
  } else if (!hasCert) {
    nameError = "the server sent no certificate";
  }
  return { ok: true, protocol: socket.getProtocol() ?? null, chainError, nameError, cert };
}

function nameOf(field: unknown): string | null {
  if (!field || typeof field !== "object") return null;
  const f = field as Record<string, string | string[] | undefined>;
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);
  return pick(f.CN) ?? pick(f.O) ?? null;
}

export function summariseCert(peer: tls.PeerCertificate): CertSummary {
  const names = (peer.subjectaltname ?? "")
    .split(/,\s*/)
    .filter((e) => e.startsWith("DNS:"))
    .map((e) => e.slice(4).toLowerCase());
  const subject = nameOf(peer.subject);
  const issuer = nameOf(peer.issuer);
  const selfSigned = peer.fingerprint256 !== undefined && (peer as tls.DetailedPeerCertificate).issuerCertificate?.fingerprint256 === peer.fingerprint256;
  return { subject, issuer, names, validFrom: isoDate(peer.valid_from), validTo: isoDate(peer.valid_to), selfSigned };
}

function isoDate(text: string): string {
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

/** Does one certificate name cover the host? Exact match, or `*.` standing for exactly one leftmost label. */
export function nameCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (!p.startsWith("*.")) return p === h;
  const rest = p.slice(2);
  const dot = h.indexOf(".");
  return dot > 0 && h.slice(dot + 1) === rest;
}

/** Why the names do not cover the host, in words; explains the one-label wildcard rule when it applies. */
export function explainNameMismatch(host: string, names: string[]): string {
  if (names.length === 0) return `the certificate names no DNS name at all, so it does not cover ${host}`;
  const shown = names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", ");
  const wildcard = names.find((n) => n.startsWith("*.") && host.endsWith(n.slice(1)));
  if (wildcard) {
    const base = wildcard.slice(2);
    const prefix = host.slice(0, -(base.length + 1)).split(".");
    return `the certificate names ${shown}; a wildcard covers exactly one label, so ${wildcard} covers ${prefix.at(-1)}.${base} but not ${host}, which has ${prefix.length} labels in front of ${base}: the certificate must name ${host} exactly`;
  }
  const esp = names.map(certificateNameOwner).find((o) => o !== null);
  if (esp) {
    const name = espModule(esp.esp).name;
    return `the certificate names ${shown}: that is ${name}'s own certificate, so the request reached ${name} directly rather than through the CDN`;
  }
  return `the certificate names ${shown}, not ${host}`;
}
