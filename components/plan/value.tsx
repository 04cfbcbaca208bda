import { CopyButton } from "@/components/ui/copy-button";

/** A value exactly as it must be typed: monospace, wraps anywhere, with a copy button when copyable. */
export function Value({ value, label, copy = true }: { value: string; label: string; copy?: boolean }) {
  return (
    <span className="flex min-w-0 items-start gap-2">
      <code className="min-w-0 break-all rounded bg-slate-100 px-1.5 py-0.5 text-sm text-slate-900">{value}</code>
      {copy && <CopyButton value={value} label={label} />}
    </span>
  );
}
