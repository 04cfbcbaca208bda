"use client";

import { useEffect } from "react";

/**
 * Presenter mode: → or N goes to the next step, ← or P to the previous one, unless focus is in a field.
 * It follows the links marked data-step-nav, so keyboard and mouse take the same path.
 */
export function KeyboardNav() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable=true]")) return;
      const dir = e.key === "ArrowRight" || e.key === "n" ? "next" : e.key === "ArrowLeft" || e.key === "p" ? "previous" : null;
      if (!dir) return;
      const link = document.querySelector<HTMLElement>(`[data-step-nav="${dir}"]`);
      if (link) {
        e.preventDefault();
        link.click();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
