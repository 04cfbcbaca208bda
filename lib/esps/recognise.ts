import type { RecognisedPaste } from "@/lib/domain/esp";
import { ESP_IDS, type EspId } from "@/lib/domain/ids";
import { espModule } from "./registry";

/** Every ESP module's recogniser asked about one paste (lib/esps/<esp>/recognise.ts): the ESPs whose records it holds. */

export interface EspPaste extends RecognisedPaste {
  esp: EspId;
}

export function recogniseEspPastes(text: string): EspPaste[] {
  return ESP_IDS.flatMap((esp) => {
    const paste = espModule(esp).recognise(text);
    return paste ? [{ ...paste, esp }] : [];
  });
}

/** How a region (or tenant) of an ESP reads in messages, e.g. "EU (eu.spgo.io)", "tenant acme (acme.et.e.sparkpost.com)". */
export function choiceWords(esp: EspId, region: string, tenant?: string): string {
  const m = espModule(esp);
  if (tenant && m.tenant) return `tenant ${tenant} (${m.tenant.origin(tenant)})`;
  return m.regions.find((r) => r.id === region)?.label ?? `${region} (${m.origin(region)})`;
}
