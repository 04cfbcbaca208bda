import "server-only";
import type { EspHeaderExpectation, EspProbe, ResolvedEsp } from "@/lib/domain/esp";
import { ESP_IDS, type EspId } from "@/lib/domain/ids";
import { defaultRegion } from "@/lib/esps/choice";
import { espModule } from "@/lib/esps/registry";

/**
 * What the HTTP and HTTPS checks request, and what a correct answer is, per email provider: its own published check
 * (`EspProbe`, docs/esps.md#fingerprints) when the person gave no tracked link, or their tracked link, which answers
 * with a redirect. And which ESP an answer's headers show, so that one ESP answering for another is named.
 */

/** A request of the HTTP and HTTPS checks: a tracked link (a redirect expected), or the ESP's published check. */
export interface AnswerRequest {
  method: "GET" | "HEAD";
  path: string;
  /** Null for a tracked link: any redirect with a Location is its answer. */
  probe: EspProbe | null;
}

/** The request to make, or null when there is nothing to request (no link, and the ESP publishes no check of its own). */
export function answerRequest(esp: ResolvedEsp, link: string | null): AnswerRequest | null {
  if (link) return { method: "GET", path: link, probe: null };
  return esp.probe.documented ? { method: esp.probe.method, path: esp.probe.path, probe: esp.probe } : null;
}

/** A correct answer to the request, in words for causes. */
export function expectedWords(esp: ResolvedEsp, request: AnswerRequest): string {
  return request.probe ? `${request.probe.describe}` : `a redirect (3xx with a Location) from ${esp.name}`;
}

const carries = (headers: Record<string, string>, h: EspHeaderExpectation) => {
  const value = headers[h.name];
  return value !== undefined && (h.contains === undefined || value.toLowerCase().includes(h.contains.toLowerCase()));
};

/**
 * The other ESP whose fingerprint the answer carries (one of the headers its check names, present, with the substring
 * it must contain), with the header as seen; null when none does. An ESP that publishes no fingerprint (SendGrid) is
 * never named this way.
 */
export function otherEspAnswered(headers: Record<string, string>, chosen: EspId): { esp: EspId; seen: string } | null {
  for (const esp of ESP_IDS) {
    if (esp === chosen) continue;
    const hit = espModule(esp)
      .probe(defaultRegion(esp))
      .headers.find((h) => carries(headers, h));
    if (hit) return { esp, seen: `${hit.name}: ${headers[hit.name]}` };
  }
  return null;
}

export interface HeaderVerdict {
  /** What is wrong, in words: the header as seen (or missing) and what that means. */
  wrong?: string;
  /** Lines for `seen`: a header the CDN in front may hide, not required there. */
  tolerated: string[];
}

/** The ESP's check's headers against the answer's. `proxyInPlace`: the CDN proxies in place and may rewrite headers. */
export function checkHeaders(headers: Record<string, string>, probe: EspProbe, proxyInPlace: boolean): HeaderVerdict {
  const tolerated: string[] = [];
  for (const h of probe.headers) {
    const value = headers[h.name];
    const expected = h.equals ?? h.contains ?? "";
    const ok = value !== undefined && (h.equals !== undefined ? value.trim().toLowerCase() === h.equals.toLowerCase() : carries(headers, h));
    if (ok) continue;
    // A CDN that proxies in place may remove or overwrite it (docs/esps.md#fingerprints: the `server` header).
    if (h.hiddenByProxyInPlace && proxyInPlace) {
      tolerated.push(`${value === undefined ? `no ${h.name} header` : `${h.name}: ${value}`}: the CDN in front may rewrite it, so ${h.name}: ${expected} is not required here`);
      continue;
    }
    if (value === undefined) return { wrong: `it has no ${h.name} header (${h.name}: ${expected} expected), so ${h.whenWrong}`, tolerated };
    return { wrong: `${h.name} is ${value} where ${expected} was expected, so ${h.whenWrong}`, tolerated };
  }
  return { tolerated };
}
