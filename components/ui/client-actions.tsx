"use client";

import { useState } from "react";
import { buttonSecondary } from "@/components/ui/styles";

/** Copies the page's share link (the current URL, which never holds a secret). */
export function CopyLinkButton({ path }: { path: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={buttonSecondary}
      onClick={async () => {
        await navigator.clipboard.writeText(new URL(path, window.location.origin).toString());
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? "Link copied" : "Copy link"}
      <span className="sr-only" aria-live="polite">
        {copied ? "Share link copied to the clipboard" : ""}
      </span>
    </button>
  );
}
