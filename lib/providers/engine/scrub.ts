/**
 * The one scrubber. Provider messages are shown to people, and providers sometimes echo what they were sent.
 * Before any provider text leaves the server: known secrets are replaced, credential-looking header and
 * key=value pairs are cut, and long token-like runs are redacted. Each adapter declares its profile: what its
 * credentials look like (`rules`) and how long a run must be before it counts as a token (ids of that provider
 * stay readable); the engine makes one scrubber per run from that profile and the run's credentials.
 */

export interface ScrubRule {
  pattern: RegExp;
  replacement: string;
}

export interface ScrubProfile {
  /** Runs of [A-Za-z0-9_-] (plus `tokenExtraChars`) at least this long are redacted. */
  tokenLength: number;
  /** Extra characters a token of this provider may contain, e.g. "/+=" for AWS secrets. */
  tokenExtraChars?: string;
  rules?: ScrubRule[];
  /** What a known secret is replaced with (default "[redacted]"). */
  replacementFor?: (secret: string) => string;
  /** Longer text is cut here (default 300 characters). */
  maxLength?: number;
}

/** Text in, the same text with nothing credential-like left. */
export type Scrub = (text: string) => string;

const COMMON_RULES: ScrubRule[] = [
  { pattern: /\b(authorization|x-api-key|api[_-]?key|token)(["']?\s*[:=]\s*["']?)(basic\s+|bearer\s+)?[^\s"',;}]+/gi, replacement: "$1$2$3[redacted]" },
  { pattern: /\bBearer\s+(?!\[redacted\])[^\s;,"']+/gi, replacement: "Bearer [redacted]" },
];
const MIN_SECRET_LENGTH = 4;
const DEFAULT_MAX_LENGTH = 300;

export function scrub(text: string, secrets: readonly (string | undefined)[], profile: ScrubProfile): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= MIN_SECRET_LENGTH) out = out.split(s).join(profile.replacementFor?.(s) ?? "[redacted]");
  for (const rule of [...(profile.rules ?? []), ...COMMON_RULES]) out = out.replace(rule.pattern, rule.replacement);
  const extra = (profile.tokenExtraChars ?? "").replace(/[\]\\^-]/g, "\\$&");
  out = out.replace(new RegExp(`[A-Za-z0-9_\\-${extra}]{${profile.tokenLength},}`, "g"), "[redacted]");
  const max = profile.maxLength ?? DEFAULT_MAX_LENGTH;
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** A scrubber for one run: the adapter's profile and every form of the run's credentials. */
export function scrubberFor(profile: ScrubProfile, secrets: readonly (string | undefined)[]): Scrub {
  const known = [...secrets];
  return (text) => scrub(text, known, profile);
}
