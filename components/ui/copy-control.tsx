import type { CopyRenderer } from "@/components/plan/value";
import { CopyButton } from "./copy-button";

/** The wizard's copy control for plan values. */
export const copyButton: CopyRenderer = (value, label) => <CopyButton value={value} label={label} />;
