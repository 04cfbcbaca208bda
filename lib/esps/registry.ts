import { DEFAULT_ESP, ESP_IDS, GUIDE_ESP_IDS, type EspId, type GuideEspId } from "@/lib/domain/ids";
import type { EspModule, GuideEspModule } from "@/lib/domain/esp";
import { sendgrid } from "./sendgrid";
import { sparkpost } from "./sparkpost";
import { ses } from "./ses";
import { mailgun } from "./mailgun";
import { customerio } from "./customerio";
import { iterable } from "./iterable";
import { postmark } from "./postmark";

/**
 * The email providers, in the order the wizard offers them. Adding one: its folder under lib/esps/, its id in
 * lib/domain/ids.ts, one line here. Nothing outside an ESP's folder names it.
 */
export const ESP_MODULES = { sendgrid, sparkpost, ses } satisfies Record<EspId, EspModule>;
export const GUIDE_ESP_MODULES = { mailgun, customerio, iterable, postmark } satisfies Record<GuideEspId, GuideEspModule>;

export { DEFAULT_ESP, ESP_IDS, GUIDE_ESP_IDS, type EspId, type GuideEspId };

export function espModule(id: EspId | undefined): EspModule {
  return ESP_MODULES[id ?? DEFAULT_ESP];
}
