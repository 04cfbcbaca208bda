import type { CdnModule } from "@/lib/providers/types";
import { cloudflareExports } from "./export";
import { cloudflareFacts } from "./facts";
import { LABELS, OPTION } from "./labels";
import { plan } from "./plan";

/** The cloudflare module: its facts, console labels, pure plan and export (lib/providers/types.ts CdnModule). */
export const cloudflare = {
  ...cloudflareFacts,
  labels: { fields: LABELS, options: OPTION },
  plan,
  exports: cloudflareExports,
} satisfies CdnModule;
