/**
 * A tiny HCL writer for Terraform exports: attributes, nested blocks, object and list values, comments
 * and safely quoted strings. Strings escape quotes, backslashes and Terraform's template sequences
 * (${ and %{).
 */
export type HclValue = string | number | boolean | HclRef | HclValue[] | HclObject;

/** An object value (`{ key = value }`), as Terraform provider v5-style nested attributes use. */
export interface HclObject {
  [key: string]: HclValue | undefined;
}

/** A bare expression (a reference such as aws_acm_certificate.x.arn), written unquoted. */
export class HclRef {
  constructor(readonly expression: string) {}
}

export interface HclBlock {
  type: string;
  labels?: string[];
  /** Lines written as `#` comments above the block. */
  comment?: string[];
  attributes?: HclObject;
  blocks?: HclBlock[];
}

export function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\$\{/g, () => "$${").replace(/%\{/g, "%%{")}"`;
}

const isObject = (v: HclValue): v is HclObject => typeof v === "object" && !Array.isArray(v) && !(v instanceof HclRef);

function present(attrs: HclObject): [string, HclValue][] {
  return Object.entries(attrs).filter(([, v]) => v !== undefined) as [string, HclValue][];
}

/** `key = value` lines with the equals signs aligned, as `terraform fmt` writes them. */
function attributeLines(attrs: HclObject, indent: string): string[] {
  const entries = present(attrs);
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${indent}${k.padEnd(width)} = ${value(v, indent)}`);
}

function value(v: HclValue, indent: string): string {
  if (v instanceof HclRef) return v.expression;
  if (Array.isArray(v)) {
    if (!v.some((item) => isObject(item) || Array.isArray(item))) return `[${v.map((item) => value(item, indent)).join(", ")}]`;
    const inner = `${indent}  `;
    return `[\n${v.map((item) => `${inner}${value(item, inner)},`).join("\n")}\n${indent}]`;
  }
  if (isObject(v)) {
    const lines = attributeLines(v, `${indent}  `);
    return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${indent}}`;
  }
  if (typeof v === "string") return quote(v);
  return String(v);
}

export function renderBlock(block: HclBlock, indent = ""): string {
  const inner = `${indent}  `;
  const labels = (block.labels ?? []).map(quote).join(" ");
  const comment = (block.comment ?? []).map((line) => `${indent}# ${line.replace(/\n/g, " ")}\n`).join("");
  const lines = [...attributeLines(block.attributes ?? {}, inner), ...(block.blocks ?? []).map((b) => renderBlock(b, inner))];
  const body = lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${indent}}`;
  return `${comment}${indent}${block.type}${labels ? ` ${labels}` : ""} ${body}`;
}

/** A Terraform resource name from a hostname: letters, digits and underscores. */
export function resourceName(host: string): string {
  return host.replace(/[^a-z0-9]/gi, "_").replace(/^(\d)/, "_$1");
}
