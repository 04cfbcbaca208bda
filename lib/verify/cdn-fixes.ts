import { PROVIDER_INFO } from "@/lib/providers/info";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import type { DiagnoseContext } from "./diagnosis";

/** How to get a certificate naming the exact host on the CDN set up (its module's `verification.certificateFix`). */
export function certificateFix(ctx: DiagnoseContext): string {
  return VERIFICATIONS[ctx.cdn].certificateFix(ctx.host);
}

/**
 * How the link host must reach the ESP on the CDN set up: as the Host header (the CDN module's own words), or, where
 * the ESP's guide names a custom origin header on a CDN that sends the origin's name as Host, as that header.
 */
export function hostHeaderFix(ctx: DiagnoseContext): string {
  const header = ctx.esp.rules.brandedHost.originHeader;
  if (header && PROVIDER_INFO[ctx.cdn].prefersOriginHeaderForBrandedHost) {
    return `add the custom origin header ${header} with the value ${ctx.host} to the origin, as ${ctx.esp.name}'s guide for this CDN says (the Configure step shows it)`;
  }
  return VERIFICATIONS[ctx.cdn].hostHeaderFix;
}
