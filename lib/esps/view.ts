import type { EspRegion, GuideEspModule, ManagedHttps } from "@/lib/domain/esp";
import { ESP_IDS, GUIDE_ESP_IDS, type EspId } from "@/lib/domain/ids";
import { choiceWords } from "./recognise";
import { espModule, GUIDE_ESP_MODULES } from "./registry";

/**
 * The ESP modules as the wizard shows them: plain, serialisable data (no functions), so the server page can hand
 * it to step 1's client form without the modules themselves going to the browser.
 */

export interface EspOptionView {
  id: EspId;
  name: string;
  /** One line under the option. */
  summary: string;
  regions: EspRegion[];
  /** A region beyond `regions`: the option's label, what it looks like, and the pattern's source (checked in the browser). */
  otherRegion?: { label: string; hint: string; pattern: string };
  tenant?: { label: string; hint: string; pattern: string };
}

export interface EspStepView {
  esps: EspOptionView[];
  guides: GuideEspModule[];
}

export function espStepView(): EspStepView {
  return {
    esps: ESP_IDS.map((id) => {
      const m = espModule(id);
      return {
        id,
        name: m.name,
        summary: `A CDN plan for ${m.trackingRecord.what}.${m.managedHttps ? ` It can also serve HTTPS itself: ${m.managedHttps.name}.` : ""}`,
        regions: [...m.regions],
        otherRegion: m.regionPattern ? { label: m.otherRegionLabel ?? "Another region", hint: m.regionHint, pattern: m.regionPattern.source } : undefined,
        tenant: m.tenant ? { label: m.tenant.label, hint: m.tenant.hint, pattern: m.tenant.pattern.source } : undefined,
      };
    }),
    guides: GUIDE_ESP_IDS.map((id) => GUIDE_ESP_MODULES[id]),
  };
}

/** The ESP's own HTTPS for the chosen region, when it has one that applies (none for a tenant: managed HTTPS targets are per region). */
export interface ManagedHttpsView extends ManagedHttps {
  espName: string;
  /** Where the tracking record points for it in the chosen region; absent when the ESP publishes none for it. */
  target?: string;
  /** e.g. "EU regional (eu.sendgrid.net)". */
  choiceLabel: string;
}

export function managedHttpsView(choice: { esp: EspId; region: string; tenant?: string }): ManagedHttpsView | undefined {
  const m = espModule(choice.esp);
  if (!m.managedHttps || choice.tenant) return undefined;
  return { ...m.managedHttps, espName: m.name, target: m.managedHttps.targets?.[choice.region], choiceLabel: choiceWords(choice.esp, choice.region) };
}
