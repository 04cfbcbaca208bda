import "server-only";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { check } from "./check-result";
import { describe, describeResponse, diagnoseConnectFailure, diagnoseResponse, diagnoseTls, type DiagnoseContext, type Diagnosis } from "./diagnose";
import { checkHeaders, expectedWords, type AnswerRequest } from "./esp-answer";
import type { CheckedAddress, Guard } from "./guard";
import { exchange, type ExchangeResult } from "./http-probe";
import type { VerifySettings } from "./settings";
import type { CheckResult } from "./types";

/**
 * The pinned probes of one host and the checks read from them: certificate and TLS, then the request over HTTPS and
 * over HTTP (a tracked link, or the email provider's own published check: esp-answer.ts), and the before-switch gate.
 */

export interface Probes {
  via: string;
  https: ExchangeResult;
  http: ExchangeResult | null;
}

export async function probe(
  opts: { host: string; request: AnswerRequest | null; settings: VerifySettings; guard: Guard },
  address: CheckedAddress,
  via: string,
): Promise<Probes> {
  const { settings, guard, host, request } = opts;
  const common = { hostHeader: host, extraCa: settings.extraCa, timeoutMs: settings.timeoutMs, maxBodyBytes: settings.maxBodyBytes, method: request?.method };
  const path = request?.path ?? null;
  const [https, http] = await Promise.all([
    exchange(guard, address, { ...common, scheme: "https", port: settings.httpsPort, path }),
    path ? exchange(guard, address, { ...common, scheme: "http", port: settings.httpPort, path }) : Promise.resolve(null),
  ]);
  return { via, https, http };
}

function tlsCheck(p: Probes, dctx: DiagnoseContext): { result: CheckResult; diagnosis: Diagnosis | null } {
  const { https } = p;
  const where = `${p.via} (${https.address.ip} port ${https.port})`;
  if (!https.tls) {
    const d = https.http && !https.http.ok ? diagnoseConnectFailure(https.http, dctx) : describe("connection-failed", dctx);
    return { result: check.fail("tls", d, [where], https.elapsedMs), diagnosis: d };
  }
  const tls = https.tls;
  const seen = [where];
  if (tls.ok) {
    seen.push(`${tls.protocol ?? "TLS"}`);
    if (tls.cert) {
      seen.push(`certificate names ${tls.cert.names.join(", ") || "(no DNS names)"}`);
      seen.push(`issued by ${tls.cert.issuer ?? "unknown"}${tls.cert.selfSigned ? " (self-signed)" : ""}`);
      seen.push(`valid ${tls.cert.validFrom.slice(0, 10)} to ${tls.cert.validTo.slice(0, 10)}`);
    }
  } else {
    seen.push(`TLS failed: ${tls.code}`);
  }
  const d = diagnoseTls(tls, dctx);
  return { result: d ? check.fail("tls", d, seen, https.elapsedMs) : check.pass("tls", seen, https.elapsedMs), diagnosis: d };
}

function answerCheck(id: "http" | "https", p: Probes, dctx: DiagnoseContext, tlsDiagnosis: Diagnosis | null, request: AnswerRequest | null): CheckResult {
  if (!request) {
    const d = describe("no-tracked-link", dctx);
    return check.skipped(id, `${d.cause} ${d.fix}`);
  }
  const ex = id === "https" ? p.https : p.http;
  if (!ex) return check.skipped(id, "not requested");
  const { path } = request;
  const what = request.probe ? `, ${dctx.esp.name}'s own check` : "";
  const seen = [`${request.method} ${id}://${dctx.host}${path.length > 60 ? `${path.slice(0, 59)}…` : path}${what} ${p.via} (${ex.address.ip} port ${ex.port})`];
  if (ex.http?.ok) {
    seen.push(describeResponse(ex.http));
    if (request.probe) seen.push(...checkHeaders(ex.http.headers, request.probe, Boolean(CDN_ADDRESSES[dctx.cdn].proxiesInPlace)).tolerated);
  }
  if (id === "https" && tlsDiagnosis) {
    const d = { ...tlsDiagnosis, cause: `Browsers stop at the TLS error before the link is requested. ${tlsDiagnosis.cause}` };
    return check.fail(id, d, seen, ex.elapsedMs);
  }
  if (!ex.http) return check.fail(id, describe("connection-failed", dctx), seen, ex.elapsedMs);
  if (!ex.http.ok) return check.fail(id, diagnoseConnectFailure(ex.http, dctx), seen, ex.elapsedMs);
  const d = diagnoseResponse(ex.http, { ...dctx, scheme: id, path, request, expected: expectedWords(dctx.esp, request) });
  return d ? check.fail(id, d, seen, ex.elapsedMs) : check.pass(id, seen, ex.elapsedMs);
}

export function probeChecks(p: Probes, dctx: DiagnoseContext, request: AnswerRequest | null): { tls: CheckResult; http: CheckResult; https: CheckResult } {
  const tls = tlsCheck(p, dctx);
  return { tls: tls.result, https: answerCheck("https", p, dctx, tls.diagnosis, request), http: answerCheck("http", p, dctx, null, request) };
}

/** The gate: pass only when the pinned TLS, HTTPS and HTTP checks pass. */
export function beforeSwitchSummary(tls: CheckResult, http: CheckResult, https: CheckResult, via: string, espName: string): CheckResult {
  const ms = Math.max(tls.elapsedMs, http.elapsedMs, https.elapsedMs);
  const failed = [tls, https, http].find((c) => c.status === "fail");
  if (failed && failed.status === "fail") {
    return check.fail("cdn-before-switch", { id: failed.diagnosis, cause: failed.cause, fix: failed.fix, fixTopic: failed.fixTopic }, [`${failed.title}: failed`, ...failed.seen], ms);
  }
  const skipped = [tls, https, http].find((c) => c.status === "skipped");
  if (skipped && skipped.status === "skipped") return check.skipped("cdn-before-switch", `Not proven yet: ${skipped.reason}`, [`${skipped.title}: not run`], ms);
  return check.pass("cdn-before-switch", [`${via}: certificate, HTTPS and HTTP all answer as ${espName} would through the CDN`], ms);
}
