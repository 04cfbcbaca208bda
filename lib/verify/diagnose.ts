import "server-only";
import { describe } from "./catalogue";
import { CDN_IDS, type CdnId } from "@/lib/domain/plan";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import { cdnName, type DiagnoseContext, type Diagnosis } from "./diagnosis";
import type { HttpObservation } from "./http-probe";
import type { TlsObservation } from "./tls-probe";
import type { DiagnosisId } from "./types";
import { checkHeaders, otherEspAnswered, type AnswerRequest } from "./esp-answer";
import { espModule } from "@/lib/esps/registry";

/**
 * Observations → diagnoses: which CDN answered, and which known failure signature a response, a TLS handshake or
 * a failed connection shows. The words for each diagnosis are in catalogue.ts.
 */
export { describe };
export type { DiagnoseContext, Diagnosis };

export type Answerer = CdnId | null;

/**
 * Which CDN produced a response, from its headers and body (each module's `verification.answered`). A CDN that
 * proxies in place is asked first: it sits in front of anything else, so a proxied host whose origin is another
 * CDN carries both signatures, and the outer one answered.
 */
export function whoAnswered(headers: Record<string, string>, body: string): Answerer {
  const order = [...CDN_IDS].sort((a, b) => Number(!CDN_ADDRESSES[a].proxiesInPlace) - Number(!CDN_ADDRESSES[b].proxiesInPlace));
  return order.find((cdn) => VERIFICATIONS[cdn].answered(headers, body)) ?? null;
}

/** A CDN's own error answer (its module's `verification.diagnoseAnswer`), in CDN order. */
function cdnDiagnosis(res: HttpObservation & { ok: true }, who: Answerer): DiagnosisId | null {
  for (const cdn of CDN_IDS) {
    const id = VERIFICATIONS[cdn].diagnoseAnswer(res, who === cdn);
    if (id) return id;
  }
  return null;
}

/** Words for what came back, for `seen` lines and causes. */
export function describeResponse(res: HttpObservation & { ok: true }): string {
  const who = whoAnswered(res.headers, res.body);
  const server = res.headers.server ? `, Server: ${res.headers.server}` : "";
  const from = who ? ` from ${cdnName(who)}` : "";
  const location = res.location ? ` → ${shorten(res.location, 120)}` : "";
  return `HTTP ${res.status}${from}${server}${location}`;
}

export function shorten(text: string, max: number): string {
  const clean = text.replace(/[\x00-\x1f\x7f]/g, "");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * A response to the HTTP or HTTPS check's request: null when it is the email provider's correct answer (a tracked
 * link's redirect: a 3xx with a Location that is not the CDN upgrading to HTTPS, the exact code unverified, 302 is
 * typical; or the ESP's own published check with its status and headers: docs/esps.md#fingerprints).
 */
export function diagnoseResponse(
  res: HttpObservation & { ok: true },
  ctx: DiagnoseContext & { scheme: "http" | "https"; path: string; request: AnswerRequest },
): Diagnosis | null {
  const { status } = res;
  const redirect = status >= 300 && status < 400 && res.location !== null;
  if (redirect) {
    let upgrade = false;
    try {
      const to = new URL(res.location!, `${ctx.scheme}://${ctx.host}${ctx.path}`);
      upgrade = ctx.scheme === "http" && to.protocol === "https:" && to.hostname === ctx.host;
    } catch {
      upgrade = false;
    }
    if (upgrade) return describe("https-upgrade-redirect", { ...ctx, detail: `HTTP ${status} → ${shorten(res.location!, 120)}` });
  }
  const other = otherEspAnswered(res.headers, ctx.esp.esp);
  if (other) return describe("esp-other-answered", { ...ctx, detail: `${espModule(other.esp).name} (${shorten(other.seen, 80)})` });
  const probe = ctx.request.probe;
  if (!probe && redirect) return null;
  if (probe && probe.statuses.includes(status)) {
    const verdict = checkHeaders(res.headers, probe, Boolean(CDN_ADDRESSES[ctx.cdn].proxiesInPlace));
    return verdict.wrong ? describe("esp-answer-mismatch", { ...ctx, detail: verdict.wrong }) : null;
  }
  const who = whoAnswered(res.headers, res.body);
  const own = cdnDiagnosis(res, who);
  if (own) return describe(own, ctx);
  if (status === 404) return describe("esp-404-unknown-host", ctx);
  return describe("not-the-esp-answer", { ...ctx, detail: describeResponse(res) });
}

const OLD_TLS_CODES = new Set(["ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "ERR_SSL_UNSUPPORTED_PROTOCOL", "ERR_SSL_NO_PROTOCOLS_AVAILABLE"]);
const CONNECT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EGUARDREFUSED", "ECONNECT"]);
const UNTRUSTED = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_REVOKED",
  "CERT_SIGNATURE_FAILURE",
]);

/** A TLS observation: null when the certificate names the host, is in date, trusted, and TLS ≥ 1.2. */
export function diagnoseTls(obs: TlsObservation, ctx: DiagnoseContext): Diagnosis | null {
  if (!obs.ok) {
    if (OLD_TLS_CODES.has(obs.code) || /protocol version|unsupported protocol/i.test(obs.message)) return describe("tls-old-version", { ...ctx, detail: obs.code });
    if (CONNECT_CODES.has(obs.code)) return describe("connection-failed", { ...ctx, detail: `${obs.code}: ${shorten(obs.message, 160)}` });
    const words = /wrong version number|packet length too long|http request/i.test(obs.message) ? "the server did not answer with TLS" : obs.code;
    return describe("tls-handshake-failed", { ...ctx, detail: words });
  }
  if (obs.protocol && /^(SSLv3|TLSv1|TLSv1\.1)$/.test(obs.protocol)) return describe("tls-old-version", { ...ctx, detail: obs.protocol });
  if (obs.nameError) return describe("cert-name-mismatch", { ...ctx, detail: obs.nameError });
  if (obs.chainError === "CERT_HAS_EXPIRED") return describe("cert-expired", { ...ctx, detail: obs.cert?.validTo.slice(0, 10) });
  if (obs.chainError === "CERT_NOT_YET_VALID") return describe("cert-not-yet-valid", { ...ctx, detail: obs.cert?.validFrom.slice(0, 10) });
  if (obs.chainError) return describe("cert-untrusted", { ...ctx, detail: UNTRUSTED.has(obs.chainError) ? untrustedWords(obs.chainError) : obs.chainError });
  return null;
}

function untrustedWords(code: string): string {
  if (code === "DEPTH_ZERO_SELF_SIGNED_CERT") return "self-signed certificate";
  if (code === "SELF_SIGNED_CERT_IN_CHAIN") return "self-signed certificate in the chain";
  if (code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" || code.startsWith("UNABLE_TO_GET_ISSUER")) return "issuer not trusted, or the chain is incomplete";
  return code;
}

/** A connection that failed before any answer. */
export function diagnoseConnectFailure(res: HttpObservation & { ok: false }, ctx: DiagnoseContext): Diagnosis {
  if (res.code === "EGUARDREFUSED") return describe("guard-refused", { ...ctx, detail: res.message });
  return describe("connection-failed", { ...ctx, detail: `${res.code}: ${shorten(res.message, 160)}` });
}
