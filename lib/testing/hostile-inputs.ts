/**
 * The hostile-input corpus: one list of bad, odd or oversized plan queries, run against parsePlanQuery and
 * buildPlan (lib/plan/hostile.test.ts), /api/plan, /api/export, /checklist and /setup (e2e/hostile.spec.ts),
 * and, for the cases with `form`, typed into the hostnames field in a browser.
 *
 * Each case states what must come out: the fields named in the errors (a clear field error), or the plan's
 * hosts after normalisation. Every case, whatever its outcome: never a 5xx, and no markup from the input
 * appears unescaped in an HTML or JSON answer.
 */

export type HostileExpectation =
  /** A 400 naming exactly these fields (in the order the route reports them). */
  | { errors: string[] }
  /** A plan for exactly these hosts (normalised). */
  | { hosts: string[]; region?: "global" | "eu"; targets?: (string | undefined)[] }
  /** Refused by the HTTP server before the app sees it (a URL over Node's header limit). */
  | { httpStatus: number };

export interface HostileCase {
  name: string;
  /** The query string exactly as sent (already percent-encoded), without the leading "?". */
  query: string;
  expect: HostileExpectation;
  /** For the browser subset: the text typed into the hostnames field, and whether it is accepted. */
  form?: { text: string; accepted: string[] } | { text: string; error: string };
}

const CF = "cdn=cloudfront";
const e = encodeURIComponent;
const host = (h: string) => `host=${e(h)}`;
const hosts = (hs: string[]) => hs.map(host).join("&");
const A = "ablink.news.customer.com";
const many = (n: number) => Array.from({ length: n }, (_, i) => `ablink.h${i}.customer.com`);

/** Markup that must never come back unescaped (checked in every HTML and JSON answer of the cases that carry it). */
export const MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "<b>bold</b>", "</textarea><script>alert(2)</script>"];

export const HOSTILE_CASES: HostileCase[] = [
  // ---- missing and empty ----
  { name: "no query at all", query: "", expect: { errors: ["cdn"] } },
  { name: "cdn only, no host", query: CF, expect: { errors: ["host"] } },
  { name: "empty host", query: `${CF}&host=`, expect: { errors: ["host"] }, form: { text: "", error: "Enter at least one link-branding hostname" } },
  { name: "whitespace-only host", query: `${CF}&host=${e("  \t ")}`, expect: { errors: ["host"] }, form: { text: "   \n\t  ", error: "Enter at least one link-branding hostname" } },
  { name: "host only, no cdn", query: host(A), expect: { errors: ["cdn"] } },
  { name: "empty cdn", query: `cdn=&${host(A)}`, expect: { errors: ["cdn"] } },
  { name: "host[] instead of host", query: `${CF}&host[]=${e(A)}`, expect: { errors: ["host"] } },

  // ---- URLs, paths, ports, credentials ----
  { name: "https URL", query: `${CF}&${host(`https://${A}`)}`, expect: { errors: ["host"] }, form: { text: `https://${A}`, error: `enter the hostname only, without a scheme or path: ${A}` } },
  { name: "URL with path and query", query: `${CF}&${host(`${A}/ls/click?upn=u001.abc`)}`, expect: { errors: ["host"] }, form: { text: `http://${A}/ls/click?upn=1`, error: "without a scheme or path" } },
  { name: "host with a fragment", query: `${CF}&${host(`${A}#x`)}`, expect: { errors: ["host"] } },
  { name: "host with a port", query: `${CF}&${host(`${A}:443`)}`, expect: { errors: ["host"] } },
  { name: "user info before the host", query: `${CF}&${host(`user@${A}`)}`, expect: { errors: ["host"] } },
  { name: "javascript: URL", query: `${CF}&${host("javascript:alert(1)")}`, expect: { errors: ["host"] } },
  { name: "backslash", query: `${CF}&${host(`${A}\\evil`)}`, expect: { errors: ["host"] } },

  // ---- IP addresses and local names ----
  { name: "private IPv4", query: `${CF}&${host("10.0.0.1")}`, expect: { errors: ["host"] }, form: { text: "10.0.0.1", error: "an IP address is not a hostname" } },
  { name: "public IPv4", query: `${CF}&${host("93.184.216.34")}`, expect: { errors: ["host"] } },
  { name: "metadata IPv4", query: `${CF}&${host("169.254.169.254")}`, expect: { errors: ["host"] } },
  { name: "IPv4 with port", query: `${CF}&${host("1.2.3.4:80")}`, expect: { errors: ["host"] } },
  { name: "decimal IPv4", query: `${CF}&${host("2130706433")}`, expect: { errors: ["host"] } },
  { name: "hex-dotted IPv4", query: `${CF}&${host("0x7f.1")}`, expect: { errors: ["host"] } },
  { name: "bracketed IPv6", query: `${CF}&${host("[::1]")}`, expect: { errors: ["host"] } },
  { name: "bare IPv6", query: `${CF}&${host("2001:db8::1")}`, expect: { errors: ["host"] }, form: { text: "2001:db8::1", error: "an IP address or port is not a hostname" } },
  { name: "IPv4-mapped IPv6", query: `${CF}&${host("::ffff:127.0.0.1")}`, expect: { errors: ["host"] } },
  { name: "localhost", query: `${CF}&${host("localhost")}`, expect: { errors: ["host"] }, form: { text: "localhost", error: "is not under a public domain" } },
  { name: "localhost subdomain", query: `${CF}&${host("ablink.localhost")}`, expect: { errors: ["host"] } },

  // ---- label and name shapes ----
  { name: "single label", query: `${CF}&${host("ablink")}`, expect: { errors: ["host"] } },
  { name: "registrable domain only", query: `${CF}&${host("customer.com")}`, expect: { errors: ["host"] }, form: { text: "customer.com", error: "is a registrable domain, not a link-branding hostname" } },
  { name: "public suffix only", query: `${CF}&${host("co.uk")}`, expect: { errors: ["host"] } },
  { name: "unknown TLD", query: `${CF}&${host("ablink.x.customer.notarealtld")}`, expect: { errors: ["host"] } },
  { name: "name over 253 characters", query: `${CF}&${host(`${Array.from({ length: 5 }, () => "a".repeat(60)).join(".")}.customer.com`)}`, expect: { errors: ["host"] } },
  { name: "label of 64 characters", query: `${CF}&${host(`${"a".repeat(64)}.customer.com`)}`, expect: { errors: ["host"] }, form: { text: `${"a".repeat(64)}.customer.com`, error: "has a label of 64 characters" } },
  // 76 characters: over what CloudFront's ACM certificate can name (the next cases), so asked of Fastly.
  { name: "label of exactly 63 characters", query: `cdn=fastly&${host(`${"a".repeat(63)}.customer.com`)}`, expect: { hosts: [`${"a".repeat(63)}.customer.com`] } },
  {
    name: "65-character host for CloudFront (ACM takes 64)",
    query: `${CF}&${host(`ablink.${"x".repeat(46)}.example.com`)}`,
    expect: { errors: ["host"] },
    form: { text: `ablink.${"x".repeat(46)}.example.com`, error: "is 65 characters long, too long for CloudFront" },
  },
  { name: "65-character host for Fastly", query: `cdn=fastly&${host(`ablink.${"x".repeat(46)}.example.com`)}`, expect: { hosts: [`ablink.${"x".repeat(46)}.example.com`] } },
  { name: "empty label", query: `${CF}&${host("ablink..customer.com")}`, expect: { errors: ["host"] } },
  { name: "leading dot", query: `${CF}&${host(".ablink.customer.com")}`, expect: { errors: ["host"] } },
  { name: "leading hyphen", query: `${CF}&${host("-ablink.customer.com")}`, expect: { errors: ["host"] } },
  { name: "trailing hyphen", query: `${CF}&${host("ablink-.customer.com")}`, expect: { errors: ["host"] } },
  { name: "underscore", query: `${CF}&${host("ab_link.customer.com")}`, expect: { errors: ["host"] }, form: { text: "ab_link.customer.com", error: "underscores are not allowed" } },
  { name: "ACME challenge name", query: `${CF}&${host(`_acme-challenge.${A}`)}`, expect: { errors: ["host"] } },
  { name: "wildcard", query: `${CF}&${host("*.customer.com")}`, expect: { errors: ["host"] }, form: { text: "*.news.customer.com", error: "a wildcard is not a hostname" } },
  { name: "inner wildcard", query: `${CF}&${host("ablink.*.customer.com")}`, expect: { errors: ["host"] } },

  // ---- normalised, not refused ----
  { name: "mixed case", query: `${CF}&${host("AbLink.News.Customer.COM")}`, expect: { hosts: [A] }, form: { text: "AbLink.News.Customer.COM", accepted: [A] } },
  { name: "trailing dot", query: `${CF}&${host(`${A}.`)}`, expect: { hosts: [A] }, form: { text: `${A}.`, accepted: [A] } },
  { name: "surrounding spaces", query: `${CF}&${host(`  ${A}  `)}`, expect: { hosts: [A] } },
  { name: "IDN in Unicode", query: `${CF}&${host("ablink.bücher.de")}`, expect: { hosts: ["ablink.xn--bcher-kva.de"] }, form: { text: "ablink.bücher.de", accepted: ["ablink.xn--bcher-kva.de"] } },
  { name: "IDN already in punycode", query: `${CF}&${host("ablink.xn--bcher-kva.de")}`, expect: { hosts: ["ablink.xn--bcher-kva.de"] } },
  { name: "ideographic full stops", query: `${CF}&${host("ablink。news。customer。com")}`, expect: { hosts: [A] } },
  { name: "duplicates differing in case and dot", query: `${CF}&${hosts([A, A.toUpperCase(), `${A}.`])}`, expect: { hosts: [A] } },
  { name: "duplicates inside one parameter", query: `${CF}&${host(`${A},${A} ${A};${A}`)}`, expect: { hosts: [A] }, form: { text: `${A}\n${A.toUpperCase()}\n${A}.`, accepted: [A] } },
  { name: "several hosts in one parameter", query: `${CF}&${host("ablink.a.customer.com ablink.b.customer.com")}`, expect: { hosts: ["ablink.a.customer.com", "ablink.b.customer.com"] } },
  { name: "exactly 100 hosts", query: `${CF}&${hosts(many(100))}`, expect: { hosts: many(100) } },
  { name: "101 hosts", query: `${CF}&${hosts(many(101))}`, expect: { errors: ["host"] }, form: { text: many(101).join("\n"), error: "101 hostnames given; enter at most 100 at a time." } },
  { name: "201 host parameters", query: `${CF}&${hosts(Array.from({ length: 201 }, () => A))}`, expect: { errors: ["host"] } },
  { name: "cdn in capitals with spaces", query: `cdn=${e(" CloudFront ")}&${host(A)}`, expect: { hosts: [A] } },
  { name: "cdn repeated with the same value", query: `${CF}&${CF}&${host(A)}`, expect: { hosts: [A] } },
  { name: "region in capitals", query: `${CF}&${host(A)}&region=EU`, expect: { hosts: [A], region: "eu" } },
  { name: "unknown extra parameters", query: `${CF}&${host(A)}&utm_source=x&zone=customer.com&x=${e("<b>bold</b>")}`, expect: { hosts: [A] } },
  { name: "step and present garbage are ignored", query: `${CF}&${host(A)}&step=${e("<script>alert(1)</script>")}&present=${e("<b>bold</b>")}`, expect: { hosts: [A] } },

  // ---- control characters ----
  { name: "NUL in a host", query: `${CF}&${host("ablink\u0000.customer.com")}`, expect: { errors: ["host"] } },
  { name: "newline splits into a bad second host", query: `${CF}&${host(`${A}\nevil.com`)}`, expect: { errors: ["host"] } },
  { name: "carriage return and tab are separators", query: `${CF}&${host(`${A}\r\n\tablink.b.customer.com`)}`, expect: { hosts: [A, "ablink.b.customer.com"] } },
  { name: "DEL character", query: `${CF}&${host("ablink\u007f.customer.com")}`, expect: { errors: ["host"] } },
  { name: "escape sequence", query: `${CF}&${host("\u001b[31mablink.customer.com")}`, expect: { errors: ["host"] } },
  { name: "right-to-left override", query: `${CF}&${host("ablink.\u202emoc.remotsuc")}`, expect: { errors: ["host"] } },
  { name: "NUL in cdn", query: `cdn=cloudfront%00&${host(A)}`, expect: { errors: ["cdn"] } },

  // ---- markup ----
  { name: "script tag as host", query: `${CF}&${host(MARKUP[0]!)}`, expect: { errors: ["host"] }, form: { text: MARKUP[0]!, error: "contains characters a hostname cannot have" } },
  { name: "img onerror as host", query: `${CF}&${host(MARKUP[1]!)}`, expect: { errors: ["host"] } },
  { name: "attribute breakout as host", query: `${CF}&${host(MARKUP[2]!)}`, expect: { errors: ["host"] }, form: { text: MARKUP[2]!, error: "contains characters a hostname cannot have" } },
  { name: "markup after a valid host", query: `${CF}&${host(`${A}${MARKUP[3]}`)}`, expect: { errors: ["host"] } },
  { name: "textarea breakout as host", query: `${CF}&${host(MARKUP[4]!)}`, expect: { errors: ["host"] }, form: { text: MARKUP[4]!, error: "contains characters a hostname cannot have" } },
  { name: "markup as cdn", query: `cdn=${e(MARKUP[0]!)}&${host(A)}`, expect: { errors: ["cdn"] } },
  { name: "markup as region", query: `${CF}&${host(A)}&region=${e(MARKUP[1]!)}`, expect: { errors: ["region"] } },
  { name: "markup as target", query: `${CF}&${host(A)}&target=${e(MARKUP[2]!)}`, expect: { errors: ["target"] } },
  { name: "markup as mode", query: `${CF}&${host(A)}&mode=${e(MARKUP[3]!)}`, expect: { errors: ["mode"] } },
  { name: "percent-encoded twice", query: `${CF}&host=%253Cscript%253Ealert(1)%253C%252Fscript%253E`, expect: { errors: ["host"] } },

  // ---- other parameters ----
  { name: "unknown cdn", query: `cdn=akamai&${host(A)}`, expect: { errors: ["cdn"] } },
  { name: "cdn given twice with different values", query: `${CF}&cdn=fastly&${host(A)}`, expect: { errors: ["cdn"] } },
  { name: "unknown region", query: `${CF}&${host(A)}&region=mars`, expect: { errors: ["region"] } },
  { name: "region given twice with different values", query: `${CF}&${host(A)}&region=eu&region=global`, expect: { errors: ["region"] } },
  { name: "target that is an IP address", query: `${CF}&${host(A)}&target=169.254.169.254`, expect: { errors: ["target"] } },
  { name: "target with a path", query: `${CF}&${host(A)}&target=${e("d111.cloudfront.net/x")}`, expect: { errors: ["target"] } },
  { name: "target normalised", query: `${CF}&${host(A)}&target=${e("D111111ABCDEF8.CloudFront.net.")}`, expect: { hosts: [A], targets: ["d111111abcdef8.cloudfront.net"] } },
  { name: "several errors at once", query: `cdn=akamai&${host("10.0.0.1")}&region=mars`, expect: { errors: ["cdn", "region", "host"] } },

  // ---- size ----
  { name: "host parameter of 10,000 characters", query: `${CF}&host=${"a".repeat(10_000)}`, expect: { errors: ["host"] } },
  { name: "1,500 unknown parameters beside a valid host", query: `${CF}&${host(A)}&${Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join("&")}`, expect: { hosts: [A] } },
  { name: "query string over the server's URL limit", query: `${CF}&${host(A)}&pad=${"x".repeat(20_000)}`, expect: { httpStatus: 431 } },
];
