import "server-only";

/** The ACM fake's tag checks (fake-acm.ts), and the error it answers with. */

/** An ACM error: `{"__type": type, "message"}` with status 400 on the wire (fake-acm.ts). */
export class AcmError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Tag rules (ACM API reference, Tag data type and TooManyTagsException): 1–128 / 0–256 characters, at most 50, no "aws:" keys. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_TAGS = 50;

export function readTags(value: unknown): { Key: string; Value?: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new AcmError("ValidationException", "Value at 'tags' failed to satisfy constraint: Member must be a list");
  if (value.length > MAX_TAGS) throw new AcmError("TooManyTagsException", "The request contains too many tags. Try the request again with fewer tags.");
  return value.map((t: unknown) => {
    const { Key, Value } = (t ?? {}) as { Key?: unknown; Value?: unknown };
    const key = typeof Key === "string" ? Key : "";
    if (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key) || (Value !== undefined && (typeof Value !== "string" || Value.length > 256 || !TAG_TEXT.test(Value)))) {
      throw new AcmError("ValidationException", "1 validation error detected: Value at 'tags' failed to satisfy constraint");
    }
    if (key.toLowerCase().startsWith("aws:")) throw new AcmError("InvalidTagException", `The tag key ${key} uses the reserved prefix aws:.`);
    return Value === undefined ? { Key: key } : { Key: key, Value: Value as string };
  });
}
