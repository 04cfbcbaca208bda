"use client";

import { useState } from "react";

/** Copies `value` to the clipboard; the accessible name says what is copied. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<boolean | "failed">(false);
  return (
    <button
      type="button"
      className="no-print copy-button"
      aria-label={`Copy ${label}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
        } catch {
          setCopied("failed");
        }
        setTimeout(() => setCopied(false), 2500);
      }}
    >
      {copied === true ? "Copied" : copied === "failed" ? "Select and copy" : "Copy"}
      <span className="sr-only" aria-live="polite">
        {copied === true ? `${label} copied` : copied === "failed" ? `Copying is blocked here: select the value and copy it by hand` : ""}
      </span>
    </button>
  );
}
