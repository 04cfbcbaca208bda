"use client";

import { buttonSecondary } from "@/components/ui/styles";

/** Its own module, so the printable checklist loads this and nothing else on the client. */
export function PrintButton() {
  return (
    <button type="button" className={buttonSecondary} onClick={() => window.print()}>
      Print
    </button>
  );
}
