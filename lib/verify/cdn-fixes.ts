import { VERIFICATIONS } from "@/lib/providers/verifications";
import type { DiagnoseContext } from "./diagnosis";

/** How to get a certificate naming the exact host on the CDN set up (its module's `verification.certificateFix`). */
export function certificateFix(ctx: DiagnoseContext): string {
  return VERIFICATIONS[ctx.cdn].certificateFix(ctx.host);
}

/** How to keep the link host as the Host header on the CDN set up. */
export function hostHeaderFix(ctx: DiagnoseContext): string {
  return VERIFICATIONS[ctx.cdn].hostHeaderFix;
}
