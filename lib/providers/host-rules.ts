import type { HostRule } from "@/lib/hostnames";
import type { CdnId } from "@/lib/domain/plan";
import { PROVIDER_INFO } from "./info";

/** The CDN's own rule on link hosts (ProviderInfo.hostnameLimit) for checkHostnames; undefined when it has none. */
export function hostRuleFor(cdn: CdnId | undefined): HostRule | undefined {
  const limit = cdn ? PROVIDER_INFO[cdn].hostnameLimit : undefined;
  if (!limit) return undefined;
  return (host) => (host.length > limit.maxLength ? `is ${host.length} characters long, ${limit.reason}` : undefined);
}
