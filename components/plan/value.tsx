import type { ReactNode } from "react";

/**
 * Draws the copy control beside a value. The wizard passes one (components/ui/copy-control.tsx); the
 * printed checklist passes none, so its pages import no client code for copying.
 */
export type CopyRenderer = (value: string, label: string) => ReactNode;

/** A value exactly as it must be typed: monospace, wraps anywhere, with a copy control when given one. */
export function Value({ value, label, copy }: { value: string; label: string; copy?: CopyRenderer }) {
  const code = <code className="plan-value">{value}</code>;
  if (!copy) return code;
  return (
    <span className="flex min-w-0 items-start gap-2">
      {code}
      {copy(value, label)}
    </span>
  );
}
