import type { CdnModule } from "@/lib/providers/types";
import { cloudfrontExports } from "./export";
import { cloudfrontFacts } from "./facts";
import { LABELS, OPTION } from "./labels";
import { plan } from "./plan";

/** The cloudfront module: its facts, console labels, pure plan and export (lib/providers/types.ts CdnModule). */
export const cloudfront = {
  ...cloudfrontFacts,
  labels: { fields: LABELS, options: OPTION },
  plan,
  exports: cloudfrontExports,
} satisfies CdnModule;
