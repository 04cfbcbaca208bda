import { ACMClient, paginateListCertificates } from "@aws-sdk/client-acm";
import { CloudFrontClient, paginateListDistributions } from "@aws-sdk/client-cloudfront";
import { expect, test, type Page } from "@playwright/test";
import { DENIED_AWS, E2E_AWS } from "./accounts";
import { FAKE_PORTS } from "./ports";
import type { FakeCall } from "@/lib/sandbox/http-fake";

const fake = (port: number) => `http://127.0.0.1:${port}`;

// These tests share the e2e fakes' call log and injected faults: one at a time.
test.describe.configure({ mode: "serial" });

async function openApply(page: Page, hosts: string[]) {
  await page.goto(`/setup?cdn=cloudfront&${hosts.map((h) => `host=${h}`).join("&")}&mode=apply&step=configure`);
}

async function fillAws(page: Page, creds: { accessKeyId: string; secretAccessKey: string }) {
  await page.getByLabel("AWS access key ID").fill(creds.accessKeyId);
  await page.getByLabel("AWS secret access key").fill(creds.secretAccessKey);
}

async function reviewAndApply(page: Page) {
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByText("Nothing has been changed yet.")).toBeVisible();
  await page.getByRole("button", { name: /Apply/ }).click();
}

const awsClientConfig = { region: "us-east-1", credentials: E2E_AWS };

/** How many distributions in the fake account serve each host (the ground truth for "no duplicates"). */
async function distributionsFor(hosts: string[]): Promise<number[]> {
  const client = new CloudFrontClient({ ...awsClientConfig, endpoint: fake(FAKE_PORTS.cloudfront) });
  const aliases: string[][] = [];
  for await (const page of paginateListDistributions({ client }, {})) {
    for (const d of page.DistributionList?.Items ?? []) aliases.push(d.Aliases?.Items ?? []);
  }
  return hosts.map((h) => aliases.filter((a) => a.includes(h)).length);
}

/** How many ACM certificates in the fake account are for each host. */
async function certificatesFor(hosts: string[]): Promise<number[]> {
  const client = new ACMClient({ ...awsClientConfig, endpoint: fake(FAKE_PORTS.acm) });
  const names: string[] = [];
  for await (const page of paginateListCertificates({ client }, {})) {
    for (const c of page.CertificateSummaryList ?? []) names.push(c.DomainName ?? "");
  }
  return hosts.map((h) => names.filter((n) => n === h).length);
}

/** The fake's log of one operation; the fakes are shared with the other spec files running at the same time. */
async function calls(op: string): Promise<FakeCall[]> {
  const port = op === "RequestCertificate" ? FAKE_PORTS.acm : FAKE_PORTS.cloudfront;
  const res = await fetch(`${fake(port)}/__sandbox/calls`);
  return ((await res.json()) as FakeCall[]).filter((c) => c.op === op);
}

test("sandbox account: the whole apply flow with no AWS account", async ({ page }) => {
  const hosts = ["ablink.sandbox-one.customer.com", "ablink.sandbox-two.customer.com"];
  await openApply(page, hosts);
  await page.getByLabel(/Use the sandbox account/).check();
  await expect(page.getByLabel("AWS access key ID")).toBeDisabled();
  await page.getByRole("button", { name: /Continue/ }).click();
  const review = page.getByRole("list").filter({ hasText: "ablink.sandbox-one.customer.com" });
  await expect(review.getByRole("cell", { name: "create" }).first()).toBeVisible();
  await page.getByRole("button", { name: /Apply/ }).click();
  await expect(page.getByText("Credentials used: the sandbox account.")).toBeVisible();
  await expect(page.getByText("Created", { exact: true })).toHaveCount(2, { timeout: 45_000 });
  await page.getByRole("link", { name: /Continue: test before the switch/ }).click();
  await expect(page).toHaveURL(/target=d[a-z0-9]+\.cloudfront\.net&target=d[a-z0-9]+\.cloudfront\.net/);
  await page.getByRole("link", { name: /Next: Update DNS/ }).click();
  // Sandbox distributions exist only in the fake: the verifier cannot prove them, so the switch stays locked
  // until the person overrides it (e2e/verify.spec.ts covers the gate).
  await expect(page.getByRole("heading", { name: "Switch locked: do not change DNS yet" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "I understand the risk: switch anyway" }).click();
  await expect(page.getByRole("button", { name: "Copy record value for ablink.sandbox-one.customer.com" })).toBeVisible();
});

test("apply with credentials creates, and re-running changes nothing; a 429 and a 500 are retried", async ({ page }) => {
  const hosts = ["ablink.rerun-a.customer.com", "ablink.rerun-b.customer.com"];
  const [throttled] = hosts;
  const createsBefore = (await calls("CreateDistribution")).length;
  await fetch(`${fake(FAKE_PORTS.cloudfront)}/__sandbox/faults`, {
    method: "POST",
    body: JSON.stringify([
      // Only this test's host: the canary and undo specs apply on the same fake at the same time.
      { match: "CreateDistribution", bodyIncludes: throttled, status: 429, times: 1, retryAfter: 0, contentType: "text/xml", body: "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>" },
      { match: "ListDistributions", status: 500, times: 1, contentType: "text/xml", body: "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>oops</Message></Error></ErrorResponse>" },
    ]),
  });
  await openApply(page, hosts);
  await fillAws(page, E2E_AWS);
  await reviewAndApply(page);
  await expect(page.getByText("Credentials used: AWS access key ID ending …0001")).toBeVisible();
  await expect(page.getByText("Created", { exact: true })).toHaveCount(2, { timeout: 45_000 });
  const creates = await calls("CreateDistribution");
  // The injected 429 answered exactly one create, which was retried: two distributions, one each.
  expect(creates.slice(createsBefore).filter((c) => c.fault === 429)).toHaveLength(1);
  expect(await distributionsFor(hosts)).toEqual([1, 1]);

  await openApply(page, hosts);
  await fillAws(page, E2E_AWS);
  await reviewAndApply(page);
  await expect(page.getByText("Already in place", { exact: true })).toHaveCount(2, { timeout: 30_000 });
  expect(await distributionsFor(hosts)).toEqual([1, 1]);
  expect(await certificatesFor(hosts)).toEqual([1, 1]);
});

test("badly shaped credentials get a message at the field, without a request", async ({ page }) => {
  await openApply(page, ["ablink.badcreds.customer.com"]);
  await fillAws(page, { accessKeyId: "AKIA123", secretAccessKey: "short" });
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByLabel("AWS access key ID")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("An AWS access key ID is 20 characters: AKIA or ASIA, then 16 capital letters or digits.")).toBeVisible();
  await expect(page.getByText("An AWS secret access key is 40 characters of letters, digits, / and +.")).toBeVisible();
});

test("an unknown key and a key without write permission are explained", async ({ page }) => {
  await openApply(page, ["ablink.unknown-key.customer.com"]);
  await fillAws(page, { accessKeyId: "AKIAUNKNOWNKEY000009", secretAccessKey: E2E_AWS.secretAccessKey });
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "InvalidClientTokenId" })).toBeVisible();

  await openApply(page, ["ablink.denied.customer.com"]);
  await fillAws(page, DENIED_AWS);
  await reviewAndApply(page);
  await expect(page.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "AccessDenied" })).toBeVisible();
});
