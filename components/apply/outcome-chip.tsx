import type { HostOutcome, UndoOutcome } from "@/lib/providers/types";

const TEXT: Record<HostOutcome, { label: string; cls: string }> = {
  created: { label: "Created", cls: "bg-green-100 text-green-900" },
  updated: { label: "Updated", cls: "bg-green-100 text-green-900" },
  unchanged: { label: "Already in place", cls: "bg-slate-200 text-slate-900" },
  pending: { label: "Waiting", cls: "bg-amber-100 text-amber-950" },
  failed: { label: "Failed", cls: "bg-red-100 text-red-900" },
};

export function OutcomeChip({ outcome }: { outcome: HostOutcome }) {
  const t = TEXT[outcome];
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${t.cls}`}>{t.label}</span>;
}

const UNDO_TEXT: Record<UndoOutcome, { label: string; cls: string }> = {
  removed: { label: "Removed", cls: "bg-green-100 text-green-900" },
  waiting: { label: "Waiting", cls: "bg-amber-100 text-amber-950" },
  refused: { label: "Left alone", cls: "bg-slate-200 text-slate-900" },
  failed: { label: "Failed", cls: "bg-red-100 text-red-900" },
};

export function UndoOutcomeChip({ outcome }: { outcome: UndoOutcome }) {
  const t = UNDO_TEXT[outcome];
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${t.cls}`}>{t.label}</span>;
}
