import { expect, test } from "@playwright/test";

test("/api/plan returns every seed value for one hostname", async ({ request }) => {
  const res = await request.get("/api/plan?cdn=cloudfront&host=ablink.subdomain.customer.com");
  expect(res.status()).toBe(200);
  const plan = await res.json();
  expect(plan).toMatchObject({ version: 1, cdn: "cloudfront", region: "global", origin: "sendgrid.net" });
  const fields = Object.fromEntries(
    plan.hosts[0].steps.flatMap((s: { groups?: { fields: { id: string; value: string }[] }[] }) => (s.groups ?? []).flatMap((g) => g.fields)).map((f: { id: string; value: string }) => [f.id, f.value]),
  );
  expect(fields).toMatchObject({
    originDomain: "sendgrid.net",
    originPath: "",
    originName: "Braze_sendgrid-HSTS-email",
    minOriginSsl: "TLSv1.2",
    originProtocol: "HTTPS only",
    responseTimeout: "30",
    keepaliveTimeout: "5",
    httpPort: "80",
    httpsPort: "443",
    viewerProtocol: "HTTP and HTTPS",
    allowedMethods: "GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE",
    cachedMethods: "GET, HEAD, OPTIONS",
    headers: "All",
    queryStrings: "All",
    cookies: "All",
    minTtl: "0",
    defaultTtl: "86400",
    maxTtl: "31536000",
    priceClass: "Use all edge locations (best performance)",
    alternateDomain: "ablink.subdomain.customer.com",
    securityPolicy: "TLSv1.2_2021 (recommended)",
    ipv6: "On",
    defaultRootObject: "",
  });
});

for (const [query, field] of [
  ["cdn=cloudfront", "host"],
  ["host=ablink.x.customer.com", "cdn"],
  ["cdn=akamai&host=ablink.x.customer.com", "cdn"],
  ["cdn=cloudfront&cdn=fastly&host=ablink.x.customer.com", "cdn"],
  ["cdn=cloudfront&host=%3Cscript%3Ealert(1)%3C/script%3E", "host"],
  ["cdn=cloudfront&host=10.0.0.1", "host"],
  ["cdn=cloudfront&host=ablink.x.customer.com&region=mars", "region"],
] as const) {
  test(`/api/plan?${query} answers 400 naming ${field}`, async ({ request }) => {
    const res = await request.get(`/api/plan?${query}`);
    expect(res.status()).toBe(400);
    const text = await res.text();
    expect(text).not.toContain("<script");
    expect(JSON.parse(text).fields.map((f: { field: string }) => f.field)).toContain(field);
  });
}

for (const cdn of ["cloudfront", "cloudflare", "fastly", "keycdn"]) {
  test(`/api/plan?esp=sparkpost&region=eu&cdn=${cdn} holds eu.spgo.io, never sendgrid.net`, async ({ request }) => {
    const res = await request.get(`/api/plan?esp=sparkpost&region=eu&cdn=${cdn}&host=click.news.example.com`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toContain("eu.spgo.io");
    expect(text).not.toMatch(/sendgrid/i);
    expect(JSON.parse(text)).toMatchObject({ esp: "sparkpost", region: "eu", origin: "eu.spgo.io" });
  });
}

test("/api/plan for SparkPost on CloudFront has its header, TTL and methods; SES its regional origin", async ({ request }) => {
  const plan = await (await request.get("/api/plan?esp=sparkpost&region=eu&cdn=cloudfront&host=click.news.example.com")).json();
  const fields = Object.fromEntries(
    plan.hosts[0].steps.flatMap((s: { groups?: { fields: { id: string; value: string }[] }[] }) => (s.groups ?? []).flatMap((g) => g.fields)).map((f: { id: string; value: string }) => [f.id, f.value]),
  );
  expect(fields).toMatchObject({
    originCustomHeader: "X-Forwarded-Host: click.news.example.com",
    "cachePolicy.policyMinTtl": "1",
    "cachePolicy.policyDefaultTtl": "10",
    "cachePolicy.policyMaxTtl": "10",
    allowedMethods: "GET, HEAD",
  });
  const ses = await request.get("/api/plan?esp=ses&region=eu-central-1&cdn=cloudfront&host=click.news.example.com");
  expect(await ses.json()).toMatchObject({ esp: "ses", origin: "r.eu-central-1.awstrack.me" });
});

for (const [query, field] of [
  ["esp=mailchimp", "esp"],
  ["esp=sparkpost&region=global", "region"],
  ["esp=ses&region=mars", "region"],
  ["esp=sendgrid&tenant=acme", "tenant"],
] as const) {
  test(`/api/plan and /api/export with ${query} answer 400 naming ${field}`, async ({ request }) => {
    for (const path of ["/api/plan?", "/api/export?format=json&"]) {
      const res = await request.get(`${path}cdn=fastly&host=click.news.example.com&${query}`);
      expect(res.status()).toBe(400);
      expect((await res.json()).fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
  });
}

test("/checklist is complete without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/checklist?cdn=cloudfront&host=ablink.subdomain.customer.com&host=ablink.info.customer.com");
  await expect(page.getByRole("heading", { name: "ablink.subdomain.customer.com", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "ablink.info.customer.com", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Step 3: Configure the distribution/ }).first()).toBeVisible();
  await expect(page.locator("code", { hasText: "Braze_sendgrid-HSTS-email" }).first()).toBeVisible();
  await context.close();
});
