import { DEFAULT_ESP, type EspId } from "@/lib/domain/ids";
import { SENDGRID_REGIONS } from "./sendgrid/names";
import { SES_REGIONS } from "./ses/names";
import { SPARKPOST_REGIONS } from "./sparkpost/names";

/**
 * Each ESP's regions without the rest of its module, for code that ships to the browser (the URL writer, the
 * verifier's query): the modules' texts and recognisers stay on the server. The modules read the same lists.
 */
const REGIONS: Record<EspId, readonly { id: string }[]> = { sendgrid: SENDGRID_REGIONS, sparkpost: SPARKPOST_REGIONS, ses: SES_REGIONS };

/**
 * The ESP choice as URL parameters, defaults left out: `esp` unless SendGrid (or `espParam`, e.g. a guidance-only
 * provider), `region` unless the ESP's first, `tenant` when given. The plan's URL and the verifier's query both use it.
 */
export function writeEspChoice(
  params: URLSearchParams,
  choice: { esp?: EspId; region?: string; tenant?: string },
  espParam: string | undefined = choice.esp === DEFAULT_ESP ? undefined : choice.esp,
): void {
  if (espParam) params.set("esp", espParam);
  if (choice.region && choice.region !== defaultRegion(choice.esp)) params.set("region", choice.region);
  if (choice.tenant) params.set("tenant", choice.tenant);
}

/** The default region of an ESP, which the URL leaves out. */
export function defaultRegion(esp: EspId | undefined): string {
  return REGIONS[esp ?? DEFAULT_ESP][0]!.id;
}
