import type { CdnId } from "@/lib/plan/types";
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
  /** sendgrid.net or eu.sendgrid.net. */
  origin: string;
  /** Case-specific words: what was seen, an address, a date. */
  detail?: string;
  /** For DNS fixes: before or after the switch. */
  phase?: "before" | "after";
}

/** The CDN as causes and fixes name it. */
export const cdnName = (cdn: CdnId): string => VERIFICATIONS[cdn].name;

export type Make = (cause: string, fix: string, fixTopic: FixTopic) => Diagnosis;
