import "server-only";
import { asParam, type CfRule, type CfRuleset } from "./client";
import { CONFIG_ACTION, SSL_MODE, hostExpression, ruleDescription } from "./settings";
import type { RuleBatch, RuleWrite, Session } from "./session";
export type { RuleBatch, RuleWrite, RuleWriter } from "./session";

/**
 * The SSL Full Configuration Rule for each host. A zone's Configuration Rules are one ruleset that a PUT
 * replaces whole, so apply reads, merges and writes, batched per zone so writes never overlap
 * (docs/providers/cloudflare.md#configuration-rules).
 */


/**
 * SSL Full rules for the hosts of one zone, in one read-merge-write per batch. The phase's rules are a
 * single ruleset that a PUT replaces whole, so writes to a zone never overlap: hosts that ask while a write
 * is in flight join the next batch. N hosts of one zone take two writes, not N
 * (docs/providers/cloudflare.md#configuration-rules: read, merge, write).
 */
export function writeRules(session: Session, zoneId: string, host: string): Promise<RuleWrite> {
  let writer = session.ruleWriters.get(zoneId);
  if (!writer) {
    writer = { next: null, tail: Promise.resolve() };
    session.ruleWriters.set(zoneId, writer);
  }
  const w = writer;
  let batch = w.next;
  if (!batch) {
    const created: RuleBatch = { hosts: [], result: Promise.resolve({ fresh: null, written: null }) };
    created.result = w.tail.then(async () => {
      if (w.next === created) w.next = null; // started: later hosts form the next batch
      const fresh = await session.client.configEntrypoint(zoneId);
      let rules: CfRule[] | null = null;
      for (const h of created.hosts) rules = mergedRules(rules ? { id: fresh?.id ?? "", version: fresh?.version ?? "", rules } : fresh, h) ?? rules;
      return { fresh, written: rules ? await session.client.putConfigEntrypoint(zoneId, rules) : null };
    });
    w.tail = created.result.then(
      () => undefined,
      () => undefined,
    );
    w.next = created;
    batch = created;
  }
  batch.hosts.push(host);
  return batch.result;
}

export function isOurRule(rule: CfRule, host: string): boolean {
  return rule.action === CONFIG_ACTION && rule.expression === hostExpression(host);
}

export function ruleReady(rule: CfRule | null): boolean {
  return rule !== null && rule.enabled !== false && rule.action_parameters?.ssl === SSL_MODE;
}

export function ourRule(host: string): CfRule {
  return { action: CONFIG_ACTION, action_parameters: { ssl: SSL_MODE }, expression: hostExpression(host), description: ruleDescription(host), enabled: true };
}

/** The rules to write so this host has SSL Full, keeping every other rule as it is; null when nothing changes. */
export function mergedRules(ruleset: CfRuleset | null, host: string): CfRule[] | null {
  const rules = ruleset?.rules ?? [];
  const i = rules.findIndex((r) => isOurRule(r, host));
  if (i >= 0 && ruleReady(rules[i]!)) return null;
  const next = rules.map(asParam);
  if (i >= 0) {
    const current = next[i]!;
    next[i] = { ...current, enabled: true, action_parameters: { ...current.action_parameters, ssl: SSL_MODE } };
  } else {
    next.push(ourRule(host));
  }
  return next;
}
