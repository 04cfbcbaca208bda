import type { CdnModule } from "@/lib/providers/types";
import { fastlyExports } from "./export";
import { fastlyFacts } from "./facts";
import { LABELS, OPTION } from "./labels";
import { plan } from "./plan";

/** The fastly module: its facts, console labels, pure plan and export (lib/providers/types.ts CdnModule). */
export const fastly = {
  ...fastlyFacts,
  labels: { fields: LABELS, options: OPTION },
  plan,
  exports: fastlyExports,
} satisfies CdnModule;
