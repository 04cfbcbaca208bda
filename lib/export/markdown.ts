import type { DnsRecord, Plan, PlanField } from "@/lib/domain/plan";

/** Markdown for a ticket: the same steps, values and records as the checklist. */
const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ").replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));
const code = (s: string) => (s === "" ? "*(leave blank)*" : `\`${s.replace(/`/g, "'")}\``);

function fieldRow(f: PlanField): string {
  const label = f.seedLabel ? `${f.label} (seed: ${f.seedLabel})` : f.label;
  return `| ${cell(label)} | ${f.entry === "blank" ? "*(leave blank)*" : cell(code(f.value))} | ${cell(f.note ?? "")} |`;
}

function recordRow(r: DnsRecord): string {
  const proxy = r.proxied === undefined ? "" : r.proxied ? "proxied" : "DNS only";
  return `| ${r.type} | ${cell(code(r.relativeName))} | ${cell(code(r.name))} | ${cell(r.valueKnown ? code(r.value) : r.value)} | ${r.ttl} | ${proxy} |`;
}

export function planToMarkdown(plan: Plan, shareUrl?: string): string {
  const region = plan.tenant ? `tenant ${plan.tenant}` : `region ${plan.region}`;
  const out: string[] = [`# HTTPS click tracking with ${plan.cdnName}`, "", `Email provider: ${plan.espName} (${region}); origin: \`${plan.origin}\``];
  if (shareUrl) out.push("", `Plan: ${shareUrl}`);
  for (const h of plan.hosts) {
    out.push("", `## ${h.host}`);
    for (const w of h.warnings) out.push("", `> **Warning:** ${cell(w)}`);
    h.steps.forEach((s, i) => {
      out.push("", `### Step ${i + 1}: ${s.title}`, "", cell(s.intro), "");
      for (const w of s.warnings ?? []) out.push(`> **Warning:** ${cell(w)}`, "");
      for (const a of s.actions) out.push(`- [ ] ${cell(a)}`);
      for (const g of s.groups ?? []) {
        out.push("", `**${g.title}**`, "", "| Console field | Value | Note |", "| --- | --- | --- |", ...g.fields.map(fieldRow));
      }
      if (s.records?.length) {
        out.push("", "| Type | Name | Full name | Value | TTL | Proxy |", "| --- | --- | --- | --- | --- | --- |", ...s.records.map(recordRow));
      }
    });
  }
  return `${out.join("\n")}\n`;
}
