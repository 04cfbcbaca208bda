import { expect, test, type Page } from "@playwright/test";
import { actAsOwnClient, openApplyStep, previewAndApply } from "./helpers";

// The in-app sandbox gives each browser an account of its own (lib/sandbox/visitor-accounts.ts), kept by a
// cookie across reloads.
const HOST = "ablink.two-visitors.customer.com";

async function sandboxApply(page: Page) {
  await openApplyStep(page, "keycdn", [HOST]);
  await page.getByLabel(/Use the sandbox account/).check();
  await previewAndApply(page);
  await expect(page.getByText("Credentials used: the sandbox account.")).toBeVisible();
}

test("two browsers apply the same hostname in the sandbox: each creates its own; a reload keeps the account and its undo", async ({ browser, baseURL }, testInfo) => {
  const contexts = [await browser.newContext({ baseURL }), await browser.newContext({ baseURL })];
  const pages: Page[] = [];
  for (const context of contexts) {
    const page = await context.newPage();
    await actAsOwnClient(page, testInfo);
    pages.push(page);
  }
  const [first, second] = pages as [Page, Page];

  for (const page of pages) {
    await sandboxApply(page);
    await expect(page.getByText("Created", { exact: true })).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByText("Already in place", { exact: true })).toHaveCount(0);
  }
  const visitorCookie = async (page: Page) => (await page.context().cookies()).filter((c) => c.name === "sandbox-visitor");
  const [mine, theirs] = [await visitorCookie(first), await visitorCookie(second)];
  expect(mine.map((c) => [c.httpOnly, c.sameSite, c.secure, c.path])).toEqual([[true, "Lax", false, "/"]]);
  expect(mine[0]!.value).not.toBe(theirs[0]!.value);
  expect(first.url()).not.toContain(mine[0]!.value);

  // After a reload the same account answers: the host is in place, and undo still removes what the first run made.
  await first.reload();
  await sandboxApply(first);
  await expect(first.getByText("Already in place", { exact: true })).toHaveCount(1, { timeout: 30_000 });
  await first.getByRole("button", { name: "Undo what this run created" }).click();
  const confirm = first.getByRole("region", { name: "Remove these 2 resources from the sandbox account?" });
  await expect(confirm.getByRole("listitem")).toHaveCount(2);
  await confirm.getByRole("button", { name: "Remove these 2 resources" }).click();
  await expect(first.getByRole("region", { name: "Undo", exact: true }).getByText("2 of 2 removed.")).toBeVisible({ timeout: 30_000 });

  // The other browser's resources were not touched.
  await second.reload();
  await sandboxApply(second);
  await expect(second.getByText("Already in place", { exact: true })).toHaveCount(1, { timeout: 30_000 });
  await Promise.all(contexts.map((c) => c.close()));
});
