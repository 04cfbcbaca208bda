import { expect, test, type Page } from "@playwright/test";
import { E2E_CLOUDFLARE_NO_DNS_TOKEN, E2E_CLOUDFLARE_TOKEN, E2E_FASTLY_TOKEN, E2E_KEYCDN_KEY } from "./accounts";
import { openApplyStep, previewAndApply } from "./helpers";

// The three token-based providers share these flows; they touch the e2e fakes, so one at a time.
test.describe.configure({ mode: "serial" });

const PROVIDERS = [
  { cdn: "cloudflare", name: "Cloudflare", field: "Cloudflare API token", token: E2E_CLOUDFLARE_TOKEN },
  { cdn: "fastly", name: "Fastly", field: "Fastly API token", token: E2E_FASTLY_TOKEN },
  { cdn: "keycdn", name: "KeyCDN", field: "KeyCDN API key", token: E2E_KEYCDN_KEY },
] as const;

async function apply(page: Page, cdn: string, hosts: string[], field: string, token: string) {
  await openApplyStep(page, cdn, hosts, { [field]: token });
  await previewAndApply(page);
}

for (const p of PROVIDERS) {
  test(`${p.name}: choose it, enter hosts, and get manual values`, async ({ page }) => {
    await page.goto("/setup");
    await page.getByRole("button", { name: /Next/ }).click();
    await page.getByRole("radio", { name: new RegExp(p.name) }).check();
    await page.getByRole("button", { name: /Next/ }).click();
    await page.getByRole("textbox", { name: "Link branding hostnames" }).fill("ablink.x.customer.com");
    await page.getByRole("button", { name: /Next/ }).click();
    await page.getByRole("radio", { name: /manual/i }).check();
    await page.getByRole("button", { name: /Next/ }).click();
    await expect(page.getByRole("article", { name: "ablink.x.customer.com" })).toBeVisible();
    await expect(page.getByText("coming soon")).toHaveCount(0);
  });

  test(`${p.name}: apply against the fake, then re-run changes nothing`, async ({ page }) => {
    const hosts = [`ablink.${p.cdn}-a.customer.com`, `ablink.${p.cdn}-b.customer.com`];
    await apply(page, p.cdn, hosts, p.field, p.token);
    if (p.cdn === "cloudflare") {
      // Records start DNS only; the proxy goes on once the person confirms SendGrid validated them.
      await expect(page.getByText("Waiting", { exact: true })).toHaveCount(2, { timeout: 30_000 });
      await page.getByLabel(/SendGrid shows this link branding as verified/).check();
    }
    await expect(page.getByRole("link", { name: /Continue: test before the switch/ })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText("Failed", { exact: true })).toHaveCount(0);

    await apply(page, p.cdn, hosts, p.field, p.token);
    await expect(page.getByText("Already in place", { exact: true })).toHaveCount(2, { timeout: 45_000 });
  });

  test(`${p.name}: a wrong credential is explained, not a crash`, async ({ page }) => {
    await page.goto(`/setup?cdn=${p.cdn}&host=ablink.wrong.customer.com&mode=apply&step=configure`);
    await page.getByLabel(p.field).fill("wrongCredential000000000000000000001");
    await page.getByRole("button", { name: /Continue/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: /What to do|try again/i }).first()).toBeVisible();
    await expect(page.locator("body")).not.toContainText("wrongCredential000000000000000000001");
  });
}

test("Cloudflare: a token without DNS Edit is told which permission is missing", async ({ page }) => {
  await openApplyStep(page, "cloudflare", ["ablink.perm.customer.com"], { "Cloudflare API token": E2E_CLOUDFLARE_NO_DNS_TOKEN });
  // DNS Read passes the read-only probes, so the preview looks normal; the first write names the permission.
  await previewAndApply(page);
  await expect(page.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "DNS Edit" }).first()).toBeVisible();
});

test("Cloudflare: a zone not in the account is explained", async ({ page }) => {
  await page.goto("/setup?cdn=cloudflare&host=ablink.x.elsewhere.org&mode=apply&step=configure");
  await page.getByLabel("Cloudflare API token").fill(E2E_CLOUDFLARE_TOKEN);
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "elsewhere.org" }).first()).toBeVisible();
});

test("/api/plan for Cloudflare gives relative names, sendgrid.net, proxied, SSL Full and exact-host certificates", async ({ request }) => {
  const res = await request.get("/api/plan?cdn=cloudflare&host=ablink.x.level-ex.com&host=ablink.mail.brand.co.uk");
  expect(res.status()).toBe(200);
  const plan = await res.json();
  expect(plan.hosts.map((h: { relativeName: string }) => h.relativeName)).toEqual(["ablink.x", "ablink.mail"]);
  for (const h of plan.hosts) {
    const records = h.steps.flatMap((s: { records?: unknown[] }) => s.records ?? []) as { name: string; value: string; proxied?: boolean; phase: string }[];
    const link = records.find((r) => r.name === h.host && r.phase === "switch")!;
    expect(link).toMatchObject({ value: "sendgrid.net", proxied: true });
    expect(JSON.stringify(h.steps)).toContain(`(http.host in {\\"${h.host}\\"})`);
    expect(h.guarantees.certificateNames).toEqual([h.host]);
  }
  expect(JSON.stringify(plan)).toMatch(/Full/);
});

for (const cdn of ["cloudfront", "cloudflare", "fastly", "keycdn"]) {
  test(`/api/plan?cdn=${cdn}&region=eu never names plain sendgrid.net as origin or target`, async ({ request }) => {
    const plan = await (await request.get(`/api/plan?cdn=${cdn}&host=ablink.x.customer.com&region=eu`)).json();
    expect(plan.origin).toBe("eu.sendgrid.net");
    expect(JSON.stringify(plan)).not.toMatch(/(?<![.\w])sendgrid\.net/);
  });
}

test("Cloudflare: a delegated sub-zone can be given, and the record Name follows it", async ({ page }) => {
  await page.goto("/setup?cdn=cloudflare&host=ablink.x.level-ex.com&mode=manual&step=configure");
  await page.getByLabel("DNS zone for ablink.x.level-ex.com").fill("x.level-ex.com");
  await page.getByRole("button", { name: "Update zones" }).click();
  await expect(page).toHaveURL(/zone=x\.level-ex\.com/);
  await expect(page.getByRole("button", { name: "Copy record name for ablink.x.level-ex.com" }).first()).toBeVisible();
  const plan = await (await page.request.get("/api/plan?cdn=cloudflare&host=ablink.x.level-ex.com&zone=x.level-ex.com")).json();
  const link = plan.hosts[0].steps.flatMap((s: { records?: { name: string; relativeName: string; zone: string }[] }) => s.records ?? []).find((r: { name: string }) => r.name === "ablink.x.level-ex.com");
  expect(link).toMatchObject({ relativeName: "ablink", zone: "x.level-ex.com" });
});
