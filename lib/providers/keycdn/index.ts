import type { CdnModule } from "@/lib/providers/types";
import { keycdnExports } from "./export";
import { keycdnFacts } from "./facts";
import { LABELS, OPTION } from "./labels";
import { plan } from "./plan";

/** The keycdn module: its facts, console labels, pure plan and export (lib/providers/types.ts CdnModule). */
export const keycdn = {
  ...keycdnFacts,
  labels: { fields: LABELS, options: OPTION },
  plan,
  exports: keycdnExports,
} satisfies CdnModule;
