import type { EspPlanRules } from "@/lib/domain/esp";
import type { ProviderInfo } from "@/lib/providers/types";

/**
 * How a CDN must bring the link host to the email provider (invariant 3): the ESP's rule (lib/esps/<esp>/, its
 * `brandedHost`) combined with the CDN's capability (its info's `prefersOriginHeaderForBrandedHost`). The one
 * place the two meet, so the CDN's plan, its apply and the invariant checks cannot disagree.
 */
export type BrandedHostRoute = { via: "host" } | { via: "origin-header"; header: string };

export function brandedHostRoute(info: Pick<ProviderInfo, "prefersOriginHeaderForBrandedHost">, rules: Pick<EspPlanRules, "brandedHost">): BrandedHostRoute {
  const header = rules.brandedHost.originHeader;
  return header && info.prefersOriginHeaderForBrandedHost ? { via: "origin-header", header } : { via: "host" };
}
