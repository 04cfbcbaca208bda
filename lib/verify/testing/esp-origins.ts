import type { SiteResponse } from "./world";

/**
 * The email providers' tracking origins as the loopback world answers for them (a site whose CDN reaches that
 * ESP): each rule is what the ESP's own documentation shows, with its source; what no source says is marked as the
 * fixture's own choice. Only tests and the end-to-end run use these.
 */

export interface OriginRequest {
  method: string;
  /** Path and query. */
  path: string;
}

export type OriginAnswer = (req: OriginRequest) => SiteResponse;

/**
 * SparkPost's click tracker. `GET /f/…` (and the guide's `curl -v https://<domain>/f/a/b/c/d`) answers
 * `302 Moved Temporarily` with `Location`, `Server: msys-http`, `X-Robots-Tag: noindex`, `Content-Type: text/plain`,
 * `Content-Length: 0` (SparkPost/support-docs using-proxy-https-tracking-domain.md, the curl sample;
 * enabling-https-engagement-tracking-on-sparkpost.md, "Troubleshooting tips"). An open `/q/…` answers 200 with a
 * 44-byte body (the same page's access log). The Location of a made-up click and the 404 for other paths are this
 * fixture's own choice: SparkPost documents neither.
 */
export const sparkpostOrigin: OriginAnswer = ({ path }): SiteResponse => {
  const server = { server: "msys-http" };
  if (path.startsWith("/f/")) {
    const target = new URL(path, "http://x").searchParams.get("target");
    return { status: 302, headers: { ...server, location: target ?? "https://www.example.com/", "x-robots-tag": "noindex", "content-type": "text/plain", "content-length": "0" } };
  }
  if (path.startsWith("/q/")) return { status: 200, headers: { ...server, "content-type": "image/gif" }, body: "G".repeat(44) };
  return { status: 404, headers: { ...server, "content-type": "text/plain" }, body: "" };
};

/**
 * Amazon SES's tracking origin `r.<region>.awstrack.me`. AWS's own check, `curl --head https://<custom domain>/favicon.ico`,
 * answers 200 with `x-amz-ses-region: <region>` (the SES region that received the request) and
 * `x-amz-ses-request-protocol: https` (the protocol between the CDN and SES), `Content-Type: image/x-icon`
 * (docs.aws.amazon.com/ses/latest/dg/configure-custom-open-click-domains.html). `protocol` is what the CDN used to
 * reach it. A click `/CL0/…` answering 302 is unverified (a public report, docs/esps.md#amazon-ses); other paths'
 * 404 is this fixture's own choice.
 */
export const sesOrigin =
  (region: string, protocol: "https" | "http" = "https"): OriginAnswer =>
  ({ path }): SiteResponse => {
    if (path === "/favicon.ico") return { status: 200, headers: { "x-amz-ses-region": region, "x-amz-ses-request-protocol": protocol, "content-type": "image/x-icon" }, body: "icon" };
    if (path.startsWith("/CL0/") || path.startsWith("/CL1/")) return { status: 302, headers: { location: "https://www.example.com/" } };
    return { status: 404, body: "" };
  };
