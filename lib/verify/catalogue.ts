import "server-only";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import type { CdnDiagnosis } from "@/lib/providers/verification-types";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import { certificateFix, hostHeaderFix } from "./cdn-fixes";
import { cdnName, type DiagnoseContext, type Diagnosis, type Make } from "./diagnosis";
import { MIN_TLS_VERSION } from "./tls-probe";
import type { DiagnosisId, FixTopic, GenericDiagnosisId } from "./types";

/**
 * Known failure signatures → cause and fix, in plain words; the email provider's words come from its module
 * (ctx.esp; docs/esps.md#fingerprints). Sources: docs/sendgrid.md#troubleshooting-signatures
 * (Braze's table: ERR_CERT_COMMON_NAME_INVALID, DNS_PROBE_FINISHED_NXDOMAIN, 525/526, 404);
 * docs/verification.md#pinned-probes (Node TLS error codes). Each CDN's own signatures, causes and fixes are in its
 * module's `verification` (lib/providers/<cdn>/verification.ts; docs/verification.md#cdn-signatures).
 */

/**
 * The host's CNAME chain reaches neither the email provider nor the CDN (`detail`: the name it points at). What it
 * should point at depends on the phase: the ESP's origin until the switch, the CDN after it.
 */
function thirdName(ctx: DiagnoseContext, make: Make): Diagnosis {
  const { host, origin, detail, target } = ctx;
  const espName = ctx.esp.name;
  const address = CDN_ADDRESSES[ctx.cdn];
  const cdnWords = target ? `the CDN address ${target}` : address.kind(host);
  const replace = "(replace the record, do not add a second one)";
  if (ctx.phase === "before") {
    return make(
      `${host} points at ${detail}, which is neither ${espName} (${origin}) nor ${cdnWords}. Until the switch it must point at ${origin}; after it, at ${target ?? (address.proxiesInPlace ? `${origin} with the proxy on` : address.hint)}.`,
      `Edit the CNAME for ${host} so it points to ${origin}, exactly as ${espName} shows it ${replace}, then Re-check. If that name is another CDN serving these links over HTTPS today, pointing back at ${espName} would break them: leave it until this CDN passes the check, then switch straight to it with the override.`,
      "dns",
    );
  }
  if (address.proxiesInPlace && !target) {
    const cdn = cdnName(ctx.cdn);
    return make(
      `${host} points at ${detail}, which is neither ${espName} (${origin}) nor ${cdnWords}. Public resolvers see the CNAME, so the record is not proxied and clicks do not go through ${cdn}.`,
      `In ${cdn} DNS, make the record for ${host} a CNAME to ${origin} ${replace}, and ${address.proxiesInPlace.turnOn}.`,
      "dns",
    );
  }
  return make(
    `${host} points at ${detail}, which is neither ${cdnWords} nor ${espName} (${origin}), so clicks do not go through the CDN you set up.`,
    target
      ? `Edit the CNAME for ${host} so it points to ${target} ${replace}.`
      : `Edit the CNAME for ${host} so it points to ${address.hint} ${replace}, and enter that address in the Test step so the check compares it exactly.`,
    "dns",
  );
}

/** The CDN module that names this diagnosis, if it is a CDN's own. */
function ownerOf(id: DiagnosisId) {
  return Object.values(VERIFICATIONS).find((v) => id in v.diagnoses) as { diagnoses: Record<string, CdnDiagnosis> } | undefined;
}

/** The catalogue: one entry per DiagnosisId, a CDN's own from its module. */
export function describe(id: DiagnosisId, ctx: DiagnoseContext): Diagnosis {
  const target = ctx.target ?? "the CDN address";
  const detail = ctx.detail ?? "";
  const own = ownerOf(id)?.diagnoses[id];
  if (own) return { id, ...own.words({ host: ctx.host, origin: ctx.origin, target, detail, hostHeaderFix: hostHeaderFix(ctx) }), fixTopic: own.fixTopic };
  return describeGeneric(id as GenericDiagnosisId, ctx, target, detail);
}

function describeGeneric(id: GenericDiagnosisId, ctx: DiagnoseContext, target: string, detail: string): Diagnosis {
  const { host, origin } = ctx;
  const espName = ctx.esp.name;
  const choice = `${espName} (${origin})`;
  const make = (cause: string, fix: string, fixTopic: FixTopic): Diagnosis => ({ id, cause, fix, fixTopic });
  switch (id) {
    case "esp-404-unknown-host":
      return make(
        `The answer was 404: ${espName} did not recognise the host it received. Either the CDN does not pass ${host} on as ${espName} needs, or ${host} is not set up in ${espName} (or the link was not copied whole).`,
        `In ${cdnName(ctx.cdn)}, ${hostHeaderFix(ctx)}. In ${espName}, check the tracking host is set up: ${ctx.esp.order.before.join(" ")}`,
        "cdn-config",
      );
    case "https-upgrade-redirect":
      return make(
        `The CDN itself redirects to https://${host} instead of passing the click to ${espName}${detail ? ` (${detail})` : ""}.`,
        VERIFICATIONS[ctx.cdn].httpsRedirectFix?.(host) ??
          `Turn off the CDN's HTTP-to-HTTPS redirect (Always Use HTTPS, Force SSL) for ${host}: mail already sent has http:// links, and ${espName} must answer them.`,
        "cdn-config",
      );
    case "not-the-esp-answer":
      return make(
        `The answer was ${detail || "something else"}: the right answer is ${ctx.expected ?? `a redirect (3xx with a Location) from ${espName}`}, so the request did not reach ${espName}'s click tracking.`,
        `Check that ${cdnName(ctx.cdn)} forwards the full path and query string to ${origin} as the plan says, and that a tracked link was copied whole from a sent email.`,
        "cdn-config",
      );
    case "no-tracked-link":
      return make(
        `No tracked link was given, and ${espName} publishes no check of its own, so the HTTP and HTTPS requests were not made.`,
        `Paste a tracked link from an email you already sent (it looks like https://${host}${ctx.esp.exampleTrackedPath.replace(/=.*$/, "=…")}). The request counts as one click on it.`,
        "input",
      );
    case "esp-other-answered":
      return make(
        `The answer came from ${detail || "another email provider"}, not from ${espName}: the CDN's origin is not ${espName}'s.`,
        `In ${cdnName(ctx.cdn)}, set the origin to ${origin} (${espName}'s for your region, as the Configure step shows), then Re-check. If ${espName} is not the provider that sends this mail, go back to step 1 and choose the right one.`,
        "cdn-config",
      );
    case "esp-answer-mismatch":
      return make(
        `${espName} answered, but not as the plan expects: ${detail || "a header is not as expected"}.`,
        `In ${cdnName(ctx.cdn)}, set the origin to ${origin} over HTTPS, as the Configure step shows, then Re-check. If the account is in another region, go back to step 1 and choose it.`,
        "cdn-config",
      );
    case "esp-wrong-origin":
      return make(
        `${host} points at ${detail}; this plan is for ${choice}.`,
        `If the plan is right, edit the CNAME for ${host} so it points to ${origin} (replace the record, do not add a second one), then Re-check. If the record is right, go back to step 1 and choose that provider and region: the CDN's origin must be the same one.`,
        "dns",
      );
    case "no-target":
      return make(`No CDN address was given for ${host}, so there is nothing to test before the DNS switch.`, `Enter ${CDN_ADDRESSES[ctx.cdn].hint}.`, "input");
    case "cert-name-mismatch":
      return make(`The certificate does not name ${host}: ${detail}. Browsers show ERR_CERT_COMMON_NAME_INVALID.`, certificateFix(ctx), "certificate");
    case "cert-expired":
      return make(
        `The certificate expired${detail ? ` on ${detail}` : ""}. Browsers refuse it, and on an HSTS domain there is no way past the error.`,
        `${certificateFix(ctx)} Keep the validation records in DNS so renewals succeed.`,
        "certificate",
      );
    case "cert-not-yet-valid":
      return make(`The certificate is not valid yet${detail ? ` (from ${detail})` : ""}.`, "Wait until its start date, or check the CDN serves the current certificate.", "certificate");
    case "cert-untrusted":
      return make(
        `The certificate is not trusted (${detail || "unknown issuer"}): it is self-signed, or its issuer is not a public CA, or the chain is incomplete.`,
        `Use a certificate from a public CA with its full chain. ${certificateFix(ctx)}`,
        "certificate",
      );
    case "tls-old-version":
      return make(
        `The server offers only TLS older than 1.2${detail ? ` (${detail})` : ""}.`,
        VERIFICATIONS[ctx.cdn].tlsVersionFix ??
          `Set the minimum TLS version for ${host} to ${MIN_TLS_VERSION.replace("v", " ")}.`,
        "cdn-config",
      );
    case "tls-handshake-failed":
      return make(
        `The TLS handshake for ${host} failed${detail ? ` (${detail})` : ""}: the edge most likely has no certificate for this name (browsers show ERR_SSL_VERSION_OR_CIPHER_MISMATCH).`,
        certificateFix(ctx),
        "certificate",
      );
    case "connection-failed":
      return make(`Could not get an answer${detail ? `: ${detail}` : ""}.`, `Check ${target} is the right address and the CDN configuration is deployed, then Re-check.`, "retry");
    case "nxdomain":
      return make(
        `${host} does not exist in DNS (NXDOMAIN); browsers show DNS_PROBE_FINISHED_NXDOMAIN.`,
        ctx.phase === "after" && ctx.target
          ? `Create the CNAME ${host} → ${ctx.target}.`
          : `Create the tracking CNAME ${host} → ${origin} exactly as ${espName} shows it. ${ctx.esp.order.before.join(" ")}`,
        "dns",
      );
    case "target-nxdomain":
      return make(
        `The CDN address ${target} does not exist in DNS${detail ? ` (${detail})` : ""}.`,
        `Copy the address again from ${cdnName(ctx.cdn)}: ${CDN_ADDRESSES[ctx.cdn].hint}. A just-created address can take a minute to appear.`,
        "input",
      );
    case "cname-wrong-target":
      return ctx.phase ? thirdName(ctx, make) : make(`${host} points at ${detail || "another name"}, not at ${target}.`, `Edit the CNAME for ${host} so it points to ${target} (replace the record, do not add a second one).`, "dns");
    case "dns-not-switched":
      return make(`${host} still points at ${espName} (${detail || origin}), not at ${target}.`, `Once the before-switch check passes, change the CNAME for ${host} to ${target}.`, "dns");
    case "dns-propagation":
      return make(
        `The change is propagating: ${detail}. It is complete when the old record's TTL has run out everywhere.`,
        "Nothing to change: wait a few minutes and Re-check.",
        "retry",
      );
    case "dns-error":
      return make(`DNS did not answer${detail ? `: ${detail}` : ""}.`, "Re-check in a minute; if it persists, check the zone's name servers answer.", "retry");
    case "guard-refused":
      return make(
        `${detail}. A public link host or CDN address resolves to public addresses only; the verifier never connects to private, loopback, link-local, CGNAT, multicast or cloud-metadata addresses.`,
        "Check the DNS records of this name: they must point at the CDN's public address.",
        "dns",
      );
    case "verifier-error":
      return make(`The verifier failed unexpectedly${detail ? `: ${detail}` : ""}.`, "Re-check; if it keeps failing, run the curl commands of the Test step by hand.", "retry");
    default: {
      const never: never = id;
      return never;
    }
  }
}
