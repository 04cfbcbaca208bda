import type { ResolvedEsp } from "@/lib/domain/esp";
import type { CdnId } from "@/lib/domain/plan";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import type { DiagnosisId, FixTopic } from "./types";

/** A failure's cause and fix, in plain words (the catalogue: catalogue.ts). */
export interface Diagnosis {
  id: DiagnosisId;
  cause: string;
  fix: string;
  fixTopic: FixTopic;
}

export interface DiagnoseContext {
  cdn: CdnId;
  host: string;
  /** The CDN address, when known. */
  target: string | null;
  /** The ESP's origin for the region: esp.origin (kept apart for the CDN modules' words). */
  origin: string;
  /** The email provider whose tracking host this is, resolved for its region (lib/esps/choice.ts). */
  esp: ResolvedEsp;
  /** Case-specific words: what was seen, an address, a date. */
  detail?: string;
  /** For DNS fixes: before or after the switch. */
  phase?: "before" | "after";
  /** For answer checks: what a correct answer to the request is, in words (esp-answer.ts#expectedWords). */
  expected?: string;
}

/** The CDN as causes and fixes name it. */
export const cdnName = (cdn: CdnId): string => VERIFICATIONS[cdn].name;

export type Make = (cause: string, fix: string, fixTopic: FixTopic) => Diagnosis;
