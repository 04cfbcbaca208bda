/**
 * A tiny HCL writer for Terraform exports: attributes, nested blocks and safely quoted strings.
 * Strings escape quotes, backslashes and Terraform's template sequences (${ and %{).
 */
export type HclValue = string | number | boolean | HclRef | HclValue[];

/** A bare expression (a reference such as aws_acm_certificate.x.arn), written unquoted. */
export class HclRef {
  constructor(readonly expression: string) {}
}

export interface HclBlock {
  type: string;
  labels?: string[];
  attributes?: Record<string, HclValue | undefined>;
  blocks?: HclBlock[];
}

export function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\$\{/g, () => "$${").replace(/%\{/g, "%%{")}"`;
}

function value(v: HclValue): string {
  if (v instanceof HclRef) return v.expression;
  if (Array.isArray(v)) return `[${v.map(value).join(", ")}]`;
  if (typeof v === "string") return quote(v);
  return String(v);
}

export function renderBlock(block: HclBlock, indent = ""): string {
  const inner = `${indent}  `;
  const labels = (block.labels ?? []).map(quote).join(" ");
  const attrs = Object.entries(block.attributes ?? {}).filter(([, v]) => v !== undefined) as [string, HclValue][];
  const width = Math.max(0, ...attrs.map(([k]) => k.length));
  const lines = [
    ...attrs.map(([k, v]) => `${inner}${k.padEnd(width)} = ${value(v)}`),
    ...(block.blocks ?? []).map((b) => renderBlock(b, inner)),
  ];
  return `${indent}${block.type}${labels ? ` ${labels}` : ""} {\n${lines.join("\n")}\n${indent}}`;
}

/** A Terraform resource name from a hostname: letters, digits and underscores. */
export function resourceName(host: string): string {
  return host.replace(/[^a-z0-9]/gi, "_").replace(/^(\d)/, "_$1");
}
