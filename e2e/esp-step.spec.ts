import { expect, test } from "@playwright/test";

/** Step 1, the email provider (docs/contract.md#email-providers), and what it changes in the steps after it. */

test("SendGrid is preselected; old links without esp= open where they did", async ({ page }) => {
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Email provider", level: 2 })).toBeVisible();
  await expect(page.getByRole("radio", { name: /SendGrid/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /SparkPost/ })).not.toBeChecked();
  await expect(page.getByRole("radio", { name: /Amazon SES/ })).not.toBeChecked();
  await expect(page.getByRole("radio", { name: /Global \(sendgrid\.net\)/ })).toBeChecked();

  await page.goto("/setup?cdn=fastly");
  await expect(page.getByRole("heading", { name: "Link branding hostnames", level: 2 })).toBeVisible();
  await expect(page.getByText("Email provider: SendGrid, Global (sendgrid.net).")).toBeVisible();
});

test("Amazon SES: Braze's clusters first, any AWS region code, a bad one refused at the field", async ({ page }) => {
  await page.goto("/setup");
  await page.getByRole("radio", { name: /Amazon SES/ }).check();
  const regions = page.getByRole("group", { name: "Amazon SES region" }).getByRole("radio");
  await expect(regions).toHaveCount(3);
  await expect(regions.nth(0)).toHaveAccessibleName(/us-east-1 — Braze US clusters/);
  await expect(regions.nth(1)).toHaveAccessibleName(/eu-central-1 — Braze EU clusters/);
  await expect(regions.nth(0)).toBeChecked();

  await page.getByRole("radio", { name: /Another AWS region/ }).check();
  const code = page.getByRole("textbox", { name: "Region code" });
  await code.fill("europe-west");
  await page.getByRole("button", { name: "Next: choose your CDN" }).click();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toBeFocused();
  await expect(page.locator("#esp-region-error")).toHaveText(
    "region for Amazon SES must be an AWS region code such as us-east-1 or eu-central-1 (the region you send from).",
  );
  await expect(page).toHaveURL(/\/setup$/);

  await code.fill("eu-west-2");
  await page.getByRole("button", { name: "Next: choose your CDN" }).click();
  await expect(page).toHaveURL(/\/setup\?esp=ses&region=eu-west-2&step=cdn$/);
  // SES has no managed HTTPS: the CDN choice comes straight away.
  await expect(page.getByRole("region", { name: /can serve HTTPS itself/ })).toHaveCount(0);
  await page.getByRole("radio", { name: /Amazon CloudFront/ }).check();
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/setup\?esp=ses&region=eu-west-2&cdn=cloudfront&step=hosts$/);
  await expect(page.getByText("Email provider: Amazon SES, eu-west-2 (r.eu-west-2.awstrack.me).")).toBeVisible();
});

test("SparkPost: an Enterprise tenant, and its managed HTTPS said before the CDN choice, the CDN one click away", async ({ page }) => {
  await page.goto("/setup");
  await page.getByRole("radio", { name: /SparkPost/ }).check();
  await page.getByRole("radio", { name: /Enterprise tenant/ }).check();
  await page.getByRole("textbox", { name: "Tenant name" }).fill("-acme");
  await page.getByRole("button", { name: "Next: choose your CDN" }).click();
  await expect(page.locator("#esp-tenant-error")).toHaveText(/^tenant must be your SparkPost Enterprise tenant name/);

  await page.getByRole("radio", { name: /EU \(eu\.spgo\.io\)/ }).check();
  await page.getByRole("button", { name: "Next: choose your CDN" }).click();
  await expect(page).toHaveURL(/\/setup\?esp=sparkpost&region=eu&step=cdn$/);
  const managed = page.getByRole("region", { name: "First: SparkPost can serve HTTPS itself (SparkPost managed HTTPS)" });
  await expect(managed).toContainText("points straight at a V2 endpoint (v2.spgo.io, EU eu.v2.spgo.io)");
  await expect(managed.getByRole("heading", { name: "When a CDN is still the right answer" })).toBeVisible();
  await managed.getByRole("link", { name: "A CDN is the right answer for me: choose it below" }).click();
  await expect(page).toHaveURL(/#cdn-choice$/);
  await page.getByRole("radio", { name: /Amazon CloudFront/ }).check();
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/setup\?esp=sparkpost&region=eu&cdn=cloudfront&step=hosts$/);
});

test("Mailgun gets its guidance instead of a CDN plan", async ({ page }) => {
  await page.goto("/setup");
  await page.getByRole("radio", { name: /Mailgun/ }).check();
  const guide = page.getByRole("region", { name: "Mailgun: guidance, not a CDN plan" });
  await expect(guide.getByRole("heading", { name: "First choice: Mailgun's own HTTPS (Mailgun HTTPS tracking)" })).toBeVisible();
  await expect(guide).toContainText("US mailgun.org; EU eu.mailgun.org");
  await expect(guide.getByRole("heading", { name: "What to ask Mailgun" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Next/ })).toHaveCount(0);

  // A shared link opens the same guidance, and /api/plan says there is no plan for it.
  await page.goto("/setup?esp=postmark");
  await expect(page.getByRole("region", { name: "Postmark: guidance, not a CDN plan" })).toContainText("Postmark publishes no origin for a CDN: ask for it (below).");
  await expect(page.getByText("Some of this link could not be used")).toHaveCount(0);
  const res = await page.request.get("/api/plan?cdn=cloudfront&esp=postmark&host=click.x.customer.com");
  expect([res.status(), (await res.json()).fields?.[0]?.field]).toEqual([400, "esp"]);
});

test("records of another ESP than the chosen one: said at the field, and the plan moves to that ESP and region", async ({ page }) => {
  await page.goto("/setup?cdn=cloudfront&step=hosts");
  const field = page.getByRole("textbox", { name: "Link branding hostnames" });
  await field.fill(JSON.stringify({ results: [{ domain: "click.news.brand.co.uk", port: 80, secure: false, status: { verified: true, cname_status: "valid" } }] }));
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page.locator("#hostnames-esp")).toHaveText("These are SparkPost's records, not SendGrid's as chosen in step 1: the plan will use SparkPost, US (spgo.io).");
  await expect(field).toHaveAccessibleDescription(/These are SparkPost's records/);
  await expect(page.getByRole("region", { name: "Records found in the chart" })).toContainText(
    "click.news.brand.co.uk: secure is off, so SparkPost still writes http:// links; turn it on only once the CDN serves HTTPS (the last step says how).",
  );
  await page.getByRole("button", { name: "Next: move 1 link host(s) to the CDN" }).click();
  await expect(page).toHaveURL(/cdn=cloudfront&host=click\.news\.brand\.co\.uk&esp=sparkpost&step=mode/);
});
