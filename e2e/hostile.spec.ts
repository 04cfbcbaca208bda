import { expect, test, type APIResponse } from "@playwright/test";
import { HOSTILE_CASES, MARKUP } from "../lib/testing/hostile-inputs";

/**
 * The hostile-input corpus (lib/testing/hostile-inputs.ts) against the running app: /api/plan, /api/export,
 * /checklist and /setup for every case, and the hostnames form in a browser for the cases that have `form`.
 */

function expectNoRawMarkup(body: string, what: string) {
  for (const m of MARKUP) expect(body.includes(m), `${what} reflects ${m} unescaped`).toBe(false);
}

async function fields(res: APIResponse): Promise<string[]> {
  const body = await res.text();
  expectNoRawMarkup(body, res.url());
  return (JSON.parse(body) as { fields: { field: string }[] }).fields.map((f) => f.field);
}

for (const c of HOSTILE_CASES) {
  test(`hostile input over HTTP: ${c.name}`, async ({ request }) => {
    const q = c.query ? `${c.query}&` : "";
    const plan = await request.get(`/api/plan?${c.query}`);
    const exported = await request.get(`/api/export?${q}format=markdown`);
    const checklist = await request.get(`/checklist?${c.query}`);
    const setup = await request.get(`/setup?${c.query}`);
    for (const res of [plan, exported, checklist, setup]) expect(res.status(), res.url().slice(0, 120)).toBeLessThan(500);

    const expected = c.expect;
    if ("httpStatus" in expected) {
      for (const res of [plan, exported, checklist, setup]) expect(res.status()).toBe(expected.httpStatus);
      return;
    }
    const pages = [await checklist.text(), await setup.text()];
    pages.forEach((html, i) => expectNoRawMarkup(html, i === 0 ? "/checklist" : "/setup"));
    if ("errors" in expected) {
      expect(plan.status()).toBe(400);
      expect(await fields(plan)).toEqual(expected.errors);
      expect(exported.status()).toBe(400);
      expect(await fields(exported)).toEqual(expected.errors);
      expect(pages[0]).toContain("This checklist link cannot be used");
    } else {
      expect(plan.status()).toBe(200);
      const body = await plan.text();
      expectNoRawMarkup(body, "/api/plan");
      expect((JSON.parse(body) as { hosts: { host: string }[] }).hosts.map((h) => h.host)).toEqual(expected.hosts);
      expect(exported.status()).toBe(200);
      const markdown = await exported.text();
      expectNoRawMarkup(markdown, "/api/export");
      for (const h of expected.hosts) {
        expect(markdown).toContain(h);
        expect(pages[0]).toContain(`id="cl-${h}"`);
      }
    }
  });
}

for (const c of HOSTILE_CASES.filter((x) => x.form)) {
  test(`hostile input in the hostnames form: ${c.name}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const form = c.form!;
    await page.goto("/setup?cdn=cloudfront&step=hosts");
    const field = page.getByRole("textbox", { name: "Link branding hostnames" });
    await field.fill(form.text);
    await page.getByRole("button", { name: /Next/ }).click();
    if ("error" in form) {
      await expect(page.locator("#hostnames-error")).toContainText(form.error);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(page).toHaveURL(/step=hosts/);
    } else {
      await expect(page).toHaveURL(/step=mode/);
      expect(new URL(page.url()).searchParams.getAll("host")).toEqual(form.accepted);
    }
    expectNoRawMarkup(await page.content(), "the wizard");
    expect(dialogs).toEqual([]);
  });
}

test("a host the link carries but the CDN refuses stays in the field, with its message, to be corrected", async ({ page }) => {
  const long = `ablink.${"x".repeat(46)}.example.com`;
  await page.goto(`/setup?cdn=cloudfront&step=hosts&host=ablink.ok.example.com&host=${long}`);
  const field = page.getByRole("textbox", { name: "Link branding hostnames" });
  await expect(field).toHaveValue(`ablink.ok.example.com\n${long}`);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#hostnames-error")).toContainText("is 65 characters long, too long for CloudFront");
  await field.fill("ablink.ok.example.com\nablink.short.example.com");
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page).toHaveURL(/step=mode/);
  expect(new URL(page.url()).searchParams.getAll("host")).toEqual(["ablink.ok.example.com", "ablink.short.example.com"]);
});
