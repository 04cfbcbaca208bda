import "server-only";
import type { FakeError } from "./fake-cloudfront-validate";
import { items, text, type XmlValue } from "./fake-xml";

/**
 * CloudFront tagging, as the fake needs it (CloudFront API reference: Tag data type, ListTagsForResource;
 * the SDK's Smithy schemas: Tags {Items: Tag[]}, each <Tag><Key/><Value/></Tag> on the wire).
 */
export interface FakeTag {
  Key: string;
  Value?: string;
}

/** ListTagsForResource's Resource pattern. */
export const RESOURCE_ARN = /^arn:aws(-cn)?:cloudfront::[0-9]+:.*$/;

/** Key 1–128 and value 0–256 characters of letters, digits, space and _ - . : / = + @. */
const TAG_TEXT = /^[A-Za-z0-9 _.:/=+\-@]*$/;

const INVALID: FakeError = { status: 400, code: "InvalidTagging", message: "The tagging specified is not valid." };

/** The tags of a `<Tags>` element, or InvalidTagging. */
export function readTags(value: XmlValue | undefined): FakeTag[] {
  return items(value).map((t) => {
    const key = text(t, "Key") ?? "";
    const tagValue = text(t, "Value");
    if (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key) || (tagValue !== undefined && (tagValue.length > 256 || !TAG_TEXT.test(tagValue)))) throw INVALID;
    return tagValue === undefined ? { Key: key } : { Key: key, Value: tagValue };
  });
}
