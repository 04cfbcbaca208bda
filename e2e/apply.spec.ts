import { paginateListCertificates } from "@aws-sdk/client-acm";
import { paginateListDistributions } from "@aws-sdk/client-cloudfront";
import { expect, test, type Page } from "@playwright/test";
import { DENIED_AWS, E2E_AWS } from "./accounts";
import { actAsOwnClient, awsClients, fakeCalls, injectFaults, openApplyStep, previewAndApply } from "./helpers";
import { FAKE_PORTS } from "./ports";

// CloudFront's apply flow against the e2e fakes (e2e/helpers.ts: other spec files use the same fakes at the
// same time, so faults and checks name this file's own hosts).
test.beforeEach(({ page }, testInfo) => actAsOwnClient(page, testInfo));

const openApply = (page: Page, hosts: string[]) => openApplyStep(page, "cloudfront", hosts);

async function fillAws(page: Page, creds: { accessKeyId: string; secretAccessKey: string }) {
  await page.getByLabel("AWS access key ID").fill(creds.accessKeyId);
  await page.getByLabel("AWS secret access key").fill(creds.secretAccessKey);
}

/** How many distributions in the fake account serve each host. */
async function distributionsFor(hosts: string[]): Promise<number[]> {
  const aliases: string[][] = [];
  for await (const page of paginateListDistributions({ client: awsClients().cloudfront }, {})) {
    for (const d of page.DistributionList?.Items ?? []) aliases.push(d.Aliases?.Items ?? []);
  }
  return hosts.map((h) => aliases.filter((a) => a.includes(h)).length);
}

/** How many ACM certificates in the fake account are for each host (ACM, unlike CloudFront, allows duplicates). */
async function certificatesFor(hosts: string[]): Promise<number[]> {
  const names: string[] = [];
  for await (const page of paginateListCertificates({ client: awsClients().acm }, { Includes: { keyTypes: ["RSA_2048", "EC_prime256v1", "EC_secp384r1"] } })) {
    for (const c of page.CertificateSummaryList ?? []) names.push(c.DomainName ?? "");
  }
  return hosts.map((h) => names.filter((n) => n === h).length);
}

const awsError = (type: string, code: string, message: string) =>
  `<ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error></ErrorResponse>`;

test("sandbox account: SparkPost EU gets its policies and a distribution, and the plan link keeps the email provider", async ({ page }) => {
  const host = "click.sandbox-sparkpost.customer.com";
  await page.goto(`/setup?cdn=cloudfront&esp=sparkpost&region=eu&host=${host}&mode=apply&step=configure`);
  await page.getByLabel(/Use the sandbox account/).check();
  await page.getByRole("button", { name: /Continue/ }).click();
  const review = page.getByRole("list").filter({ hasText: host });
  await expect(review.getByText("CloudFront origin request policy ssl-click-tracking-user-agent")).toBeVisible();
  await expect(review.getByText(`origin eu.spgo.io (https-only) with X-Forwarded-Host: ${host}; methods GET, HEAD`, { exact: false })).toBeVisible();
  await page.getByRole("button", { name: /Apply/ }).click();
  await expect(page.getByText("Created", { exact: true })).toHaveCount(1, { timeout: 45_000 });
  await page.getByRole("link", { name: /Continue: test before the switch/ }).click();
  await expect(page).toHaveURL(/host=click\.sandbox-sparkpost\.customer\.com&esp=sparkpost&region=eu&target=d[a-z0-9]+\.cloudfront\.net/);
});

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
  const [throttled, failing] = hosts as [string, string];
  await injectFaults(FAKE_PORTS.cloudfront, [
    { match: "CreateDistribution", bodyIncludes: throttled, status: 429, times: 1, retryAfter: 0, contentType: "text/xml", body: awsError("Sender", "Throttling", "Rate exceeded") },
  ]);
  await injectFaults(FAKE_PORTS.acm, [
    { match: "RequestCertificate", bodyIncludes: failing, status: 500, times: 1, body: JSON.stringify({ __type: "InternalFailure", message: "oops" }) },
  ]);
  await openApply(page, hosts);
  await fillAws(page, E2E_AWS);
  await previewAndApply(page);
  await expect(page.getByText("Credentials used: AWS access key ID ending …0001")).toBeVisible();
  await expect(page.getByText("Created", { exact: true })).toHaveCount(2, { timeout: 45_000 });
  // Each injected fault answered one call, which was retried: one distribution and one certificate per host.
  expect((await fakeCalls(FAKE_PORTS.cloudfront, "CreateDistribution")).filter((c) => c.fault === 429)).toHaveLength(1);
  expect((await fakeCalls(FAKE_PORTS.acm, "RequestCertificate")).filter((c) => c.fault === 500)).toHaveLength(1);
  expect(await distributionsFor(hosts)).toEqual([1, 1]);
  expect(await certificatesFor(hosts)).toEqual([1, 1]);

  // A re-run must not even try to create: any create for these hosts would be answered 418 and logged.
  const tripwire = (match: string) => hosts.map((h) => ({ match, bodyIncludes: h, status: 418 }));
  await injectFaults(FAKE_PORTS.cloudfront, tripwire("CreateDistribution"));
  await injectFaults(FAKE_PORTS.acm, tripwire("RequestCertificate"));
  await openApply(page, hosts);
  await fillAws(page, E2E_AWS);
  await previewAndApply(page);
  await expect(page.getByText("Already in place", { exact: true })).toHaveCount(2, { timeout: 30_000 });
  const tripped = [...(await fakeCalls(FAKE_PORTS.cloudfront)), ...(await fakeCalls(FAKE_PORTS.acm))].filter((c) => c.fault === 418);
  expect(tripped).toEqual([]);
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
  await previewAndApply(page);
  await expect(page.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "AccessDenied" })).toBeVisible();
});
