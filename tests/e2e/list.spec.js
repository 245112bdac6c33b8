// The customer groups list against the real server: rows, sort, search, paging, the
// URL keeping the view, reload restoring it, and the error state with Retry.
const { test, expect } = require("@playwright/test");
const { api, uniqueName } = require("./api");

const grid = (page) => page.getByTestId("groups-grid");
const bodyRows = (page) => grid(page).locator("tbody tr");
const firstCellTexts = async (page) =>
  (await bodyRows(page).locator("td:first-child").allInnerTexts()).map((s) => s.trim());

test.beforeAll(async ({ request }) => {
  // Enough groups for several pages, whatever other tests created.
  const a = api(request);
  const have = (await a.groups()).total;
  for (let i = have; i < 24; i++) await a.createGroup({ name: uniqueName(`Paging group ${i}`) });
});

test("the start page redirects to the list, which shows the server's groups", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/customer-groups$/);
  await expect(page.getByRole("heading", { level: 1, name: "Customer Groups" })).toBeVisible();
  const first = (await api(request).groups({ per_page: 10 })).items;
  await expect(bodyRows(page)).toHaveCount(first.length);
  await expect(bodyRows(page).first()).toContainText(first[0].name);
  for (const col of ["#", "Name", "Description", "Created", "Customers", "Actions"]) {
    await expect(grid(page).getByRole("columnheader", { name: col, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Add Customer Group" })).toBeVisible();
  // Member counts come from the server.
  const row = bodyRows(page).first();
  await expect(row.locator("td").nth(4)).toHaveText(first[0].customer_count.toLocaleString("en-US"));
});

test("sorting by name descending is in the URL, survives reload, and sets aria-sort", async ({ page, request }) => {
  await page.goto("/customer-groups");
  await expect(bodyRows(page)).toHaveCount(10);
  const nameHeader = grid(page).getByRole("columnheader", { name: "Name" });
  await nameHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await nameHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  const expected = (await api(request).groups({ sort: "name", order: "desc" })).items.map((g) => g.name);
  await expect(bodyRows(page).locator("td:nth-child(2)")).toHaveText(expected);
  await page.reload();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(bodyRows(page).locator("td:nth-child(2)")).toHaveText(expected);
});

test("paging and page size are in the URL and Back restores the previous page", async ({ page, request }) => {
  const total = (await api(request).groups()).total;
  await page.goto("/customer-groups");
  await expect(grid(page).getByText(`1–10 of ${total}`)).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(grid(page).getByText(`11–20 of ${total}`)).toBeVisible();
  const page2 = (await api(request).groups({ page: 2 })).items.map((g) => String(g.id));
  expect(await firstCellTexts(page)).toEqual(page2);
  await page.goBack();
  await expect(grid(page).getByText(`1–10 of ${total}`)).toBeVisible();
  await grid(page).getByLabel("Rows per page").selectOption("25");
  await expect(page).toHaveURL(/size=25/);
  await expect(bodyRows(page)).toHaveCount(Math.min(25, total));
  // Back to size 10: the select follows the URL.
  await page.goBack();
  await expect(page).not.toHaveURL(/size=25/);
  await expect(grid(page).getByLabel("Rows per page")).toHaveValue("10");
  await page.reload();
  await expect(grid(page).getByLabel("Rows per page")).toHaveValue("10");
});

test("search filters on the server, debounced, kept in the URL and restored on reload", async ({ page, request }) => {
  const name = uniqueName("Findable Wholesale");
  await api(request).createGroup({ name, description: "Only for the search test" });
  await page.goto("/customer-groups?page=2");
  await page.getByRole("searchbox").fill(name);
  await expect(page).toHaveURL(/q=Findable/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText(name);
  await page.reload();
  await expect(page.getByRole("searchbox")).toHaveValue(name);
  await expect(bodyRows(page)).toHaveCount(1);
  await page.getByRole("searchbox").fill("zz-nothing-matches-this-zz");
  await expect(grid(page).getByText("Nothing matches your search.")).toBeVisible();
});

test("a failing server shows what happened and Retry recovers, keeping the view", async ({ page }) => {
  let fail = true;
  await page.route("**/api/v1/customer-groups?*", (route) =>
    fail
      ? route.fulfill({ status: 503, contentType: "application/json", body: '{"message":"maintenance window"}' })
      : route.continue(),
  );
  await page.goto("/customer-groups?sort=-name");
  await expect(page.getByRole("alert")).toContainText("HTTP 503");
  await expect(page.getByRole("alert")).toContainText("maintenance window");
  fail = false;
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page).toHaveURL(/sort=-name/);
});

test("the network being down is told in words", async ({ page }) => {
  await page.route("**/api/v1/customer-groups?*", (route) => route.abort("connectionrefused"));
  await page.goto("/customer-groups");
  await expect(page.getByRole("alert")).toContainText("could not be reached");
});

test("an unknown path shows a not-found page with a way back", async ({ page }) => {
  await page.goto("/customer-groups/1/nope/deeper");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to Customer Groups" }).click();
  await expect(page).toHaveURL(/\/customer-groups$/);
});

test("a bookmarked page past the end offers the first page", async ({ page }) => {
  await page.goto("/customer-groups?page=999");
  await expect(page.getByText("There is nothing on this page any more.")).toBeVisible();
  await page.getByTestId("groups-grid").getByRole("button", { name: "First page" }).first().click();
  await expect(page).not.toHaveURL(/page=999/);
  await expect(page.getByTestId("groups-grid").locator("tbody tr[data-id]")).toHaveCount(10);
});

// Every status the API can answer has its own, specific message (and the server's
// words where it sent some).
for (const [status, expected] of [
  [400, "The server rejected the request."],
  [401, "Your session has expired. Sign in again, then retry."],
  [403, "You do not have permission to do this."],
  [409, "Someone else changed this at the same time."],
  [422, "Some fields need attention."],
  [500, "The server failed. (HTTP 500)"],
  [502, "The server failed. (HTTP 502)"],
]) {
  test(`HTTP ${status} on the list is told specifically`, async ({ page }) => {
    await page.route("**/api/v1/customer-groups?*", (route) =>
      route.fulfill({ status, contentType: "application/json", body: '{"message":"detail from server"}' }),
    );
    await page.goto("/customer-groups");
    await expect(page.getByRole("alert")).toContainText(expected);
    if (![401, 403].includes(status)) await expect(page.getByRole("alert")).toContainText("detail from server");
    await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  });
}

test("an answer that is not JSON is told as such", async ({ page }) => {
  await page.route("**/api/v1/customer-groups?*", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<html>login page</html>" }),
  );
  await page.goto("/customer-groups");
  await expect(page.getByRole("alert")).toContainText("The server answered in an unexpected format.");
});
