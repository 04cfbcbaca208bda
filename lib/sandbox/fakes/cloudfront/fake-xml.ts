import "server-only";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * The CloudFront fake keeps a DistributionConfig as the XML tree the client sent (values stay strings),
 * so what GetDistributionConfig returns is exactly what was stored, element names included. Lists are
 * `{Quantity, Items: {<MemberName>: [...]}}` on the wire (botocore cloudfront/2020-05-31 service-2.json).
 */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [tag: string]: XmlValue;
}

export const CLOUDFRONT_NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  // Every child of <Items> is a list member, even when there is only one.
  isArray: (_name, jPath) => typeof jPath === "string" && jPath.split(".").at(-2) === "Items",
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: false });

/** The document's root element and its content, or undefined when the body is not well-formed XML. */
export function parseXml(body: string): { root: string; value: XmlObject } | undefined {
  if (body.trim() === "" || XMLValidator.validate(body) !== true) return undefined;
  const doc = parser.parse(body) as XmlObject;
  const [root] = Object.keys(doc);
  const value = root === undefined ? undefined : doc[root];
  return root && isObject(value) ? { root, value } : root ? { root, value: {} } : undefined;
}

export function buildXml(root: string, value: XmlObject): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: { "@_xmlns": CLOUDFRONT_NS, ...value } }) as string}`;
}

export function isObject(v: XmlValue | undefined): v is XmlObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function child(v: XmlValue | undefined, ...path: string[]): XmlValue | undefined {
  let cur = v;
  for (const key of path) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}

export function text(v: XmlValue | undefined, ...path: string[]): string | undefined {
  const c = child(v, ...path);
  return typeof c === "string" ? c : undefined;
}

/** The members of a `{Quantity, Items}` list (empty when Items is absent or empty). */
export function items(list: XmlValue | undefined): XmlValue[] {
  const it = child(list, "Items");
  if (!isObject(it)) return [];
  const members = Object.values(it)[0];
  return Array.isArray(members) ? members : [];
}

export function strings(list: XmlValue | undefined): string[] {
  return items(list).filter((v): v is string => typeof v === "string");
}

/** Visits every object in the tree with its path. */
export function walk(v: XmlValue, visit: (node: XmlObject, path: string) => void, path = ""): void {
  if (Array.isArray(v)) v.forEach((m) => walk(m, visit, path));
  else if (isObject(v)) {
    visit(v, path);
    for (const [k, c] of Object.entries(v)) walk(c, visit, path ? `${path}.${k}` : k);
  }
}
