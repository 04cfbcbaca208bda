import type { EspChoice } from "@/lib/domain/esp";
import { resolveEsp } from "@/lib/esps/choice";
import type { ProviderInfo } from "@/lib/providers/types";

/**
 * What the person confirms before apply switches a host in place: asked only when the CDN's apply makes the switch
 * (a proxy turned on in place) and the email provider must see its record first (SendGrid's validation). Worked out on the
 * server, so the apply step's client code carries no ESP module.
 */
export function switchConfirmation(info: Pick<ProviderInfo, "applySwitchesInPlace">, choice: Pick<EspChoice, "region" | "tenant"> & { esp?: EspChoice["esp"] }): string | undefined {
  return info.applySwitchesInPlace ? resolveEsp(choice).order.confirmBeforeSwitch : undefined;
}
