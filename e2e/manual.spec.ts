import { expect, test } from "@playwright/test";

test("from / to the CloudFront values for two hostnames in a handful of clicks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Start the setup" }).click();

  // Step 1: the email provider, SendGrid preselected.
  await expect(page.getByRole("radio", { name: /SendGrid/ })).toBeChecked();
  await page.getByRole("button", { name: /Next/ }).click();

  await page.getByRole("radio", { name: /Amazon CloudFront/ }).check();
  await page.getByRole("button", { name: /Next/ }).click();

  await page.getByRole("textbox", { name: "Link branding hostnames" }).fill("ablink.subdomain.customer.com\nABLINK.info.customer.com.");
  await page.getByRole("button", { name: /Next/ }).click();

  await expect(page).toHaveURL(/step=mode/);
  await page.getByRole("radio", { name: /manual/i }).check();
  await page.getByRole("button", { name: /Next/ }).click();

  await expect(page).toHaveURL(/cdn=cloudfront&host=ablink.subdomain.customer.com&host=ablink.info.customer.com&mode=manual&step=configure/);
  const first = page.getByRole("article", { name: "ablink.subdomain.customer.com" });
  await expect(first.getByRole("heading", { name: "Origin" })).toBeVisible();
  await expect(page.getByRole("article", { name: "ablink.info.customer.com" })).toBeVisible();
  await expect(first.getByRole("button", { name: "Copy Name" })).toBeVisible();
  await expect(first.locator("code", { hasText: "Braze_sendgrid-HSTS-email" }).first()).toBeVisible();
  await expect(first.locator("code", { hasText: /^sendgrid\.net$/ })).toBeVisible();

  // Reload and back/forward land on the same place.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Configure", level: 2 })).toBeVisible();
  await page.getByRole("link", { name: /Next: Test before the switch/ }).click();
  await expect(page.getByRole("heading", { name: "Test before the switch", level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Configure", level: 2 })).toBeVisible();
});

test("copy buttons copy the exact value", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/setup?cdn=cloudfront&host=ablink.subdomain.customer.com&mode=manual&step=configure");
  await page.getByRole("button", { name: "Copy Origin domain" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("sendgrid.net");
});

test("bad hostnames get a field error naming the line", async ({ page }) => {
  await page.goto("/setup?cdn=cloudfront&step=hosts");
  await page.getByRole("textbox", { name: "Link branding hostnames" }).fill("ablink.x.customer.com\ncustomer.com\n<b>x</b>");
  await page.getByRole("button", { name: /Next/ }).click();
  const field = page.getByRole("textbox", { name: "Link branding hostnames" });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const error = page.locator("#hostnames-error");
  await expect(error).toContainText('Line 2: "customer.com" is a registrable domain, not a link-branding hostname');
  await expect(error).toContainText('Line 3: "<b>x</b>" contains characters a hostname cannot have');
  await expect(page.locator("b", { hasText: "x" })).toHaveCount(0);
  await expect(page).toHaveURL(/step=hosts/);
});

test("a pasted record chart moves only the link host", async ({ page }) => {
  await page.goto("/setup?cdn=cloudfront&step=hosts");
  await page.getByRole("textbox", { name: "Link branding hostnames" }).fill("TYPE\tHOST\tVALUE\nCNAME\tablink.news.brand.co.uk\teu.sendgrid.net\nCNAME\t4455667.news.brand.co.uk\teu.sendgrid.net");
  await page.getByRole("button", { name: /Next/ }).click();
  const found = page.getByRole("region", { name: "Records found in the chart" });
  await expect(found.getByRole("listitem")).toHaveText([
    "CNAME ablink.news.brand.co.uk → eu.sendgrid.net: link host: moves to the CDN",
    "CNAME 4455667.news.brand.co.uk → eu.sendgrid.net: owner record: stays pointing at SendGrid",
  ]);
  await page.getByRole("button", { name: "Next: move 1 link host(s) to the CDN" }).click();
  await expect(page).toHaveURL(/cdn=cloudfront&host=ablink.news.brand.co.uk&region=eu&owner=4455667.news.brand.co.uk&step=mode/);
  // override=1: the DNS change shows without a passing verification (e2e/verify.spec.ts covers the gate).
  await page.goto(`${page.url().replace("step=mode", "mode=manual&step=dns&override=1")}`);
  const owner = page.getByRole("listitem").filter({ hasText: "Leave it as it is: SendGrid's owner record" });
  await expect(owner.locator("code", { hasText: /^4455667\.news$/ })).toBeVisible();
  await expect(owner.locator("code", { hasText: /^eu\.sendgrid\.net$/ })).toBeVisible();
});

test("the DNS step shows one CNAME per hostname to its distribution domain", async ({ page }) => {
  await page.goto("/setup?cdn=cloudfront&host=ablink.a.customer.com&host=ablink.b.customer.com&target=d1.cloudfront.net&target=d2.cloudfront.net&mode=manual&step=dns&override=1");
  await expect(page.getByRole("button", { name: "Copy record value for ablink.a.customer.com" })).toBeVisible();
  await expect(page.locator("code", { hasText: "d1.cloudfront.net" })).toBeVisible();
  await expect(page.locator("code", { hasText: "d2.cloudfront.net" })).toBeVisible();
  await expect(page.getByText(/Do not re-validate link branding/).first()).toBeVisible();
});

test("a shared link with a bad host opens the hostnames step with the error at the field", async ({ page }) => {
  await page.goto("/setup?cdn=cloudfront&host=not_a_host.customer.com&mode=manual&step=configure");
  await expect(page.getByRole("heading", { name: "Link branding hostnames", level: 2 })).toBeVisible();
  await expect(page.locator("#hostnames-error")).toContainText("underscores are not allowed");
});

test("an Auto SSL chart gets the no-CDN guidance and no way on to apply", async ({ page }) => {
  await page.goto("/setup?cdn=cloudfront&step=hosts");
  await page
    .getByRole("textbox", { name: "Link branding hostnames" })
    .fill("CNAME ablink.customer.com click.sendgrid.net\nCNAME _acme-challenge.ablink.customer.com ablink.customer.com.x1.dcv.cloudflare.com\nTXT _cf-custom-hostname.ablink.customer.com 0a1b2c");
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page.getByRole("status")).toContainText("uses SendGrid Auto SSL: SendGrid already serves its certificate, so no CDN is needed");
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page).toHaveURL(/step=hosts/);
});
