// Embedding: the host page configures the app through the mount element's data-*
// attributes. Here the host page is the served index.html, rewritten on the way in.
const { test, expect } = require("@playwright/test");
const { TOKEN, hostPage, hostWithModule } = require("./host");

test("under a host's base path every link and navigation keeps the prefix", async ({ page }) => {
  await hostPage(page, 'data-base-path="/admin/cg" data-customer-url="/backoffice/customers/{reference}"');
  await page.goto("/admin/cg");
  const grid = page.getByTestId("groups-grid");
  await expect(grid.locator("tbody tr[data-id]").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Add Customer Group" })).toHaveAttribute("href", "/admin/cg/new");
  const first = grid.locator("tbody tr[data-id]").first();
  const id = await first.getAttribute("data-id");
  await first.getByRole("link", { name: "View", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cg/${id}$`));
  // The host's own customer page, from the configured template.
  // Group 1 of the demo data has members.
  const member = page.getByTestId("members-grid").locator("tbody tr[data-id]").first();
  await expect(member.getByRole("link", { name: "View" })).toHaveAttribute("href", /^\/backoffice\/customers\/DE--\d+$/);
  await page.getByRole("link", { name: "Edit Customer Group" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cg/${id}/edit$`));
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Customer Groups" }).click();
  await expect(page).toHaveURL(/\/admin\/cg$/);
  // Sorting writes the query under the prefix too.
  await grid.getByRole("columnheader", { name: "Name" }).getByRole("button").click();
  await expect(page).toHaveURL(/\/admin\/cg\?sort=name$/);
});

test("a configuration the app cannot work with is told, naming the setting", async ({ page }) => {
  await hostPage(page, 'data-dialect="magento"');
  await page.goto("/customer-groups");
  await expect(page.getByRole("alert")).toContainText("dialect");
  await expect(page.getByRole("alert")).toContainText("magento");
});

test("a configuration the app cannot work with is told in the page's language", async ({ page, request }) => {
  // The locale setting is German: the panel says so in German.
  await hostPage(page, 'data-locale="de" data-dialect="magento"');
  await page.goto("/customer-groups");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Die App ist falsch konfiguriert.");
  await expect(alert).toContainText("dialect: unbekannter Wert „magento“ (möglich: reference, spryker, medusa)");
  await expect(page.locator(".cg-app")).toHaveAttribute("lang", "de");
  // No locale setting, a German host page: the custom element, the JS API's error and a
  // bad locale itself are told in German.
  await hostWithModule(
    page,
    request,
    "/de-host",
    `<div lang="de"><customer-groups-admin timeout-ms="soon" auth-token="${TOKEN}"></customer-groups-admin>
     <section id="slot"></section></div>`,
    `try { cg.mount(document.getElementById("slot"), { locale: "fr", authToken: TOKEN }); } catch (e) { window.cgError = String(e); }`,
  );
  await page.goto("/de-host");
  await expect(page.locator("customer-groups-admin").getByRole("alert")).toContainText(
    "timeout-ms: „soon“ ist keine positive Zahl von Millisekunden",
  );
  await expect.poll(() => page.evaluate(() => window.cgError)).toContain("locale: unbekannter Wert „fr“ (möglich: en, de)");
});

test("without a locale setting the app speaks its host page's language", async ({ page, request }) => {
  await hostWithModule(
    page,
    request,
    "/de-page",
    `<div lang="de-DE"><customer-groups-admin base-path="/de-page" auth-token="${TOKEN}"></customer-groups-admin></div>`,
    "",
  );
  await page.goto("/de-page");
  await expect(page.getByRole("heading", { level: 1, name: "Kundengruppen" })).toBeVisible();
  await expect(page.locator(".cg-app")).toHaveAttribute("lang", "de");
});

test("the JS API mounts into a host element and unmounts", async ({ page, request }) => {
  await hostWithModule(
    page,
    request,
    "/host",
    '<main id="slot"></main>',
    `window.cgHandle = cg.mount(document.getElementById("slot"), { basePath: "/host", timeoutMs: 5000, authToken: TOKEN });
     try { cg.mount(document.createElement("div"), { dialect: "magento" }); } catch (e) { window.cgError = String(e); }`,
  );
  await page.goto("/host");
  await expect(page.locator("#slot [data-testid=groups-grid] tbody tr[data-id]").first()).toBeVisible();
  await expect(page.locator("#host-header")).toHaveText("Host back office");
  await expect.poll(() => page.evaluate(() => window.cgError)).toContain("dialect");
  await page.getByRole("link", { name: "Add Customer Group" }).click();
  await expect(page).toHaveURL(/\/host\/new$/);
  await page.evaluate(() => window.cgHandle.unmount());
  await expect(page.locator("#slot")).toBeEmpty();
});

test("the custom element mounts when added and unmounts when removed", async ({ page, request }) => {
  await hostWithModule(
    page,
    request,
    "/el",
    `<customer-groups-admin base-path="/el" auth-token="${TOKEN}"></customer-groups-admin>`,
    "",
  );
  await page.goto("/el");
  const el = page.locator("customer-groups-admin");
  await expect(el.locator("[data-testid=groups-grid] tbody tr[data-id]").first()).toBeVisible();
  await page.evaluate(() => document.querySelector("customer-groups-admin").remove());
  await expect(page.locator("[data-testid=groups-grid]")).toHaveCount(0);
});

test("the host can ask for German", async ({ page }) => {
  await hostPage(page, 'data-locale="de"');
  await page.goto("/customer-groups");
  await expect(page.getByRole("heading", { level: 1, name: "Kundengruppen" })).toBeVisible();
  await expect(page.locator(".cg-app")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("link", { name: "Kundengruppe hinzufügen" })).toBeVisible();
  await expect(page.getByTestId("groups-grid").getByText(/^1–\d+ von \d/)).toBeVisible();
  await expect(page.getByTestId("groups-grid").getByRole("columnheader", { name: "Beschreibung" })).toBeVisible();
  // Dates in German: "14.03.2023, 09:26".
  await expect(page.getByTestId("groups-grid").locator("time").first()).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
});
