import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import type { FakeResponse } from "@/lib/sandbox/http-fake";

/**
 * Route 53's wire format, REST-XML 2013-04-01 (aws/api-models-aws route-53 Smithy model, as shipped in
 * @aws-sdk/client-route-53's schemas; botocore route53/2013-04-01/service-2.json; docs/dns-hosts/route53.md#wire-format):
 * every body is namespaced `https://route53.amazonaws.com/doc/2013-04-01/`, and every error is
 * `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>` with
 * `Content-Type: text/xml` and an `x-amzn-RequestId` header (botocore parsers.py RestXMLParser; aws-sdk-kotlin#1435).
 */
export const ROUTE53_NS = "https://route53.amazonaws.com/doc/2013-04-01/";

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [tag: string]: XmlValue;
}

/** List members, always arrays even with one member (the Smithy model's `xmlName` of each list's member). */
const LIST_MEMBERS = new Set(["Change", "ResourceRecord"]);

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LIST_MEMBERS.has(name),
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: false });

/** The document's root element and content, or undefined when the body is not well-formed XML. */
export function parseXml(body: string): { root: string; value: XmlObject } | undefined {
  if (body.trim() === "" || XMLValidator.validate(body) !== true) return undefined;
  const doc = parser.parse(body) as XmlObject;
  const [root] = Object.keys(doc);
  if (root === undefined) return undefined;
  const value = doc[root];
  return { root, value: isObject(value) ? value : {} };
}

export function isObject(v: XmlValue | undefined): v is XmlObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function xml(root: string, value: XmlObject, status = 200): FakeResponse {
  return {
    status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": randomUUID() },
    body: `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: { "@_xmlns": ROUTE53_NS, ...value } }) as string}`,
  };
}

export interface WireError {
  status: number;
  code: string;
  message: string;
}

export function errorResponse(e: WireError): FakeResponse {
  const requestId = randomUUID();
  return {
    status: e.status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
    body: `<?xml version="1.0"?>${builder.build({ ErrorResponse: { "@_xmlns": ROUTE53_NS, Error: { Type: "Sender", Code: e.code, Message: e.message }, RequestId: requestId } }) as string}`,
  };
}

export const err = (status: number, code: string, message: string): WireError => ({ status, code, message });

/**
 * The errors the fake answers, with the messages Route 53 sends where they are published (docs/dns-hosts/route53.md#errors).
 * InvalidChangeBatch messages are bracketed and comma-joined (aws-sdk-kotlin#1435); the ones marked
 * "unverified" have a plausible wording not confirmed in a published example, and the wizard never depends on it.
 */
export const WIRE = {
  noSuchHostedZone: (id: string) => err(404, "NoSuchHostedZone", `No hosted zone found with ID: ${id}`),
  noSuchChange: (id: string) => err(404, "NoSuchChange", `Could not find resource with ID: ${id}`), // unverified wording
  invalidInput: (message: string) => err(400, "InvalidInput", message),
  invalidDomainName: (name: string) => err(400, "InvalidDomainName", `${name} is not a valid domain name.`), // unverified wording
  invalidChangeBatch: (messages: string[]) => err(400, "InvalidChangeBatch", `[${messages.join(", ")}]`),
  malformed: () => err(400, "MalformedInput", "Could not parse the request body."), // unverified wording
};

/** Published InvalidChangeBatch messages (docs/dns-hosts/route53.md#errors). */
export const CHANGE_MESSAGE = {
  exists: (name: string, type: string) => `Tried to create resource record set [name='${name}', type='${type}'] but it already exists`,
  notFound: (name: string, type: string) => `Tried to delete resource record set [name='${name}', type='${type}'] but it was not found`,
  mismatch: (name: string, type: string) => `Tried to delete resource record set [name='${name}', type='${type}'] but the values provided do not match the current values`,
  cnameConflict: (name: string, zone: string) => `RRSet of type CNAME with DNS name ${name} is not permitted as it conflicts with other records with the same DNS name in zone ${zone}`,
  conflictsWithCname: (type: string, name: string, zone: string) =>
    `RRSet of type ${type} with DNS name ${name} is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone ${zone}`,
  cnameAtApex: (name: string, zone: string) => `RRSet of type CNAME with DNS name ${name} is not permitted at apex in zone ${zone}`,
  // unverified wordings:
  notInZone: (name: string, zone: string) => `RRSet with DNS name ${name} is not permitted in zone ${zone}`,
  deletedTwice: (name: string, type: string) => `Tried to delete resource record set [name='${name}', type='${type}'] more than once in a single change batch`,
  oneValue: (name: string) => `RRSet of type CNAME with DNS name ${name} has more than one resource record`,
};

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** Hosted zone and change ids: a letter then upper-case letters and digits (e.g. Z1D633PJN98FT9, C2682N5HXP0BZ4). */
export const newId = (prefix: "Z" | "C") => prefix + Array.from(randomBytes(13), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
